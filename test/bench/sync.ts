/**
 * Sync throughput: `npx tsx test/bench/sync.ts` (issue 3, "Benchmark").
 *
 * One desk fills its outbox with BENCH_OPS customer creations (100 000 by default; untimed), then
 * pushes them through the real HTTP hub (timed), and a fresh desk pulls them all (timed). Beside
 * them, a raw baseline: the same rows (ops, entities, changes) inserted straight into the same
 * tables of an empty hub database with multi-row INSERTs, 500 per statement, one transaction per
 * batch — what the database itself costs, with no protocol, validation nor merge. On PGlite always,
 * and on PostgreSQL when DATABASE_URL is set (a fresh database, dropped afterwards).
 * Prints figures only: a benchmark never asserts a timing.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { ulid } from 'ulid'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { changes, entities, ops } from '../../hub/db/schema'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import { MAX_PULL_PAGE, MAX_PUSH_BATCH, type SyncOp } from '../../hub/protocol'
import { startHub } from '../../hub/server'
import { fixedClock } from '../../main/app/clock'
import type { Core } from '../../main/app/core'
import { customerEntity } from '../../main/modules/customers/customerService'
import { httpTransport } from '../../main/sync/hubTransport'
import { SyncEngine } from '../../main/sync/syncEngine'
import { hubRows, openDeskCore } from '../helpers/syncDesk'
import { freshPgDatabase } from '../helpers/syncHub'
import { table } from './stats'

const N = Number(process.env.BENCH_OPS ?? 100_000)
const FILL_BATCH = 2_000

interface Figures {
  backend: string
  push: number
  pull: number
  rawValues: number
  rawJson: number
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000)

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Fills the desk's outbox with `n` customer creations, through the repository (untimed). */
function fill(core: Core, n: number): void {
  const { repo } = core.services
  const actor = { staffId: null, deskId: repo.deskId }
  for (let done = 0; done < n; done += FILL_BATCH) {
    repo.write(actor, 'bench.fill', (unit) => {
      for (let i = done; i < Math.min(n, done + FILL_BATCH); i++) {
        unit.insert(customerEntity, {
          id: ulid(),
          customerNumber: `${repo.deskId}-${String(i + 1).padStart(6, '0')}`,
          kind: 'person',
          title: 'mr',
          firstName: `Prénom${i}`,
          lastName: `Nom${i}`,
          companyName: null,
          displayName: `Prénom${i} Nom${i}`,
          sortName: `nom${i} prenom${i}`,
          altName: `prenom${i} nom${i}`,
          email: `client${i}@bench.test`,
          emailKey: `client${i}@bench.test`,
          phones: '[{"type":"mobile","number":"+33612345678"}]',
          language: 'fr',
          street: '12 rue du Port',
          postalCode: '13002',
          city: 'Marseille',
          country: 'FR',
          billingAddress: null,
          identifiers: '{}',
          notes: null,
          version: '',
          clocks: '',
          createdAt: unit.now,
          updatedAt: unit.now,
        })
      }
    })
  }
}

function outboxOps(core: Core): SyncOp[] {
  return (
    core.database.sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all() as Record<string, unknown>[]
  ).map((r) => ({
    opId: r.op_id as string,
    deskId: r.desk_id as string,
    seq: r.seq as number,
    entity: r.entity as string,
    entityId: r.entity_id as string,
    kind: r.kind as SyncOp['kind'],
    fields: JSON.parse(r.fields as string),
    base: JSON.parse(r.base as string),
    hlc: r.hlc as string,
    schemaVersion: r.schema_version as number,
  }))
}

const clocksOf = (op: SyncOp) => Object.fromEntries(Object.keys(op.fields).map((k) => [k, op.hlc]))
const writersOf = (op: SyncOp) => Object.fromEntries(Object.keys(op.fields).map((k) => [k, op.deskId]))

/**
 * Raw baseline 1: the rows the hub writes for these creations (ops, entities, changes), inserted
 * directly with multi-row INSERT ... VALUES, 500 rows per statement, one transaction per 500.
 */
async function rawValues(store: HubStore, list: SyncOp[]): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < list.length; i += MAX_PUSH_BATCH) {
    const batch = list.slice(i, i + MAX_PUSH_BATCH)
    await store.db.transaction(async (tx) => {
      await tx.insert(ops).values(
        batch.map((op) => ({
          opId: op.opId,
          deskId: op.deskId,
          seq: op.seq,
          entity: op.entity,
          entityId: op.entityId,
          kind: op.kind,
          hlc: op.hlc,
          schemaVersion: op.schemaVersion,
          outcome: { status: 'applied', hubSeq: 0 },
        })),
      )
      await tx.insert(entities).values(
        batch.map((op) => ({
          entity: op.entity,
          entityId: op.entityId,
          fields: op.fields,
          clocks: clocksOf(op),
          writers: writersOf(op),
          version: op.hlc,
          deleted: false,
        })),
      )
      await tx.insert(changes).values(
        batch.map((op) => ({
          entity: op.entity,
          entityId: op.entityId,
          kind: op.kind,
          fields: op.fields,
          clocks: clocksOf(op),
          originDesk: op.deskId,
          opId: op.opId,
          schemaVersion: op.schemaVersion,
        })),
      )
    })
  }
  return performance.now() - started
}

/**
 * Raw baseline 2: the same rows, each table's 500 rows passed as one JSON parameter
 * (INSERT ... SELECT FROM jsonb_to_recordset), the way the hub writes a batch.
 */
async function rawJson(store: HubStore, list: SyncOp[]): Promise<number> {
  const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`
  const started = performance.now()
  for (let i = 0; i < list.length; i += MAX_PUSH_BATCH) {
    const batch = list.slice(i, i + MAX_PUSH_BATCH)
    await store.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO ops (op_id, desk_id, seq, entity, entity_id, kind, hlc, schema_version, outcome)
        SELECT * FROM jsonb_to_recordset(${json(
          batch.map((op) => ({
            op_id: op.opId,
            desk_id: op.deskId,
            seq: op.seq,
            entity: op.entity,
            entity_id: op.entityId,
            kind: op.kind,
            hlc: op.hlc,
            schema_version: op.schemaVersion,
            outcome: { status: 'applied', hubSeq: 0 },
          })),
        )}) AS x(op_id text, desk_id text, seq bigint, entity text, entity_id text, kind text, hlc text,
          schema_version integer, outcome jsonb)`)
      await tx.execute(sql`INSERT INTO entities (entity, entity_id, fields, clocks, writers, version, deleted)
        SELECT * FROM jsonb_to_recordset(${json(
          batch.map((op) => ({
            entity: op.entity,
            entity_id: op.entityId,
            fields: op.fields,
            clocks: clocksOf(op),
            writers: writersOf(op),
            version: op.hlc,
            deleted: false,
          })),
        )}) AS x(entity text, entity_id text, fields jsonb, clocks jsonb, writers jsonb, version text, deleted boolean)`)
      await tx.execute(sql`INSERT INTO changes (entity, entity_id, kind, fields, clocks, origin_desk, op_id, schema_version)
        SELECT * FROM jsonb_to_recordset(${json(
          batch.map((op) => ({
            entity: op.entity,
            entity_id: op.entityId,
            kind: op.kind,
            fields: op.fields,
            clocks: clocksOf(op),
            origin_desk: op.deskId,
            op_id: op.opId,
            schema_version: op.schemaVersion,
          })),
        )}) AS x(entity text, entity_id text, kind text, fields jsonb, clocks jsonb, origin_desk text,
          op_id text, schema_version integer)`)
    })
  }
  return performance.now() - started
}

async function openStore(backend: string, cleanup: (() => Promise<void>)[]): Promise<HubStore> {
  if (backend === 'postgres') {
    const db = await freshPgDatabase('guichet_bench')
    const store = await openHubStore({ databaseUrl: db.url })
    cleanup.push(async () => {
      await store.close()
      await db.drop()
    })
    return store
  }
  const dir = tempDir('guichet-bench-hub-')
  const store = await openHubStore({ dataDir: dir })
  cleanup.push(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return store
}

async function enrol(store: HubStore, deskId: string): Promise<string> {
  const { code } = await createEnrolmentCode(store.db, deskId, `Bench ${deskId}`)
  return (await enrolDesk(store.db, code, deskId)).credential
}

/** A desk folder whose outbox holds N pending operations, filled once and copied for each backend. */
async function filledDesk(): Promise<string> {
  const dir = tempDir('guichet-bench-template-')
  const core = await openDeskCore(dir, 'B1', fixedClock('2026-11-22T09:00:00Z', 1))
  const t = performance.now()
  fill(core, N)
  core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  core.close()
  console.log(
    `Outbox filled with ${N} operations in ${((performance.now() - t) / 1000).toFixed(1)} s (untimed)`,
  )
  return dir
}

async function bench(backend: string, template: string): Promise<Figures> {
  const cleanup: (() => Promise<void>)[] = []
  try {
    const store = await openStore(backend, cleanup)
    const hub = await startHub({ store, logLevel: false, port: 0 })
    cleanup.unshift(() => hub.close())

    const sourceDir = tempDir('guichet-bench-desk-')
    cpSync(template, sourceDir, { recursive: true })
    const source = await openDeskCore(sourceDir, 'B1', fixedClock('2026-11-22T09:30:00Z', 1))
    cleanup.push(async () => {
      source.close()
      rmSync(sourceDir, { recursive: true, force: true })
    })

    const pusher = new SyncEngine(
      source.services.repo,
      httpTransport(hub.url, await enrol(store, 'B1'), 300_000),
    )
    let t = performance.now()
    const pushed = await pusher.push()
    const pushMs = performance.now() - t
    if (pushed.pushed !== N) throw new Error(`pushed ${pushed.pushed} of ${N}`)
    console.log(`  ${backend}: push ${(pushMs / 1000).toFixed(1)} s`)

    const targetDir = tempDir('guichet-bench-desk-')
    const target = await openDeskCore(targetDir, 'B2', fixedClock('2026-11-22T10:00:00Z', 1))
    cleanup.push(async () => {
      target.close()
      rmSync(targetDir, { recursive: true, force: true })
    })
    const puller = new SyncEngine(
      target.services.repo,
      httpTransport(hub.url, await enrol(store, 'B2'), 300_000),
      MAX_PULL_PAGE,
    )
    t = performance.now()
    const pulled = await puller.pull()
    const pullMs = performance.now() - t
    if (pulled.pulled !== N) throw new Error(`pulled ${pulled.pulled} of ${N}`)
    console.log(`  ${backend}: pull ${(pullMs / 1000).toFixed(1)} s`)

    const list = outboxOps(source)
    const raw: number[] = []
    for (const insert of [rawValues, rawJson]) {
      const rawStore = await openStore(backend, cleanup)
      const ms = await insert(rawStore, list)
      const [{ n } = { n: 0 }] = await hubRows<{ n: number }>(
        rawStore.db,
        sql`SELECT count(*)::int AS n FROM changes`,
      )
      if (n !== N) throw new Error(`raw baseline wrote ${n} changes`)
      console.log(`  ${backend}: raw baseline (${insert.name}) ${(ms / 1000).toFixed(1)} s`)
      raw.push(ms)
    }
    return {
      backend,
      push: rate(N, pushMs),
      pull: rate(N, pullMs),
      rawValues: rate(N, raw[0]!),
      rawJson: rate(N, raw[1]!),
    }
  } finally {
    for (const fn of cleanup) await fn().catch((error) => console.error(error))
  }
}

const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])]
console.log(
  `Sync benchmark: ${N} operations (customer creations), batches of ${MAX_PUSH_BATCH}, pull pages of ${MAX_PULL_PAGE}`,
)
const template = await filledDesk()
const results: Figures[] = []
try {
  for (const backend of backends) results.push(await bench(backend, template))
} finally {
  rmSync(template, { recursive: true, force: true })
}
console.log()
console.log(
  table(
    [
      'hub',
      'push ops/s',
      'pull ops/s',
      'raw VALUES ops/s',
      'raw JSON ops/s',
      'push / best raw',
      'pull / best raw',
    ],
    results.map((r) => {
      const best = Math.max(r.rawValues, r.rawJson)
      return [
        r.backend,
        String(r.push),
        String(r.pull),
        String(r.rawValues),
        String(r.rawJson),
        `${Math.round((r.push / best) * 100)} %`,
        `${Math.round((r.pull / best) * 100)} %`,
      ]
    }),
  ),
)
console.log('\nTargets (issue 3): push >= 5 000 ops/s and >= 30 % of the raw baseline.')
if (!process.env.DATABASE_URL) console.log('PostgreSQL skipped: set DATABASE_URL to include it.')
