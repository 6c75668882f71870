import type Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import type { ProvisioningRequestView, ProvisioningState } from '../../../../preload/contract/provisioning'
import { provisioningRequests } from '../../../db/schema'
import type { EntityDef } from '../../../repo/entities'
import type { UnitOfWork } from '../../../repo/repository'
import { decodeCursor, encodeCursor } from '../../customers/cursor'
import type { ProvisioningAction, ProvisioningEnqueue } from './provisioningPort'

export const provisioningRequestEntity: EntityDef<typeof provisioningRequests> = {
  name: 'provisioning_request',
  table: provisioningRequests,
  synced: true,
  versioned: true,
}

export type RequestRow = typeof provisioningRequests.$inferSelect

/** The operator applies one order per key; the desk and request ids make it unique across desks. */
export function idempotencyKeyFor(deskId: string, requestId: string): string {
  return `guichet-${deskId}-${requestId}`
}

/** Records a queued request inside the caller's write, due at once. */
export function insertRequest(unit: UnitOfWork, id: string, request: ProvisioningEnqueue): RequestRow {
  return unit.insert(provisioningRequestEntity, {
    id,
    deskId: unit.actor.deskId,
    lineId: request.lineId,
    lineLabel:
      request.lineLabel ??
      (typeof request.payload.phoneNumber === 'string' ? request.payload.phoneNumber : null),
    action: request.action,
    payload: JSON.stringify(request.payload),
    effectiveDate: request.effectiveDate ?? null,
    idempotencyKey: idempotencyKeyFor(unit.actor.deskId, id),
    state: 'queued',
    reasonCode: null,
    reason: null,
    attempts: 0,
    nextAttemptAt: unit.now,
    lastError: null,
    operatorRef: null,
    operatorStatus: null,
    staffId: unit.actor.staffId,
    sentAt: null,
    finishedAt: null,
    version: '',
    clocks: '',
    createdAt: unit.now,
    updatedAt: unit.now,
  })
}

export function toView(r: RequestRow, ownDeskId: string): ProvisioningRequestView {
  return {
    id: r.id,
    deskId: r.deskId,
    ownDesk: r.deskId === ownDeskId,
    lineId: r.lineId,
    lineLabel: r.lineLabel,
    action: r.action as ProvisioningAction,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    effectiveDate: r.effectiveDate,
    idempotencyKey: r.idempotencyKey,
    state: r.state,
    reasonCode: r.reasonCode,
    reason: r.reason,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    lastError: r.lastError,
    operatorRef: r.operatorRef,
    operatorStatus: r.operatorStatus,
    sentAt: r.sentAt,
    finishedAt: r.finishedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    retryable: isRetryable(r),
  }
}

/** Codes of failures whose cause was the connection, not the order: sending again may succeed. */
export const RETRYABLE_CODES: readonly string[] = ['NO_ANSWER']

/**
 * What "retry" may do: a request that failed for want of an answer, or one still waiting for its
 * next attempt after a time-out. A refusal is final (the same key would get the same refusal): the
 * agent corrects the line and the fleet module makes a new request.
 */
export function isRetryable(r: Pick<RequestRow, 'state' | 'reasonCode' | 'lastError'>): boolean {
  if (r.state === 'failed') return RETRYABLE_CODES.includes(r.reasonCode ?? '')
  return r.state === 'queued' && r.lastError !== null
}

export interface ListFilter {
  state?: ProvisioningState | undefined
  lineId?: string | undefined
  cursor?: string | undefined
  limit: number
}

/** Reads of the request table; every list is keyset-paginated, newest first. */
export class RequestQueries {
  private pendingStatement: Database.Statement | undefined

  constructor(
    private readonly sqlite: Database.Database,
    private readonly db: UnitOfWork['db'],
  ) {}

  get(id: string): RequestRow | undefined {
    return this.db.select().from(provisioningRequests).where(eq(provisioningRequests.id, id)).get()
  }

  list(filter: ListFilter): { rows: RequestRow[]; nextCursor: string | null } {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.state) {
      where.push('state = ?')
      params.push(filter.state)
    }
    if (filter.lineId) {
      where.push('line_id = ?')
      params.push(filter.lineId)
    }
    if (filter.cursor) {
      const [createdAt, id] = decodeCursor(filter.cursor)
      where.push('(created_at < ? OR (created_at = ? AND id < ?))')
      params.push(createdAt, createdAt, id)
    }
    const sql = `SELECT * FROM provisioning_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at DESC, id DESC LIMIT ?`
    const raw = this.sqlite.prepare(sql).all(...params, filter.limit + 1) as Record<string, unknown>[]
    const rows = raw.map(fromSql)
    const more = rows.length > filter.limit
    const page = more ? rows.slice(0, filter.limit) : rows
    const last = page.at(-1)
    return { rows: page, nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null }
  }

  counts(): Record<ProvisioningState, number> {
    const out: Record<ProvisioningState, number> = { queued: 0, sent: 0, done: 0, failed: 0 }
    const rows = this.sqlite
      .prepare('SELECT state, count(*) AS n FROM provisioning_requests GROUP BY state')
      .all() as { state: ProvisioningState; n: number }[]
    for (const r of rows) out[r.state] = r.n
    return out
  }

  /** Lines among `lineIds` with a request of one of `actions` still waiting for the operator. */
  pendingLines(lineIds: readonly string[], actions: readonly string[]): Set<string> {
    // Driven by the given lines (CROSS JOIN keeps that order), each looked up in the line index.
    this.pendingStatement ??= this.sqlite
      .prepare(
        `SELECT DISTINCT r.line_id FROM json_each(?) j
         CROSS JOIN provisioning_requests r ON r.line_id = j.value
         WHERE r.state IN ('queued', 'sent') AND r.action IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
    return new Set(this.pendingStatement.all(JSON.stringify(lineIds), JSON.stringify(actions)) as string[])
  }

  /** This desk's requests that are due: to send (queued) or to ask about (sent). */
  due(deskId: string, now: string, limit: number): RequestRow[] {
    const raw = this.sqlite
      .prepare(
        `SELECT * FROM provisioning_requests
         WHERE desk_id = ? AND state IN ('queued', 'sent') AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT ?`,
      )
      .all(deskId, now, limit) as Record<string, unknown>[]
    return raw.map(fromSql)
  }
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

function fromSql(raw: Record<string, unknown>): RequestRow {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [camel(k), v])) as RequestRow
}
