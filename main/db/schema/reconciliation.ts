/** Gateway settlement files imported for reconciliation (see docs/payments.md, "Reconciliation"). */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * One imported settlement file: its SHA-256 recognises the same file imported again. Kept on the
 * desk that imported it (the report is recomputed from the file's rows, stored as JSON).
 */
export const settlementImports = sqliteTable(
  'settlement_imports',
  {
    id: text('id').primaryKey(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    rowCount: integer('row_count').notNull(),
    /** The validated rows, as JSON (SettlementRow[]). */
    rows: text('rows').notNull(),
    dateFrom: text('date_from').notNull(),
    dateTo: text('date_to').notNull(),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('settlement_imports_sha_idx').on(t.sha256)],
)
