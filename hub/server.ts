import { randomUUID, timingSafeEqual } from 'node:crypto'
import { sql } from 'drizzle-orm'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify'
import { z } from 'zod'
import type { HubStore } from './db/open'
import { checkCredential, createEnrolmentCode, EnrolmentError, enrolDesk, revokeDesk } from './enrolment'
import type { HubPaymentsConfig } from './payments/config'
import { registerReferenceRoutes } from './payments/referenceRoutes'
import { registerPaymentRoutes } from './payments/routes'
import { registerSandboxes } from './payments/sandbox/sandboxes'
import {
  enrolRequest,
  HUB_SCHEMA_VERSION,
  type OpResult,
  type PushResponse,
  pullRequest,
  pushRequest,
} from './protocol'
import { applyBatch, precheck } from './sync/applyOp'
import { deskState, FEED_LOCK, openFeedEpoch, pullPage } from './sync/feed'

declare module 'fastify' {
  interface FastifyRequest {
    /** The desk the credential proved. */
    deskId: string | null
    /** The desk a refused credential claimed to be (for the logs only). */
    claimedDesk: string | null
    /** Why the request was refused, for the request's log line. */
    refusal: string | null
  }
}

export interface HubOptions {
  store: HubStore
  host?: string
  port?: number
  /** false in tests; a pino level otherwise. */
  logLevel?: string | false
  /** Where the JSON log lines go (stdout by default); tests capture them. */
  logStream?: { write(line: string): void }
  /** Largest request body in bytes (default 16 MiB, far above a full batch of the largest ops). */
  bodyLimit?: number
  /**
   * Enables `/v1/admin/*` for this bearer token, from loopback only. Set by `npm run hub` on
   * PGlite, where `enrol` and `revoke` cannot open the folder the serving hub holds.
   */
  adminToken?: string
  /** Gateway settings (hub/payments/config.ts): enables the payment link and bank notification endpoints. */
  payments?: HubPaymentsConfig | null
  /** Mounts the loopback gateway sandboxes under /sandbox (demo mode and tests only). */
  paymentSandboxes?: boolean
}

export interface RunningHub {
  url: string
  port: number
  server: FastifyInstance
  close(): Promise<void>
}

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024

// PostgreSQL's "deadlock detected" and "serialization failure": the batch is safe to run again.
// (With the feed lock below they should not happen; the retry is a second line of defence.)
const RETRYABLE = new Set(['40P01', '40001'])
const HEALTH_TIMEOUT_MS = 3_000

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } }
  return e?.code ?? e?.cause?.code
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'

const adminEnrolRequest = z
  .object({
    deskId: z.string().regex(/^[A-Z0-9]{2,8}$/),
    site: z.string().trim().min(1).max(200),
    hours: z
      .number()
      .positive()
      .max(24 * 365)
      .default(24),
  })
  .strict()
const adminRevokeRequest = z.object({ deskId: z.string().regex(/^[A-Z0-9]{2,8}$/) }).strict()

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** An id for each request's log lines: the caller's `x-request-id` when sane, else a new one. */
function requestId(raw: { headers: Record<string, string | string[] | undefined> }): string {
  const given = raw.headers['x-request-id']
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID()
}

export function buildHub(options: HubOptions): FastifyInstance {
  const { store } = options
  const server = Fastify({
    logger:
      options.logLevel === false
        ? false
        : {
            level: options.logLevel ?? 'info',
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Belt and braces: nothing below logs headers or bodies, but should a serialiser ever
            // include them, credentials and codes are censored.
            redact: {
              paths: [
                'req.headers.authorization',
                'headers.authorization',
                '*.authorization',
                'credential',
                '*.credential',
                'token',
                '*.token',
              ],
              censor: '[redacted]',
            },
          },
    // One log line per request, written below with the desk and the outcome.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
  })
  server.decorateRequest('deskId', null)
  server.decorateRequest('claimedDesk', null)
  server.decorateRequest('refusal', null)

  server.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  server.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode
    const entry = {
      method: request.method,
      url: request.routeOptions.url ?? request.url.split('?')[0],
      status,
      ms: Math.round(reply.elapsedTime),
      ...(request.deskId ? { desk: request.deskId } : {}),
      ...(request.claimedDesk ? { claimedDesk: request.claimedDesk } : {}),
      ...(request.refusal ? { refusal: request.refusal } : {}),
    }
    if (status >= 500) request.log.error(entry, 'request failed')
    else if (status >= 400) request.log.warn(entry, 'request refused')
    else if (request.url === '/health') request.log.debug(entry, 'request')
    else request.log.info(entry, 'request')
  })
  server.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status === 500) request.log.error({ err: error }, 'unexpected error')
    else request.refusal = error.code ?? error.message
    const message =
      status === 413 ? 'body too large' : status === 500 ? 'internal error' : error.message || 'bad request'
    return reply.code(status).send({ error: message, requestId: request.id })
  })

  /** Every sync request carries a desk credential: checked before the body is even read. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const auth = await checkCredential(store.db, request.headers.authorization)
    if (!auth.ok) {
      request.claimedDesk = auth.deskId ?? null
      request.refusal = auth.error
      return reply.code(auth.status).send({ error: auth.error, requestId: request.id })
    }
    request.deskId = auth.deskId
  }

  async function authenticateAdmin(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7) : ''
    // From this machine only (loopback, or the address the hub listens on), and with the token.
    const { localAddress, remoteAddress } = request.socket
    const local = isLoopback(remoteAddress) || (remoteAddress !== undefined && remoteAddress === localAddress)
    if (!local || !sameSecret(token, options.adminToken ?? '')) {
      request.refusal = 'admin credential required'
      return reply.code(401).send({ error: 'admin credential required', requestId: request.id })
    }
  }

  server.get('/health', async (request, reply) => {
    const about = {
      storage: store.kind,
      schemaVersion: HUB_SCHEMA_VERSION,
      acceptedSchemaVersions: [HUB_SCHEMA_VERSION - 1, HUB_SCHEMA_VERSION].filter((v) => v > 0),
    }
    try {
      await withTimeout(store.ping(), HEALTH_TIMEOUT_MS)
      return { status: 'ok', ...about, database: 'ok' }
    } catch (error) {
      request.refusal = 'database unreachable'
      request.log.error({ err: error }, 'health: database unreachable')
      return reply.code(503).send({ status: 'unavailable', ...about, database: 'unreachable' })
    }
  })

  server.post('/v1/enrol', async (request, reply) => {
    const parsed = enrolRequest.safeParse(request.body)
    if (!parsed.success) {
      request.refusal = 'invalid enrolment request'
      return reply.code(400).send({ error: 'invalid enrolment request', requestId: request.id })
    }
    request.claimedDesk = parsed.data.deskId
    try {
      const enrolled = await enrolDesk(store.db, parsed.data.code, parsed.data.deskId)
      request.deskId = enrolled.deskId
      request.claimedDesk = null
      request.log.info({ desk: enrolled.deskId, site: enrolled.site }, 'desk enrolled')
      return enrolled
    } catch (error) {
      if (error instanceof EnrolmentError) {
        request.refusal = 'enrolment code refused'
        return reply.code(403).send({ error: error.message, requestId: request.id })
      }
      throw error
    }
  })

  server.post('/v1/sync/push', { onRequest: authenticate }, async (request, reply) => {
    const deskId = request.deskId!
    const parsed = pushRequest.safeParse(request.body)
    if (!parsed.success) {
      request.refusal = 'malformed batch'
      return reply
        .code(400)
        .send({ error: 'malformed batch', issues: parsed.error.issues.slice(0, 10), requestId: request.id })
    }
    if (parsed.data.deskId !== deskId) {
      request.refusal = `batch of desk ${parsed.data.deskId}`
      return reply.code(403).send({ error: 'batch of another desk', requestId: request.id })
    }
    const { ops } = parsed.data
    request.log.debug({ desk: deskId, ops: ops.length }, 'push received')
    // One transaction for the batch: each op is applied exactly once, in order, or not at all; the
    // batch reads and writes its records in a few multi-row statements (sync/applyOp.ts).
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await store.db.transaction(async (tx) => {
          // Change-feed numbers come from a sequence, allotted at insert time; if two hub processes
          // committed out of that order, a desk could pull change 10, move its cursor past 9 and
          // never see 9. Taking this lock for the whole batch makes allotment order commit order.
          await tx.execute(sql`SELECT pg_advisory_xact_lock(${FEED_LOCK})`)
          const refused = ops.map((op) => precheck(op, deskId))
          const applied = await applyBatch(
            tx,
            ops.filter((_, i) => !refused[i]),
          )
          let next = 0
          return ops.map((_, i): OpResult => refused[i] ?? applied[next++]!)
        })
        const response: PushResponse = {
          results,
          updateRequired: parsed.data.schemaVersion < HUB_SCHEMA_VERSION,
        }
        request.log.info(
          { desk: deskId, ops: ops.length, statuses: countBy(results.map((r) => r.status)), attempt },
          'push',
        )
        return response
      } catch (error) {
        if (attempt < 5 && RETRYABLE.has(pgCode(error) ?? '')) continue
        throw error
      }
    }
  })

  server.post('/v1/sync/pull', { onRequest: authenticate }, async (request, reply) => {
    const parsed = pullRequest.safeParse(request.body)
    if (!parsed.success) {
      request.refusal = 'malformed pull request'
      return reply.code(400).send({ error: 'malformed pull request', requestId: request.id })
    }
    const response = await pullPage(store.db, parsed.data)
    request.log.info(
      {
        desk: request.deskId,
        cursor: parsed.data.cursor,
        changes: response.changes.length,
        ...(response.reset ? { reset: true } : {}),
      },
      'pull',
    )
    return response
  })

  // What the hub holds of this desk: lets a desk find out that the hub was restored from an
  // older backup and send its archived operations again (main/sync/syncEngine.ts).
  server.get('/v1/sync/state', { onRequest: authenticate }, async (request) =>
    deskState(store.db, request.deskId!),
  )

  // Each start of a hub on this database opens a new feed epoch (hub/sync/feed.ts).
  server.addHook('onReady', async () => {
    await openFeedEpoch(store.db)
  })

  if (options.adminToken) {
    server.post('/v1/admin/enrolment-codes', { onRequest: authenticateAdmin }, async (request, reply) => {
      const parsed = adminEnrolRequest.safeParse(request.body)
      if (!parsed.success) return reply.code(400).send({ error: 'invalid request', requestId: request.id })
      const { deskId, site, hours } = parsed.data
      request.deskId = deskId
      const created = await createEnrolmentCode(store.db, deskId, site, new Date(), hours)
      request.log.info({ desk: deskId, site, hours }, 'enrolment code created')
      return created
    })
    server.post('/v1/admin/revoke', { onRequest: authenticateAdmin }, async (request, reply) => {
      const parsed = adminRevokeRequest.safeParse(request.body)
      if (!parsed.success) return reply.code(400).send({ error: 'invalid request', requestId: request.id })
      request.deskId = parsed.data.deskId
      const found = await revokeDesk(store.db, parsed.data.deskId)
      request.log.info({ desk: parsed.data.deskId, found }, 'desk revoked')
      return { found }
    })
  }

  if (options.payments) {
    registerPaymentRoutes(server, store, options.payments)
    registerReferenceRoutes(server, store, options.payments)
  }
  if (options.paymentSandboxes && options.payments) registerSandboxes(server, options.payments)

  return server
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const server = buildHub(options)
  // Graceful shutdown. Node's server.close() destroys every connection it deems idle, and a
  // connection whose response has been ended but not yet flushed counts as idle: a large push
  // answer finishing just then would be cut off, and the desk would retry a batch that was in fact
  // applied (harmless, but it is what a shutdown must not do). So the hub first stops taking new
  // requests (503, connection closed), waits until every response in flight has been handed to
  // the OS, and only then closes.
  let inFlight = 0
  let closing = false
  let drained: (() => void) | null = null
  server.addHook('onRequest', async (request, reply) => {
    inFlight++
    reply.raw.once('close', () => {
      inFlight--
      if (closing && inFlight === 0) drained?.()
    })
    if (closing) {
      request.refusal = 'shutting down'
      reply.header('connection', 'close')
      return reply.code(503).send({ error: 'hub shutting down', requestId: request.id })
    }
  })
  await server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  const host = options.host ?? '127.0.0.1'
  let closed: Promise<void> | null = null
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    // Lets the requests in flight finish (a push commits or rolls back as a whole) and their
    // answers leave, then stops listening and resolves. New requests meanwhile are answered 503.
    close: () => {
      closed ??= (async () => {
        closing = true
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve))
        await server.close()
      })()
      return closed
    },
  }
}
