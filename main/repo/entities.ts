import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'

export type TableWithId = SQLiteTable & { id: SQLiteColumn }

/**
 * How the repository layer treats a table: its entity name in the audit log and the outbox, the
 * fields that never leave the desk (derived search keys), and the fields never written to the
 * audit log (secrets).
 */
export interface EntityDef<T extends TableWithId = TableWithId> {
  name: string
  table: T
  /** false for desk-local tables (settings): audited, but not pushed to the hub. */
  synced: boolean
  /** Property names (not column names) of derived fields, rebuilt on each desk. */
  localFields?: readonly string[]
  /** Property names shown as "[redacted]" in the audit log. */
  redactedFields?: readonly string[]
  /** Synced entities carry version/clocks/createdAt/updatedAt (see schema/sync.ts). */
  versioned: boolean
}

export const SYNC_META_FIELDS = ['version', 'clocks'] as const
