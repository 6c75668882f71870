import type Database from 'better-sqlite3'
import type { AuditEntry, OutboxStats } from '../../../preload/contract'

interface AuditRow {
  id: string
  at: string
  staff_id: string | null
  staff_name: string | null
  desk_id: string
  action: string
  entity: string
  entity_id: string
  before: string | null
  after: string | null
}

/** Reads of the audit log and the outbox (the writes happen in the repository layer). */
export class AuditService {
  constructor(private readonly sqlite: Database.Database) {}

  history(entity: string, entityId: string, limit: number): AuditEntry[] {
    const rows = this.sqlite
      .prepare(
        `SELECT a.*, s.display_name AS staff_name FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC LIMIT ?`,
      )
      .all(entity, entityId, limit) as AuditRow[]
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      staffId: r.staff_id,
      staffName: r.staff_name,
      deskId: r.desk_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
    }))
  }

  outboxStats(): OutboxStats {
    const rows = this.sqlite.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
      state: string
      n: number
    }[]
    const count = (s: string) => rows.find((r) => r.state === s)?.n ?? 0
    const last = this.sqlite.prepare('SELECT max(seq) AS s FROM outbox').get() as { s: number | null }
    return {
      pending: count('pending'),
      rejected: count('rejected'),
      acknowledged: count('acked'),
      lastSeq: last.s ?? 0,
    }
  }
}
