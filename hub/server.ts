import { asc, gt, sql } from 'drizzle-orm'
import Fastify, { type FastifyInstance } from 'fastify'
import type { HubStore } from './db/open'
import { changes } from './db/schema'
import { checkCredential, EnrolmentError, enrolDesk } from './enrolment'
import {
  type Change,
  enrolRequest,
  HUB_SCHEMA_VERSION,
  type OpResult,
  type PullResponse,
  type PushResponse,
  pullRequest,
  pushRequest,
} from './protocol'
import { applyOp, precheck } from './sync/applyOp'

export interface HubOptions {
  store: HubStore
  host?: string
  port?: number
  /** false in tests; a pino level otherwise. */
  logLevel?: string | false
  bodyLimit?: number
}

export interface RunningHub {
  url: string
  port: number
  server: FastifyInstance
  close(): Promise<void>
}

// PostgreSQL's "deadlock detected" and "serialization failure": the batch is safe to run again.
// (With the feed lock below they should not happen; the retry is a second line of defence.)
const RETRYABLE = new Set(['40P01', '40001'])
const FEED_LOCK = 7_406_432

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } }
  return e?.code ?? e?.cause?.code
}

export function buildHub(options: HubOptions): FastifyInstance {
  const { store } = options
  const server = Fastify({
    logger:
      options.logLevel === false
        ? false
        : { level: options.logLevel ?? 'info', redact: ['req.headers.authorization'] },
    bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024,
  })

  server.get('/health', async () => ({
    status: 'ok',
    storage: store.kind,
    schemaVersion: HUB_SCHEMA_VERSION,
  }))

  server.post('/v1/enrol', async (request, reply) => {
    const parsed = enrolRequest.safeParse(request.body)
    if (!parsed.success) return reply.code(400).send({ error: 'invalid enrolment request' })
    try {
      return await enrolDesk(store.db, parsed.data.code, parsed.data.deskId)
    } catch (error) {
      if (error instanceof EnrolmentError) return reply.code(403).send({ error: error.message })
      throw error
    }
  })

  server.post('/v1/sync/push', async (request, reply) => {
    const auth = await checkCredential(store.db, request.headers.authorization)
    if (!auth.ok) return reply.code(auth.status).send({ error: auth.error })
    const parsed = pushRequest.safeParse(request.body)
    if (!parsed.success) {
      return reply.code(400).send({ error: 'malformed batch', issues: parsed.error.issues.slice(0, 10) })
    }
    if (parsed.data.deskId !== auth.deskId) return reply.code(403).send({ error: 'batch of another desk' })
    const { ops } = parsed.data
    // One transaction for the batch, a savepoint per operation: each op is applied exactly once
    // or not at all, and a batch costs one commit.
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await store.db.transaction(async (tx) => {
          // Change-feed numbers come from a sequence, allotted at insert time; if two hub processes
          // committed out of that order, a desk could pull change 10, move its cursor past 9 and
          // never see 9. Taking this lock for the whole batch makes allotment order commit order.
          await tx.execute(sql`SELECT pg_advisory_xact_lock(${FEED_LOCK})`)
          const out: OpResult[] = []
          for (const op of ops) {
            const refused = precheck(op, auth.deskId)
            out.push(refused ?? (await tx.transaction((sp) => applyOp(sp, op))))
          }
          return out
        })
        const response: PushResponse = {
          results,
          updateRequired: parsed.data.schemaVersion < HUB_SCHEMA_VERSION,
        }
        request.log.info(
          { desk: auth.deskId, ops: ops.length, statuses: countBy(results.map((r) => r.status)) },
          'push',
        )
        return response
      } catch (error) {
        if (attempt < 5 && RETRYABLE.has(pgCode(error) ?? '')) continue
        throw error
      }
    }
  })

  server.post('/v1/sync/pull', async (request, reply) => {
    const auth = await checkCredential(store.db, request.headers.authorization)
    if (!auth.ok) return reply.code(auth.status).send({ error: auth.error })
    const parsed = pullRequest.safeParse(request.body)
    if (!parsed.success) return reply.code(400).send({ error: 'malformed pull request' })
    const { cursor, limit } = parsed.data
    const rows = await store.db
      .select()
      .from(changes)
      .where(gt(changes.hubSeq, cursor))
      .orderBy(asc(changes.hubSeq))
      .limit(limit + 1)
    const page = rows.slice(0, limit)
    const response: PullResponse = {
      changes: page.map(
        (r): Change => ({
          hubSeq: r.hubSeq,
          entity: r.entity,
          entityId: r.entityId,
          kind: r.kind as Change['kind'],
          fields: r.fields as Record<string, unknown>,
          clocks: r.clocks as Record<string, string>,
          originDesk: r.originDesk,
          opId: r.opId,
          schemaVersion: r.schemaVersion,
        }),
      ),
      cursor: page.length > 0 ? page[page.length - 1]!.hubSeq : cursor,
      hasMore: rows.length > limit,
    }
    return response
  })

  return server
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const server = buildHub(options)
  await server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  const host = options.host ?? '127.0.0.1'
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    close: () => server.close(),
  }
}
