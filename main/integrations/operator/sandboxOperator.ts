import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import type { Clock } from '../../app/clock'
import { type OperatorAction, type OperatorOrder, operatorActions } from './operatorPort'

/**
 * A loopback stand-in for the operator's provisioning platform (docs/provisioning.md), for demo
 * mode and tests. It behaves as the real one does where it matters to the desk:
 * - orders are accepted, then carried out later (`processingMs`), or on their effective date;
 * - it refuses what the network would: an ICCID that is not one of its SIM cards (prefix 8932,
 *   Luhn check digit), a number already in use, a swap to an ICCID already used, a change on a
 *   stopped line;
 * - an `Idempotency-Key` seen before answers the same order and never applies it twice;
 * - tests can make it slow or failing (`inject`), to play time-outs and lost answers.
 * Completion is evaluated against the injected clock on every request (`advance`), so a test moves
 * time and the next status call sees the result.
 */

export interface SandboxOptions {
  clock?: Clock
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string | null
  /** How long after acceptance an order is carried out. */
  processingMs?: number
  /** The zone whose calendar date decides when a scheduled order is due. */
  timeZone?: string
  port?: number
}

export interface SandboxFault {
  /** Which calls it affects. */
  on: 'submit' | 'status'
  /**
   * `slow`: the call is handled (the order recorded and applied as usual) but the answer leaves only
   * after `ms` — the desk's time-out fires first and it never learns the outcome.
   * `error`: answered 503 without being handled.
   */
  kind: 'slow' | 'error'
  ms?: number
  /** How many calls it affects (default 1). */
  times?: number
}

export interface NetworkLine {
  lineRef: string
  msisdn: string | null
  iccid: string | null
  status: 'active' | 'suspended' | 'stopped'
  planCode: string | null
  barrings: unknown
  options: unknown
}

export interface SandboxEffect {
  orderId: string
  action: OperatorAction
  lineRef: string
  at: string
}

interface StoredOrder extends OperatorOrder {
  idempotencyKey: string
  bodyHash: string
  params: Record<string, unknown>
  /** When it becomes due (ms since epoch); null once carried out or rejected. */
  dueAt: number | null
}

export interface SandboxOperator {
  url: string
  port: number
  /** Every change the network carried out, in order (what "exactly once" is counted on). */
  effects: SandboxEffect[]
  orders(): OperatorOrder[]
  /** Requests received per route, including replays. */
  calls: { submit: number; status: number }
  line(lineRef: string): NetworkLine | undefined
  /** Puts a line on the network as if it existed before (e.g. a number already in use). */
  addLine(line: Partial<NetworkLine> & { lineRef: string }): void
  inject(fault: SandboxFault): void
  /** Carries out every order due at the clock's time. */
  advance(): void
  close(): Promise<void>
}

const REASONS = {
  ICCID_UNKNOWN: 'Unknown ICCID: not a SIM card of this network',
  ICCID_IN_USE: 'ICCID already assigned to another line',
  ICCID_ALREADY_USED: 'ICCID already used: a SIM card can never be reused',
  MSISDN_IN_USE: 'Phone number already in use on another line',
  LINE_STOPPED: 'The line is stopped',
  LINE_NOT_ACTIVE: 'The line is not active',
} as const

export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** A SIM card of this (Belgian) network: 19–20 digits, issuer prefix 89 32, valid check digit. */
export function isNetworkIccid(value: unknown): boolean {
  return typeof value === 'string' && /^8932\d{15,16}$/.test(value) && luhnValid(value)
}

function calendarDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}

function error(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } })
}

function publicOrder(o: StoredOrder): OperatorOrder {
  return {
    id: o.id,
    status: o.status,
    action: o.action,
    lineRef: o.lineRef,
    scheduledFor: o.scheduledFor,
    reason: o.reason,
    createdAt: o.createdAt,
    completedAt: o.completedAt,
  }
}

export async function startSandboxOperator(options: SandboxOptions = {}): Promise<SandboxOperator> {
  const clock = options.clock ?? { now: () => new Date() }
  const processingMs = options.processingMs ?? 1500
  const timeZone = options.timeZone ?? 'Europe/Brussels'
  const orders = new Map<string, StoredOrder>()
  const byKey = new Map<string, StoredOrder>()
  const lines = new Map<string, NetworkLine>()
  const iccidOwner = new Map<string, string>()
  const effects: SandboxEffect[] = []
  const faults: (SandboxFault & { left: number })[] = []
  const calls = { submit: 0, status: 0 }
  const sleepers = new Set<() => void>()
  let closing = false

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      sleepers.add(wake)
    })

  function takeFault(on: SandboxFault['on']): SandboxFault | null {
    const fault = faults.find((f) => f.on === on && f.left > 0)
    if (!fault) return null
    fault.left -= 1
    if (fault.left === 0) faults.splice(faults.indexOf(fault), 1)
    return fault
  }

  function lineOf(lineRef: string, params: Record<string, unknown>): NetworkLine {
    let line = lines.get(lineRef)
    if (!line) {
      // A line the operator had before the desk first wrote to it (its existing inventory).
      line = {
        lineRef,
        msisdn: typeof params.msisdn === 'string' ? params.msisdn : null,
        iccid: null,
        status: 'active',
        planCode: null,
        barrings: null,
        options: null,
      }
      lines.set(lineRef, line)
    }
    return line
  }

  function msisdnHolder(msisdn: string, except: string): NetworkLine | undefined {
    for (const line of lines.values()) {
      if (line.lineRef !== except && line.msisdn === msisdn && line.status !== 'stopped') return line
    }
    return undefined
  }

  /** Carries out an order now: either the network changes (one effect) or it is rejected. */
  function execute(order: StoredOrder): boolean {
    const now = clock.now().toISOString()
    const p = order.params
    const reject = (code: keyof typeof REASONS) => {
      order.status = 'rejected'
      order.reason = { code, message: REASONS[code] }
      return false
    }
    order.dueAt = null
    order.completedAt = now
    const known = lines.get(order.lineRef)
    if (order.action === 'activate') {
      const iccid = p.iccid as string
      const msisdn = p.msisdn as string
      const owner = iccidOwner.get(iccid)
      if (owner && owner !== order.lineRef) return reject('ICCID_IN_USE')
      if (msisdnHolder(msisdn, order.lineRef)) return reject('MSISDN_IN_USE')
      if (known?.status === 'stopped') return reject('LINE_STOPPED')
      const line = lineOf(order.lineRef, p)
      line.msisdn = msisdn
      line.iccid = iccid
      line.status = 'active'
      if (typeof p.planCode === 'string') line.planCode = p.planCode
      iccidOwner.set(iccid, order.lineRef)
    } else {
      if (known?.status === 'stopped') return reject('LINE_STOPPED')
      const line = lineOf(order.lineRef, p)
      switch (order.action) {
        case 'swap': {
          const iccid = p.iccid as string
          if (iccidOwner.has(iccid)) return reject('ICCID_ALREADY_USED')
          if (line.iccid) iccidOwner.set(line.iccid, line.lineRef)
          line.iccid = iccid
          iccidOwner.set(iccid, line.lineRef)
          break
        }
        case 'suspend':
          if (line.status !== 'active') return reject('LINE_NOT_ACTIVE')
          line.status = 'suspended'
          break
        case 'reactivate':
          line.status = 'active'
          break
        case 'stop':
          line.status = 'stopped'
          break
        case 'plan':
          line.planCode = typeof p.planCode === 'string' ? p.planCode : line.planCode
          break
        case 'barrings':
          line.barrings = p.barrings ?? null
          break
        case 'options':
          line.options = p.options ?? null
          break
        case 'payByMobile':
          break
      }
    }
    order.status = 'completed'
    effects.push({ orderId: order.id, action: order.action, lineRef: order.lineRef, at: now })
    return true
  }

  function advance(): void {
    const now = clock.now()
    const today = calendarDate(now, timeZone)
    for (const order of orders.values()) {
      if (order.status === 'scheduled' && order.scheduledFor && order.scheduledFor <= today) execute(order)
      else if (order.status === 'pending' && order.dueAt !== null && order.dueAt <= now.getTime())
        execute(order)
    }
  }

  const server = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 256 * 1024 })

  server.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!options.apiKey) return
    const given = Buffer.from(String(request.headers.authorization ?? ''))
    const expected = Buffer.from(`Bearer ${options.apiKey}`)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return error(reply, 401, 'UNAUTHORIZED', 'Missing or wrong API key')
    }
  })

  server.get('/v1/health', async () => ({ status: 'ok' }))

  server.post('/v1/orders', async (request, reply) => {
    calls.submit += 1
    const fault = takeFault('submit')
    if (fault?.kind === 'error') return error(reply, 503, 'UNAVAILABLE', 'Service temporarily unavailable')
    advance()
    const key = request.headers['idempotency-key']
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      return error(reply, 400, 'IDEMPOTENCY_KEY_REQUIRED', 'An Idempotency-Key header is required')
    }
    const body = request.body as Record<string, unknown> | null
    const bodyHash = createHash('sha256')
      .update(JSON.stringify(body ?? null))
      .digest('hex')
    const existing = byKey.get(key)
    if (existing) {
      if (existing.bodyHash !== bodyHash) {
        return error(reply, 409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another order')
      }
      if (fault?.kind === 'slow') await sleep(fault.ms ?? 30_000)
      return reply
        .code(200)
        .header('idempotent-replayed', 'true')
        .send({ order: publicOrder(existing) })
    }

    const action = body?.action
    const lineRef = body?.lineRef
    const effectiveDate = body?.effectiveDate ?? null
    const params = body?.params
    if (!operatorActions.includes(action as OperatorAction)) {
      return error(reply, 422, 'INVALID_ACTION', `Unknown action ${JSON.stringify(action)}`)
    }
    if (typeof lineRef !== 'string' || lineRef.length === 0 || lineRef.length > 64) {
      return error(reply, 422, 'INVALID_LINE_REF', 'lineRef must be a text of 1 to 64 characters')
    }
    if (
      effectiveDate !== null &&
      !(typeof effectiveDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate))
    ) {
      return error(reply, 422, 'INVALID_DATE', 'effectiveDate must be YYYY-MM-DD or null')
    }
    if (!params || typeof params !== 'object' || Array.isArray(params)) {
      return error(reply, 422, 'INVALID_PARAMS', 'params must be an object')
    }
    const p = params as Record<string, unknown>
    if (action === 'activate' && (typeof p.msisdn !== 'string' || !/^\+?\d{6,15}$/.test(p.msisdn))) {
      return error(reply, 422, 'INVALID_MSISDN', 'params.msisdn must be a phone number')
    }

    const now = clock.now()
    const order: StoredOrder = {
      id: `ord_${randomBytes(8).toString('hex')}`,
      status: 'pending',
      action: action as OperatorAction,
      lineRef,
      scheduledFor: null,
      reason: null,
      createdAt: now.toISOString(),
      completedAt: null,
      idempotencyKey: key,
      bodyHash,
      params: p,
      dueAt: now.getTime() + processingMs,
    }
    if ((action === 'activate' || action === 'swap') && !isNetworkIccid(p.iccid)) {
      // Checked on receipt: the card is not one of ours, nothing to schedule.
      order.status = 'rejected'
      order.reason = { code: 'ICCID_UNKNOWN', message: REASONS.ICCID_UNKNOWN }
      order.completedAt = order.createdAt
      order.dueAt = null
    } else if (typeof effectiveDate === 'string' && effectiveDate > calendarDate(now, timeZone)) {
      order.status = 'scheduled'
      order.scheduledFor = effectiveDate
      order.dueAt = null
    }
    orders.set(order.id, order)
    byKey.set(key, order)
    if (fault?.kind === 'slow') await sleep(fault.ms ?? 30_000)
    if (closing) return reply
    return reply.code(201).send({ order: publicOrder(order) })
  })

  server.get<{ Params: { id: string } }>('/v1/orders/:id', async (request, reply) => {
    calls.status += 1
    const fault = takeFault('status')
    if (fault?.kind === 'error') return error(reply, 503, 'UNAVAILABLE', 'Service temporarily unavailable')
    advance()
    const order = orders.get(request.params.id)
    if (fault?.kind === 'slow') await sleep(fault.ms ?? 30_000)
    if (!order) return error(reply, 404, 'ORDER_NOT_FOUND', 'No such order')
    return { order: publicOrder(order) }
  })

  await server.listen({ host: '127.0.0.1', port: options.port ?? 0 })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    effects,
    calls,
    orders: () => [...orders.values()].map(publicOrder),
    line: (lineRef) => lines.get(lineRef),
    addLine: (line) => {
      const stored: NetworkLine = {
        msisdn: null,
        iccid: null,
        status: 'active',
        planCode: null,
        barrings: null,
        options: null,
        ...line,
      }
      lines.set(line.lineRef, stored)
      if (stored.iccid) iccidOwner.set(stored.iccid, stored.lineRef)
    },
    inject: (fault) => {
      faults.push({ ...fault, left: fault.times ?? 1 })
    },
    advance,
    close: async () => {
      closing = true
      for (const wake of [...sleepers]) wake()
      await server.close()
    },
  }
}
