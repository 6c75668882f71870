/** Tables of the payments area (drizzle-orm; migrations by `npm run db:generate`). */
export {}
