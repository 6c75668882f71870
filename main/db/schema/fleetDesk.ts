/** Tables of the fleetDesk area (drizzle-orm; migrations by `npm run db:generate`). */
export {}
