/**
 * Sync operations built by hand (what a desk's outbox sends), a hub reached through its real
 * HTTP handlers without a socket (`inject`), and a normalised picture of the hub's state, for the
 * property-based tests.
 */
import { asc, sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { changes, entities, ops, seriesNumbers } from '../../hub/db/schema'
import type { HubDb } from '../../hub/db/types'
import { SYNC_SCHEMA_VERSION, type SyncOp } from '../../hub/protocol'
import { formatHlc } from '../../main/sync/hlc'
import type { HubTransport } from '../../main/sync/hubTransport'
import { canonical } from './syncDesk'

export const hlcOf = (wall: number, counter: number, node: string) =>
  formatHlc({ wall: 1_795_000_000_000 + wall, counter, node })

/** A 26-character id (the hub takes any id; desks use ULIDs), readable in a failure. */
export const idOf = (prefix: string, n: number) => `${prefix}${String(n).padStart(26 - prefix.length, '0')}`

function op(
  deskId: string,
  seq: number,
  entity: string,
  entityId: string,
  kind: SyncOp['kind'],
  hlc: string,
  fields: Record<string, unknown>,
  base: Record<string, string | null> = {},
): SyncOp {
  return {
    opId: idOf(`OP${deskId}S`, seq),
    deskId,
    seq,
    entity,
    entityId,
    kind,
    fields,
    base,
    hlc,
    schemaVersion: SYNC_SCHEMA_VERSION,
  }
}

export function customerCreate(deskId: string, seq: number, id: string, hlc: string, n: number): SyncOp {
  return op(deskId, seq, 'customer', id, 'create', hlc, {
    customerNumber: `${deskId}-${String(n).padStart(6, '0')}`,
    kind: 'person',
    title: 'mr',
    firstName: `Prénom${n}`,
    lastName: `Nom${n}`,
    companyName: null,
    displayName: `Prénom${n} Nom${n}`,
    email: `c${n}@prop.test`,
    phones: '[]',
    language: 'fr',
    street: '1 quai du Port',
    postalCode: '13002',
    city: 'Marseille',
    country: 'FR',
    billingAddress: null,
    identifiers: '{}',
    notes: null,
    createdAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
  })
}

export function customerUpdate(
  deskId: string,
  seq: number,
  id: string,
  hlc: string,
  fields: Record<string, unknown>,
  base: Record<string, string | null>,
): SyncOp {
  return op(deskId, seq, 'customer', id, 'update', hlc, fields, base)
}

export function invoiceAppend(
  deskId: string,
  seq: number,
  id: string,
  hlc: string,
  input: { number: number; customerId: string; net: number },
): SyncOp {
  const series = `2026-${deskId}`
  return op(deskId, seq, 'invoice', id, 'append', hlc, {
    series,
    number: input.number,
    invoiceNumber: `${series}-${String(input.number).padStart(6, '0')}`,
    customerId: input.customerId,
    kind: 'service',
    label: `Prestation ${input.number}`,
    issueDate: '2026-11-22',
    currency: 'MAD',
    totalNetMinor: input.net,
    totalVatMinor: Math.round(input.net * 0.2),
    totalGrossMinor: input.net + Math.round(input.net * 0.2),
    creditedInvoiceId: null,
    deskId,
    createdAt: '2026-11-22T10:00:00.000Z',
  })
}

export function paymentAppend(
  deskId: string,
  seq: number,
  id: string,
  hlc: string,
  input: { invoiceId: string; customerId: string; amount: number },
): SyncOp {
  return op(deskId, seq, 'payment', id, 'append', hlc, {
    invoiceId: input.invoiceId,
    customerId: input.customerId,
    method: 'cash',
    amountMinor: input.amount,
    currency: 'MAD',
    receivedAt: '2026-11-22T11:00:00.000Z',
    reference: null,
    reversesId: null,
    deskId,
    staffId: null,
    createdAt: '2026-11-22T11:00:00.000Z',
  })
}

/** The hub's real routes, called in-process (no socket), with a desk's credential. */
export function injectTransport(server: FastifyInstance, credential: string): HubTransport {
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await server.inject({
      method,
      url,
      headers: { authorization: `Bearer ${credential}` },
      ...(payload ? { payload: payload as object } : {}),
    })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
    return response.json()
  }
  return {
    push: (request) => call('POST', '/v1/sync/push', request),
    pull: (request) => call('POST', '/v1/sync/pull', request),
    state: () => call('GET', '/v1/sync/state'),
  }
}

/** Empties the synced data of a hub (enrolled desks stay). */
export async function truncateHub(db: HubDb): Promise<void> {
  await db.execute(sql`TRUNCATE ops, entities, changes, series_numbers RESTART IDENTITY`)
}

/**
 * The hub's state with what legitimately differs between two equal histories taken out: a
 * conflict record's id and detection time (new at each detection), the arrival time of an op.
 */
export async function hubState(db: HubDb, options: { feed?: boolean } = {}) {
  const conflictKey = (fields: Record<string, unknown>) => {
    const { createdAt: _c, updatedAt: _u, ...rest } = fields
    return canonical(rest)
  }
  const rows = await db.select().from(entities).orderBy(asc(entities.entity), asc(entities.entityId))
  const records = rows
    .map((r) =>
      r.entity === 'sync_conflict'
        ? `sync_conflict ${conflictKey(r.fields as Record<string, unknown>)}`
        : `${r.entity} ${r.entityId} ${canonical({ f: r.fields, c: r.clocks, w: r.writers, v: r.version, d: r.deleted })}`,
    )
    .sort()
  const numbers = await db
    .select()
    .from(seriesNumbers)
    .orderBy(asc(seriesNumbers.series), asc(seriesNumbers.number))
  const held = (await db.select().from(ops).orderBy(asc(ops.opId))).map(({ receivedAt: _r, ...rest }) =>
    canonical(rest),
  )
  const feed = options.feed
    ? (await db.select().from(changes).orderBy(asc(changes.hubSeq))).map((c) =>
        c.entity === 'sync_conflict'
          ? `${c.hubSeq} sync_conflict ${conflictKey(c.fields as Record<string, unknown>)}`
          : `${c.hubSeq} ${canonical({ ...c })}`,
      )
    : []
  return { records, numbers, ops: held, feed }
}
