/** Tables of the invoicing area (drizzle-orm; migrations by `npm run db:generate`). */
export {}
