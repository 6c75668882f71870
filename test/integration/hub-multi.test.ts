/**
 * Two hub processes (`hub/cli.ts serve`) on one PostgreSQL database, as behind a load balancer:
 * they start together on a fresh database without racing their migrations, serve the same data,
 * keep one change-feed order that no desk can fall behind (a reader that pulls while both hubs
 * take pushes sees every change once), and apply an operation once even when the same batch
 * reaches both at the same moment. Runs only with DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../../hub/db/migrations.generated'
import type { Change, SyncOp } from '../../hub/protocol'
import {
  createTestDatabase,
  DATABASE_URL,
  enrolWithCli,
  type HubProcess,
  killChildren,
  makeOp,
  post,
  pushBody,
  startHubProcess,
  type TestDatabase,
} from '../fixtures/hub-harness'

describe.skipIf(!DATABASE_URL)('two hub processes on one PostgreSQL database', () => {
  let database: TestDatabase
  let hubs: HubProcess[]
  const cred: Record<string, string> = {}

  async function pullAll(hub: HubProcess, credential: string, from = 0): Promise<Change[]> {
    const out: Change[] = []
    let cursor = from
    let epoch: string | undefined
    for (;;) {
      const request = { cursor, schemaVersion: 1, limit: 1000, ...(epoch ? { epoch } : {}) }
      const page = await post(`${hub.url}/v1/sync/pull`, request, credential)
      expect(page.status).toBe(200)
      expect(page.body.reset).toBe(false)
      out.push(...page.body.changes)
      cursor = page.body.cursor
      epoch = page.body.epoch
      if (!page.body.hasMore) return out
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    const env = { DATABASE_URL: database.url }
    // Both start at once on an empty database: each migrates under the advisory lock.
    hubs = await Promise.all([startHubProcess({ env }), startHubProcess({ env })])
    for (const [i, desk] of ['C01', 'C02'].entries()) {
      const code = await enrolWithCli(desk, `Site ${desk}`, { env })
      const enrolled = await post(`${hubs[i]!.url}/v1/enrol`, { code, deskId: desk })
      expect(enrolled.status).toBe(200)
      cred[desk] = enrolled.body.credential
    }
  }, 60_000)
  afterAll(async () => {
    killChildren()
    await database?.drop()
  })

  it('both started and migrated the fresh database once', async () => {
    for (const hub of hubs) {
      expect(await (await fetch(`${hub.url}/health`)).json()).toMatchObject({
        status: 'ok',
        storage: 'postgres',
      })
    }
    const pg = await import('pg')
    const client = new pg.default.Client({ connectionString: database.url })
    await client.connect()
    try {
      const { rows } = await client.query('SELECT tag FROM hub_migrations ORDER BY tag')
      expect(rows.map((r) => r.tag)).toEqual(migrations.map((m) => m.tag))
    } finally {
      await client.end()
    }
  })

  it('takes concurrent pushes through both hubs while a desk pulls from either, and no change is missed', async () => {
    const shared = makeOp('C01')
    expect((await post(`${hubs[0]!.url}/v1/sync/push`, pushBody('C01', [shared]), cred.C01)).status).toBe(200)

    const BATCHES = 12
    const sent: SyncOp[] = []
    const pushes = ['C01', 'C02'].map(async (desk, d) => {
      for (let b = 0; b < BATCHES; b++) {
        const ops = Array.from({ length: 20 }, () => makeOp(desk))
        // Both desks also edit the same customer's city: conflicts, more feed entries.
        ops.push(
          makeOp(desk, { kind: 'update', entityId: shared.entityId, fields: { city: `${desk}-${b}` } }),
        )
        sent.push(...ops)
        const hub = hubs[(b + d) % 2]!
        const response = await post(`${hub.url}/v1/sync/push`, pushBody(desk, ops), cred[desk])
        expect(response.status).toBe(200)
        for (const r of response.body.results) expect(['applied', 'conflict']).toContain(r.status)
      }
    })
    // A desk pulling all along, from one hub then the other, moving its cursor like a real desk.
    let done = false
    const seen: Change[] = []
    const reader = (async () => {
      let cursor = 0
      let epoch: string | undefined
      for (let turn = 0; ; turn++) {
        const finished = done
        const request = { cursor, schemaVersion: 1, limit: 50, ...(epoch ? { epoch } : {}) }
        const page = await post(`${hubs[turn % 2]!.url}/v1/sync/pull`, request, cred.C02)
        expect(page.status).toBe(200)
        expect(page.body.reset).toBe(false)
        seen.push(...page.body.changes)
        cursor = page.body.cursor
        epoch = page.body.epoch
        if (finished && !page.body.hasMore) return
      }
    })()
    try {
      await Promise.all(pushes)
    } finally {
      done = true
    }
    await reader

    const fromA = await pullAll(hubs[0]!, cred.C01!)
    const fromB = await pullAll(hubs[1]!, cred.C02!)
    expect(fromB).toEqual(fromA)
    const seqs = seen.map((c) => c.hubSeq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(seqs).size).toBe(seqs.length)
    // The reader, which pulled while changes were committed through both hubs, saw exactly the feed.
    expect(seen).toEqual(fromA)
    // Every customer created is in the feed (an edit that lost to a newer clock adds nothing to it).
    const inFeed = new Set(fromA.map((c) => c.opId).filter(Boolean))
    for (const op of sent.filter((o) => o.kind === 'create')) expect(inFeed.has(op.opId)).toBe(true)
    // Conflict records were made for the concurrent edits of the city.
    expect(fromA.some((c) => c.entity === 'sync_conflict')).toBe(true)
  })

  it('applies a batch sent to both hubs at the same moment exactly once', async () => {
    for (let round = 0; round < 5; round++) {
      const ops = Array.from({ length: 30 }, () => makeOp('C01'))
      const [a, b] = await Promise.all(
        hubs.map((hub) => post(`${hub.url}/v1/sync/push`, pushBody('C01', ops), cred.C01)),
      )
      expect(a!.status).toBe(200)
      expect(b!.status).toBe(200)
      for (const [i, op] of ops.entries()) {
        const answers = [a!.body.results[i], b!.body.results[i]]
        const applied = answers.filter((r) => r.status === 'applied')
        const duplicate = answers.filter((r) => r.status === 'duplicate')
        expect(applied).toHaveLength(1)
        expect(duplicate).toHaveLength(1)
        expect(duplicate[0].stored).toEqual({ status: 'applied', hubSeq: applied[0].hubSeq })
        expect(applied[0].opId).toBe(op.opId)
      }
    }
    const feed = await pullAll(hubs[1]!, cred.C02!)
    const opIds = feed.map((c) => c.opId).filter(Boolean)
    expect(new Set(opIds).size).toBe(opIds.length)
  })

  it('both stop on SIGTERM with exit code 0', async () => {
    for (const hub of hubs) hub.signal('SIGTERM')
    expect(await Promise.all(hubs.map((h) => h.exited))).toEqual([0, 0])
  })
})
