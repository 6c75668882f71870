/** Tables of the harbour area (drizzle-orm; migrations by `npm run db:generate`). */
export {}
