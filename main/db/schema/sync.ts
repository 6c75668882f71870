import { text } from 'drizzle-orm/sqlite-core'

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
