import { eq } from 'drizzle-orm'
import type { Change } from '../../hub/protocol'
import type { Repository } from '../repo/repository'
import { columnNames, type DeskEntity, deskEntities } from './deskEntities'
import { latestHlc } from './hlc'

type Row = Record<string, unknown>

export class NotUnderstoodError extends Error {
  constructor(
    readonly change: Change,
    reason: string,
  ) {
    super(`change ${change.hubSeq} (${change.entity}) not understood: ${reason}`)
  }
}

const SYNC_META = new Set(['id', 'version', 'clocks'])
const maxClock = (clocks: Record<string, string>) => latestHlc(Object.values(clocks))

/** Throws unless every entity and field of the change is one this desk knows. */
function understood(change: Change): DeskEntity {
  const def = deskEntities[change.entity]
  if (!def) throw new NotUnderstoodError(change, `unknown entity ${change.entity}`)
  const columns = columnNames(def.table)
  const unknown = Object.keys(change.fields).filter((f) => !columns.has(f) || SYNC_META.has(f))
  if (unknown.length > 0) throw new NotUnderstoodError(change, `unknown fields ${unknown.join(', ')}`)
  return def
}

function toColumns(def: DeskEntity, fields: Row): Row {
  const out: Row = { ...fields }
  for (const c of def.jsonColumns ?? [])
    if (c in out) out[c] = out[c] === null ? null : JSON.stringify(out[c])
  return out
}

/**
 * Applies one pulled change to this desk's tables, without any outbox entry (it came from the hub)
 * and idempotently: a field is taken only if its clock is newer than the one the desk holds, so
 * applying a page twice, or the echo of the desk's own change, changes nothing.
 */
export function applyChange(repo: Repository, change: Change, now: string): void {
  const def = understood(change)
  const table = def.table
  const existing = repo.db.select().from(table).where(eq(table.id, change.entityId)).get() as Row | undefined

  if (def.mode === 'append') {
    if (!existing)
      repo.db
        .insert(table)
        .values({ id: change.entityId, ...toColumns(def, change.fields) })
        .run()
    return
  }

  if (change.kind === 'delete') {
    if (existing) repo.db.delete(table).where(eq(table.id, change.entityId)).run()
    return
  }

  const columns = columnNames(table)
  if (!existing) {
    // An update for a row this desk no longer has (deleted here): the hub has recorded the
    // conflict; nothing to merge into.
    if (change.kind !== 'create') return
    const fields = toColumns(def, change.fields)
    const row: Row = { id: change.entityId, ...fields }
    if (columns.has('createdAt')) row.createdAt ??= now
    if (columns.has('updatedAt')) row.updatedAt ??= now
    Object.assign(row, def.derive?.(row) ?? {}, {
      version: maxClock(change.clocks),
      clocks: JSON.stringify(change.clocks),
    })
    repo.db.insert(table).values(row).run()
    def.afterWrite?.(repo.db, repo.sqlite, change.entityId, row)
    return
  }

  const clocks = JSON.parse(String(existing.clocks ?? '{}')) as Record<string, string>
  const patch: Row = {}
  for (const [field, value] of Object.entries(toColumns(def, change.fields))) {
    const incoming = change.clocks[field]
    if (incoming && incoming > (clocks[field] ?? '')) {
      patch[field] = value
      clocks[field] = incoming
    }
  }
  if (Object.keys(patch).length === 0) return
  const merged = { ...existing, ...patch }
  Object.assign(patch, def.derive?.(merged) ?? {}, {
    clocks: JSON.stringify(clocks),
    version: maxClock(clocks),
  })
  repo.db.update(table).set(patch).where(eq(table.id, change.entityId)).run()
  def.afterWrite?.(repo.db, repo.sqlite, change.entityId, { ...merged, ...patch })
}
