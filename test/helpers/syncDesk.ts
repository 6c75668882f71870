/**
 * Desks for sync tests (real SQLite files, reopened on the same folder after a crash) and the
 * fingerprints a simulation compares: every synced table of every desk, and the hub's merged
 * records, in one canonical form.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, type SQL } from 'drizzle-orm'
import { entities } from '../../hub/db/schema'
import type { HubDb } from '../../hub/db/types'
import type { Clock } from '../../main/app/clock'
import { type Core, createCore } from '../../main/app/core'
import { customers, invoices, payments, seriesVoids, syncConflicts } from '../../main/db/schema'
import type { TableWithId } from '../../main/repo/entities'
import type { Actor } from '../../main/repo/repository'
import { type CustomerData, customerInput, type Phone } from '../../preload/contract'
import { shiftableClock } from './clock'

export interface SyncDesk {
  deskId: string
  dir: string
  clock: Clock
  core: Core
  actor: Actor
  /** What the desk logged (the sync service logs each run that moved something). */
  events: Record<string, unknown>[]
  /** Closes the database, keeping the folder (as a desk process that exits). */
  close(): void
  /** Opens the same folder again (after close, or after a child process used it). */
  reopen(): Promise<void>
  dispose(): void
}

export async function openDeskCore(
  dir: string,
  deskId: string,
  clock: Clock,
  log?: (entry: Record<string, unknown>) => void,
): Promise<Core> {
  return createCore({
    dataDir: dir,
    deskId,
    demo: false,
    host: 'browser',
    version: 'test',
    clock,
    ...(log ? { log } : {}),
  })
}

/** A desk on a fresh temp folder; its clock starts at `start` and moves a second per reading. */
export async function syncDesk(deskId: string, start = '2026-11-22T09:00:00Z'): Promise<SyncDesk> {
  const dir = mkdtempSync(join(tmpdir(), `guichet-desk-${deskId}-`))
  const clock = shiftableClock(start, 1000)
  const events: Record<string, unknown>[] = []
  const log = (entry: Record<string, unknown>) => void events.push(entry)
  const desk: SyncDesk = {
    deskId,
    dir,
    clock,
    core: await openDeskCore(dir, deskId, clock, log),
    actor: { staffId: null, deskId },
    events,
    close: () => desk.core.close(),
    reopen: async () => {
      desk.core = await openDeskCore(dir, deskId, clock, log)
    },
    dispose: () => {
      try {
        desk.core.close()
      } catch {
        // already closed
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return desk
}

type Row = Record<string, unknown>
type CustomerRow = typeof customers.$inferSelect

/** The form input that would save this customer as it is (then change one field of it). */
export function customerDataOf(row: CustomerRow, patch: Partial<Record<string, unknown>> = {}): CustomerData {
  const input: Row = {
    kind: row.kind,
    ...(row.title ? { title: row.title } : {}),
    ...(row.firstName ? { firstName: row.firstName } : {}),
    ...(row.lastName ? { lastName: row.lastName } : {}),
    ...(row.companyName ? { companyName: row.companyName } : {}),
    ...(row.email ? { email: row.email } : {}),
    phones: JSON.parse(row.phones) as Phone[],
    language: row.language,
    address: { street: row.street, postalCode: row.postalCode, city: row.city, country: row.country },
    billingAddress: row.billingAddress ? JSON.parse(row.billingAddress) : null,
    identifiers: JSON.parse(row.identifiers),
    ...(row.notes ? { notes: row.notes } : {}),
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key in (input.address as Row) && key !== 'kind') (input.address as Row)[key] = value
    else input[key] = value
  }
  return customerInput.parse(input)
}

/** JSON with object keys sorted at every level: equal values, equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)

/** The synced tables, by hub entity name, with the columns that hold JSON text on a desk. */
export const syncedTables: Record<string, { table: TableWithId; json: string[]; local: string[] }> = {
  customer: { table: customers, json: ['clocks'], local: ['sortName', 'altName', 'emailKey'] },
  invoice: { table: invoices, json: [], local: [] },
  payment: { table: payments, json: [], local: [] },
  series_void: { table: seriesVoids, json: [], local: [] },
  sync_conflict: { table: syncConflicts, json: ['clocks', 'theirs', 'yours'], local: [] },
}

export interface TableImage {
  /** id -> canonical JSON of the row. */
  rows: Map<string, string>
  hash: string
}

function image(rows: Row[]): TableImage {
  const map = new Map<string, string>()
  for (const row of rows) map.set(String(row.id), canonical(row))
  const hash = sha(
    [...map.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, v]) => v)
      .join('\n'),
  )
  return { rows: map, hash }
}

/**
 * A desk's synced tables, every column (derived ones too: they are rebuilt identically), JSON
 * text parsed so that key order does not count. `forHub` leaves out what the hub does not keep
 * (derived columns).
 */
export function deskImage(core: Core, options: { forHub?: boolean } = {}): Record<string, TableImage> {
  const out: Record<string, TableImage> = {}
  for (const [entity, def] of Object.entries(syncedTables)) {
    const rows = (core.services.repo.db.select().from(def.table).all() as Row[]).map((r) => {
      const row: Row = { ...r }
      for (const c of def.json) if (typeof row[c] === 'string') row[c] = JSON.parse(row[c] as string)
      if (options.forHub) for (const c of def.local) delete row[c]
      return row
    })
    out[entity] = image(rows)
  }
  return out
}

/** The hub's merged records in a desk's shape: fields, plus version and clocks for merged ones. */
export async function hubImage(db: HubDb): Promise<Record<string, TableImage>> {
  const out: Record<string, TableImage> = {}
  for (const [entity, def] of Object.entries(syncedTables)) {
    const rows = await db.select().from(entities).where(eq(entities.entity, entity))
    const versioned = def.json.includes('clocks')
    out[entity] = image(
      rows
        .filter((r) => !r.deleted)
        .map((r) => ({
          id: r.entityId,
          ...(r.fields as Row),
          ...(versioned ? { version: r.version, clocks: r.clocks } : {}),
        })),
    )
  }
  return out
}

/** The rows of a raw query, whichever driver (node-postgres or PGlite) ran it. */
export async function hubRows<T>(db: HubDb, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/** The first differences between two images of a table, for a readable failure. */
export function imageDiff(a: TableImage, b: TableImage, limit = 3): string[] {
  const out: string[] = []
  for (const id of new Set([...a.rows.keys(), ...b.rows.keys()])) {
    const x = a.rows.get(id)
    const y = b.rows.get(id)
    if (x === y) continue
    out.push(`${id}:\n    ${x ?? '(missing)'}\n    ${y ?? '(missing)'}`)
    if (out.length >= limit) break
  }
  return out
}
