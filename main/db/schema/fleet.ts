/** Tables of the fleet area (drizzle-orm; migrations by `npm run db:generate`). */
export {}
