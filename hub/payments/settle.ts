/**
 * What a verified bank notification does, in one transaction under the feed lock (the hub's own
 * records join the change feed like a desk's, in order): matched to its payment request by
 * reference, checked against the amount and currency asked, recorded once however many times it
 * arrives, and — when paid — turned into an append-only payment of at most the invoice's balance,
 * any excess becoming a customer credit to refund. See docs/payments.md.
 */
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { ulid } from 'ulid'
import { formatHlc } from '../../main/sync/hlc'
import type { HubDb, HubTx } from '../db/types'
import { HUB_SCHEMA_VERSION } from '../protocol'
import { entityRules } from '../sync/entityRules'
import { FEED_LOCK } from '../sync/feed'

export type Gateway = 'monetico' | 'cmi' | 'fatourati' | 'amanpay'

export const METHOD_OF_GATEWAY: Record<Gateway, string> = {
  monetico: 'card_monetico',
  cmi: 'card_cmi',
  fatourati: 'fatourati',
  amanpay: 'amanpay',
}

export interface GatewayReport {
  gateway: Gateway
  reference: string
  outcome: 'paid' | 'refused'
  amountMinor: number | null
  /** ISO alphabetic. */
  currency: string | null
  authorisation: string | null
  maskedPan: string | null
  detail: string | null
  test: boolean
  /** Every field the bank posted (they hold no secret: the card number comes masked). */
  fields: Record<string, unknown>
  remoteAddress: string | null
}

export type Verdict =
  | { kind: 'settled'; requestId: string; paymentId: string | null; creditId: string | null }
  | { kind: 'recorded'; requestId: string }
  | { kind: 'duplicate'; requestId: string | null }
  | { kind: 'rejected'; reason: 'unknown_reference' | 'amount_mismatch' | 'currency_mismatch' }

type Row = Record<string, unknown>
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows

/** Digest of a notification's fields, whatever their order. */
export function notificationDigest(fields: Record<string, unknown>): string {
  const sorted = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k]])
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex')
}

export interface PaymentRequestRecord {
  id: string
  invoiceId: string
  customerId: string
  gateway: Gateway
  reference: string
  amountMinor: number
  currency: string
  email: string | null
  expiresAt: string
  deskId: string
  staffId: string | null
}

export async function findRequest(
  db: HubDb | HubTx,
  by: { id: string } | { gateway: string; reference: string },
): Promise<PaymentRequestRecord | null> {
  const where =
    'id' in by
      ? sql`entity_id = ${by.id}`
      : sql`fields->>'reference' = ${by.reference} AND fields->>'gateway' = ${by.gateway}`
  const [row] = rowsOf<{ entity_id: string; fields: Row }>(
    await db.execute(
      sql`SELECT entity_id, fields FROM entities WHERE entity = 'payment_request' AND ${where} LIMIT 1`,
    ),
  )
  if (!row) return null
  const f = row.fields
  return {
    id: row.entity_id,
    invoiceId: String(f.invoiceId),
    customerId: String(f.customerId),
    gateway: f.gateway as Gateway,
    reference: String(f.reference),
    amountMinor: Number(f.amountMinor),
    currency: String(f.currency),
    email: (f.email as string | null) ?? null,
    expiresAt: String(f.expiresAt),
    deskId: String(f.deskId),
    staffId: (f.staffId as string | null) ?? null,
  }
}

/** The request's outcomes the hub recorded, oldest first. */
export async function outcomesOf(db: HubDb | HubTx, requestId: string): Promise<Row[]> {
  return rowsOf<{ fields: Row }>(
    await db.execute(
      sql`SELECT fields FROM entities WHERE entity = 'payment_outcome' AND fields->>'requestId' = ${requestId}
          ORDER BY fields->>'createdAt'`,
    ),
  ).map((r) => r.fields)
}

/** What the hub knows is still due on an invoice: its total less every payment it holds. */
async function invoiceDue(tx: HubTx, invoiceId: string): Promise<number | null> {
  const [invoice] = rowsOf<{ total: string | number }>(
    await tx.execute(
      sql`SELECT (fields->>'totalGrossMinor')::bigint AS total FROM entities WHERE entity = 'invoice' AND entity_id = ${invoiceId}`,
    ),
  )
  if (!invoice) return null
  const [paid] = rowsOf<{ s: string | number }>(
    await tx.execute(
      sql`SELECT coalesce(sum((fields->>'amountMinor')::bigint), 0) AS s FROM entities
          WHERE entity = 'payment' AND fields->>'invoiceId' = ${invoiceId}`,
    ),
  )
  // Credit notes carry a negative gross and name the invoice they correct.
  const [credited] = rowsOf<{ s: string | number }>(
    await tx.execute(
      sql`SELECT coalesce(sum((fields->>'totalGrossMinor')::bigint), 0) AS s FROM entities
          WHERE entity = 'invoice' AND fields->>'creditedInvoiceId' = ${invoiceId}`,
    ),
  )
  return Number(invoice.total) - Number(paid?.s ?? 0) + Number(credited?.s ?? 0)
}

/**
 * Writes a record the hub creates and its entry in the change feed, as applyOp does for a desk's:
 * `append` for append-only entities, `create` for the hub's per-field (lww) records.
 */
export async function createRecord(
  tx: HubTx,
  entity: string,
  id: string,
  fields: Row,
  clock: string,
  kind: 'append' | 'create' = 'append',
): Promise<void> {
  const allowed = new Set(entityRules[entity]!.fields)
  const kept = Object.fromEntries(Object.entries(fields).filter(([k]) => allowed.has(k)))
  const clocks = Object.fromEntries(Object.keys(kept).map((k) => [k, clock]))
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`
  await tx.execute(sql`INSERT INTO entities (entity, entity_id, fields, clocks, writers, version, deleted)
    VALUES (${entity}, ${id}, ${json(kept)}, ${json(clocks)}, '{}'::jsonb, ${clock}, false)`)
  await tx.execute(sql`INSERT INTO changes (entity, entity_id, kind, fields, clocks, origin_desk, op_id, schema_version)
    VALUES (${entity}, ${id}, ${kind}, ${json(kept)}, ${json(clocks)}, NULL, NULL, ${HUB_SCHEMA_VERSION})`)
}

async function securityEvent(tx: HubTx, kind: string, report: GatewayReport, detail: Row): Promise<void> {
  await tx.execute(sql`INSERT INTO security_events (kind, gateway, reference, remote_address, detail)
    VALUES (${kind}, ${report.gateway}, ${report.reference}, ${report.remoteAddress},
      ${JSON.stringify({ ...detail, fields: report.fields })}::jsonb)`)
}

/** Records a refused notification (bad signature): nothing else is read or written. */
export async function recordForgery(
  db: HubDb,
  report: Omit<GatewayReport, 'outcome'> & { outcome?: string },
) {
  await db.execute(sql`INSERT INTO security_events (kind, gateway, reference, remote_address, detail)
    VALUES ('forged_signature', ${report.gateway}, ${report.reference}, ${report.remoteAddress},
      ${JSON.stringify({ fields: report.fields })}::jsonb)`)
}

export async function processReport(db: HubDb, report: GatewayReport, now = new Date()): Promise<Verdict> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FEED_LOCK})`)
    const digest = notificationDigest(report.fields)
    const fresh = rowsOf<{ id: number }>(
      await tx.execute(sql`INSERT INTO payment_notifications (gateway, reference, digest, verdict, fields)
        VALUES (${report.gateway}, ${report.reference}, ${digest}, 'pending', ${JSON.stringify(report.fields)}::jsonb)
        ON CONFLICT (gateway, digest) DO NOTHING RETURNING id`),
    )
    if (fresh.length === 0) {
      const [seen] = rowsOf<{ request_id: string | null }>(
        await tx.execute(
          sql`SELECT request_id FROM payment_notifications WHERE gateway = ${report.gateway} AND digest = ${digest}`,
        ),
      )
      return { kind: 'duplicate', requestId: seen?.request_id ?? null }
    }
    const notificationId = fresh[0]!.id
    const verdict = await decide(tx, report, now)
    await tx.execute(sql`UPDATE payment_notifications SET verdict = ${verdict.kind},
      request_id = ${'requestId' in verdict ? verdict.requestId : null} WHERE id = ${notificationId}`)
    return verdict
  })
}

async function decide(tx: HubTx, report: GatewayReport, now: Date): Promise<Verdict> {
  const request = await findRequest(tx, { gateway: report.gateway, reference: report.reference })
  if (!request) {
    await securityEvent(tx, 'unknown_reference', report, {})
    return { kind: 'rejected', reason: 'unknown_reference' }
  }
  // A refusal may carry the amount too; whatever the outcome, a different amount or currency is
  // not a message about this request.
  if (report.currency !== request.currency) {
    await securityEvent(tx, 'currency_mismatch', report, {
      expected: request.currency,
      requestId: request.id,
    })
    return { kind: 'rejected', reason: 'currency_mismatch' }
  }
  if (report.amountMinor !== request.amountMinor) {
    await securityEvent(tx, 'amount_mismatch', report, {
      expected: request.amountMinor,
      requestId: request.id,
    })
    return { kind: 'rejected', reason: 'amount_mismatch' }
  }
  const earlier = await outcomesOf(tx, request.id)
  if (report.outcome === 'paid' && earlier.some((o) => o.outcome === 'paid'))
    return { kind: 'duplicate', requestId: request.id }

  const at = now.toISOString()
  const clock = formatHlc({ wall: now.getTime(), counter: 0, node: 'HUB' })
  const outcome: Row = {
    requestId: request.id,
    outcome: report.outcome,
    amountMinor: report.amountMinor,
    currency: report.currency,
    authorisation: report.authorisation,
    maskedPan: report.maskedPan,
    detail: report.detail,
    test: report.test ? 1 : 0,
    paymentId: null,
    creditId: null,
    receivedAt: at,
    createdAt: at,
  }
  if (report.outcome === 'refused') {
    await createRecord(tx, 'payment_outcome', ulid(), outcome, clock)
    return { kind: 'recorded', requestId: request.id }
  }

  const due = Math.max(0, (await invoiceDue(tx, request.invoiceId)) ?? 0)
  const settled = Math.min(request.amountMinor, due)
  const excess = request.amountMinor - settled
  let paymentId: string | null = null
  let creditId: string | null = null
  if (settled > 0) {
    paymentId = ulid()
    await createRecord(
      tx,
      'payment',
      paymentId,
      {
        invoiceId: request.invoiceId,
        customerId: request.customerId,
        method: METHOD_OF_GATEWAY[request.gateway],
        amountMinor: settled,
        currency: request.currency,
        receivedAt: at,
        reference: report.authorisation ? `${request.reference}/${report.authorisation}` : request.reference,
        reversesId: null,
        deskId: request.deskId,
        staffId: request.staffId,
        createdAt: at,
        details: JSON.stringify({
          gateway: request.gateway,
          requestId: request.id,
          authorisation: report.authorisation,
          maskedPan: report.maskedPan,
          test: report.test,
        }),
      },
      clock,
    )
  }
  if (excess > 0) {
    creditId = ulid()
    await createRecord(
      tx,
      'customer_credit',
      creditId,
      {
        customerId: request.customerId,
        invoiceId: request.invoiceId,
        requestId: request.id,
        amountMinor: excess,
        currency: request.currency,
        reason: settled > 0 ? 'overpaid' : 'already_settled',
        createdAt: at,
      },
      clock,
    )
  }
  await createRecord(tx, 'payment_outcome', ulid(), { ...outcome, paymentId, creditId }, clock)
  return { kind: 'settled', requestId: request.id, paymentId, creditId }
}
