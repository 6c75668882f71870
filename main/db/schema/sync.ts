import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Columns every synced entity carries: `version` is the clock of its last change, `clocks` the
 * clock of each field's last change (JSON), which the hub's per-field last-writer-wins merge needs.
 */
export function syncColumns() {
  return {
    version: text('version').notNull(),
    clocks: text('clocks').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  }
}

/**
 * Conflicts found by the hub (a field changed concurrently on two desks, or a record deleted on
 * one and edited on another), pulled like any record so that a supervisor on any desk can resolve
 * them: keep mine, keep theirs, or edit.
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    /** JSON of the value the hub had, and of the value the later operation brought. */
    theirs: text('theirs'),
    theirsHlc: text('theirs_hlc'),
    theirsDesk: text('theirs_desk'),
    yours: text('yours'),
    yoursHlc: text('yours_hlc'),
    yoursDesk: text('yours_desk'),
    opId: text('op_id'),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    resolution: text('resolution'),
    resolvedBy: text('resolved_by'),
    ...syncColumns(),
  },
  (t) => [index('sync_conflicts_status_idx').on(t.status, t.id)],
)

/** This desk's sync bookkeeping: hub cursor, last success, last error (desk-local, never synced). */
export const syncState = sqliteTable('sync_state', {
  id: text('id').primaryKey(),
  value: text('value').notNull(),
})
