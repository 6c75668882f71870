import type Database from 'better-sqlite3'

/** The tables a write may touch: counted before and after a call to prove it wrote nothing. */
export const WRITTEN_TABLES = [
  'customers',
  'customer_phone_keys',
  'audit_log',
  'outbox',
  'staff',
  'settings',
  'clock_state',
] as const

export type RowCounts = Record<(typeof WRITTEN_TABLES)[number], number>

export function rowCounts(sqlite: Database.Database): RowCounts {
  const counts = {} as RowCounts
  for (const table of WRITTEN_TABLES) {
    counts[table] = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  }
  return counts
}

/** A fingerprint of the whole written state: counts plus the persisted clock. */
export function dbState(sqlite: Database.Database): RowCounts & { clock: string | null } {
  const clock = sqlite.prepare('SELECT last FROM clock_state WHERE id = 1').get() as
    | { last: string }
    | undefined
  return { ...rowCounts(sqlite), clock: clock?.last ?? null }
}

export interface OutboxRow {
  seq: number
  op_id: string
  desk_id: string
  entity: string
  entity_id: string
  kind: string
  fields: string
  base: string
  hlc: string
  schema_version: number
  staff_id: string | null
  created_at: string
  state: string
}

export interface AuditRow {
  id: string
  at: string
  staff_id: string | null
  desk_id: string
  action: string
  entity: string
  entity_id: string
  before: string | null
  after: string | null
}

export function outboxRows(sqlite: Database.Database): OutboxRow[] {
  return sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[]
}

export function auditRows(sqlite: Database.Database): AuditRow[] {
  return sqlite.prepare('SELECT * FROM audit_log ORDER BY rowid').all() as AuditRow[]
}

export function tableNames(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name)
}
