/**
 * Randomised multi-desk simulation (issue 3, "Proof"): three desks on real SQLite files and one
 * real hub over HTTP (PGlite always, PostgreSQL when DATABASE_URL is set), a few thousand random
 * operations — customers created and edited (the same field on two desks between syncs), invoices
 * issued from each desk's series, numbers voided, payments recorded (on two desks for the same
 * invoice) — with random syncs through a transport that drops requests, drops responses after the
 * hub committed, sends pushes twice or at once, sends older batches again, answers pulls twice or
 * with an older page; the hub is stopped for a while and started again, and restored from older
 * snapshots; a desk process is killed (SIGKILL) between its commit and the send, and between the
 * send and the acknowledgement, then reopened.
 *
 * After a last quiet sync round, every desk and the hub hold the same data, every operation was
 * applied exactly once, payment totals match, series have no number used twice and no gap without
 * a void, every concurrent same-field edit is a conflict record, and no work is left pending.
 *
 * Seeded: a failure prints the seed; `SEED=<n> npx vitest run test/integration/sync-simulation`
 * replays it (SIM_STEPS changes the length, 2 500 by default).
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { changes, ops, seriesNumbers } from '../../hub/db/schema'
import { customers } from '../../main/db/schema'
import { seriesFor } from '../../main/modules/billing/billingService'
import { SyncEngine } from '../../main/sync/syncEngine'
import { companyInput, customerData, personInput } from '../helpers/customers'
import {
  customerDataOf,
  deskImage,
  hubImage,
  hubRows,
  imageDiff,
  type SyncDesk,
  syncDesk,
} from '../helpers/syncDesk'
import { type FaultCounts, FaultyTransport, faultKinds, Rng } from '../helpers/syncFaults'
import { type HubBackend, hubBackends, SimHub } from '../helpers/syncHub'

const SEED = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31)
const STEPS = Number(process.env.SIM_STEPS ?? 2500)
const FAULT_RATE = 0.12
const ISSUE_DATE = '2026-11-22'
const CHILD = join(import.meta.dirname, '..', 'fixtures', 'sync-desk-child.ts')
const EDITABLE = ['email', 'notes', 'city', 'street'] as const
type Editable = (typeof EDITABLE)[number]

interface Node {
  desk: SyncDesk
  credential: string
  transport: FaultyTransport
}

interface Stats {
  actions: Record<string, number>
  syncs: { ok: number; failed: number }
  concurrentEdits: { entityId: string; field: string; desks: [string, string] }[]
  twoDeskPayments: number
  restarts: number
  restores: number
  kills: string[]
  resent: number
  resets: number
  faults: FaultCounts
}

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => undefined)
  cleanup = []
})

describe.each(hubBackends())('sync simulation against a %s hub', (backend) => {
  it(`converges with every fault injected (SEED=${SEED}, ${STEPS} steps)`, async () => {
    try {
      const stats = await simulate(backend, SEED, STEPS)
      console.log(`sync simulation on ${backend}, SEED=${SEED}: ${JSON.stringify(stats, summary)}`)
    } catch (error) {
      console.error(`\n*** sync simulation failed on ${backend}: replay with SEED=${SEED} ***\n`)
      throw error
    }
  }, 300_000)
})

function summary(key: string, value: unknown) {
  return key === 'concurrentEdits' ? (value as unknown[]).length : value
}

async function simulate(backend: HubBackend, seed: number, steps: number): Promise<Stats> {
  const rng = new Rng(seed)
  const hub = await SimHub.create(backend)
  cleanup.push(() => hub.dispose())
  await hub.start()

  const nodes: Node[] = []
  for (const [i, deskId] of ['D1', 'D2', 'D3'].entries()) {
    // Desk clocks a few seconds apart, each moving a second per reading: HLCs must order them.
    const desk = await syncDesk(
      deskId,
      new Date(Date.parse('2026-11-22T09:00:00Z') + i * 7_000).toISOString(),
    )
    cleanup.push(async () => desk.dispose())
    const credential = await hub.enrol(deskId)
    const transport = new FaultyTransport(() => hub.url, credential, new Rng(seed + i + 1), {
      rate: FAULT_RATE,
    })
    const node = { desk, credential, transport }
    attach(node, hub)
    nodes.push(node)
  }

  const stats: Stats = {
    actions: {},
    syncs: { ok: 0, failed: 0 },
    concurrentEdits: [],
    twoDeskPayments: 0,
    restarts: 0,
    restores: 0,
    kills: [],
    resent: 0,
    resets: 0,
    faults: Object.fromEntries(faultKinds.map((k) => [k, 0])) as FaultCounts,
  }
  let unique = 0
  const next = () => ++unique

  // The rare events, at random steps: two snapshot/restore cycles, three restarts, two kills.
  const at = (from: number, to: number) => Math.floor(steps * (from + rng.next() * (to - from)))
  const schedule = new Map<number, string>()
  const plan = (step: number, event: string) => {
    while (schedule.has(step)) step++
    schedule.set(step, event)
  }
  plan(at(0.05, 0.2), 'snapshot')
  plan(at(0.3, 0.45), 'restore')
  plan(at(0.5, 0.6), 'snapshot')
  plan(at(0.7, 0.85), 'restore')
  for (let i = 0; i < 3; i++) plan(at(0.05, 0.95), 'restart')
  plan(at(0.1, 0.9), 'kill:after-commit')
  plan(at(0.1, 0.9), 'kill:after-send')
  let downUntil = -1
  let lastSnapshot = -1

  for (let step = 0; step < steps; step++) {
    if (!hub.up && step >= downUntil) await hub.start()
    const event = schedule.get(step)
    if (event) {
      count(stats, event)
      if (event === 'snapshot') lastSnapshot = await hub.snapshot()
      else if (event === 'restore') {
        await hub.restore(lastSnapshot)
        stats.restores++
        downUntil = step + rng.int(20)
      } else if (event === 'restart') {
        await hub.stop()
        stats.restarts++
        downUntil = step + rng.int(30)
      } else {
        if (!hub.up) await hub.start()
        await killDeskProcess(
          rng.pick(nodes),
          hub,
          event === 'kill:after-commit' ? 'after-commit' : 'after-send',
          rng,
          stats,
        )
      }
      continue
    }

    const node = rng.pick(nodes)
    const { desk } = node
    const action = rng.weighted({
      create: 10,
      edit: 16,
      concurrentEdit: 6,
      invoice: 8,
      void: 1,
      payment: 7,
      twoDeskPayment: 3,
      sync: 28,
    })
    count(stats, action)
    switch (action) {
      case 'create': {
        const n = next()
        const input = rng.chance(0.7)
          ? personInput({ firstName: `Prénom${n}`, lastName: `Nom${n}`, email: `c${n}@sim.test` })
          : companyInput({ companyName: `Société ${n}`, email: `s${n}@sim.test` })
        desk.core.services.customers.create(desk.actor, customerData(input))
        break
      }
      case 'edit': {
        const row = randomCustomer(desk, rng)
        if (!row) break
        const field = rng.pick(EDITABLE)
        desk.core.services.customers.update(
          desk.actor,
          row.id,
          customerDataOf(row, { [field]: valueFor(field, next()) }),
        )
        break
      }
      case 'concurrentEdit': {
        const [a, b] = twoOf(nodes, rng)
        const field = rng.pick(EDITABLE)
        const target = sharedCustomer(a.desk, b.desk, field, rng)
        if (!target) break
        for (const side of [a, b]) {
          const row = customerRow(side.desk, target)!
          const saved = side.desk.core.services.customers.update(
            side.desk.actor,
            target,
            customerDataOf(row, { [field]: valueFor(field, next()) }),
          )
          expect(saved.customer.version, 'a concurrent edit changes the record').not.toBe(row.version)
        }
        stats.concurrentEdits.push({ entityId: target, field, desks: [a.desk.deskId, b.desk.deskId] })
        break
      }
      case 'invoice': {
        const row = randomCustomer(desk, rng)
        if (!row) break
        const net = 1_000 + rng.int(200_000)
        desk.core.services.billing.issueInvoice(desk.actor, {
          customerId: row.id,
          kind: 'service',
          label: `Prestation ${next()}`,
          issueDate: ISSUE_DATE,
          currency: 'MAD',
          totalNetMinor: net,
          totalVatMinor: Math.round(net * 0.2),
        })
        break
      }
      case 'void': {
        const series = seriesFor(desk.deskId, ISSUE_DATE)
        desk.core.services.billing.voidNumber(desk.actor, series, nextNumber(desk, series), 'bobine vide')
        break
      }
      case 'payment': {
        const invoice = randomDueInvoice(desk, rng)
        if (!invoice) break
        pay(desk, invoice.id, 1 + rng.int(invoice.due), rng)
        break
      }
      case 'twoDeskPayment': {
        const [a, b] = twoOf(nodes, rng)
        const invoice = randomDueInvoice(a.desk, rng)
        if (!invoice) break
        const onB = dueOn(b.desk, invoice.id)
        if (onB === null || onB <= 0) break
        pay(a.desk, invoice.id, 1 + rng.int(invoice.due), rng)
        pay(b.desk, invoice.id, 1 + rng.int(onB), rng)
        stats.twoDeskPayments++
        break
      }
      case 'sync': {
        const status = await desk.core.services.sync.runNow()
        if (status.online) stats.syncs.ok++
        else stats.syncs.failed++
        break
      }
    }
  }

  // The last quiet round: hub up, no faults, every desk syncs until nothing moves.
  if (!hub.up) await hub.start()
  for (const node of nodes) node.transport.enabled = false
  for (let round = 0; ; round++) {
    expect(round, 'sync did not settle within 10 quiet rounds').toBeLessThan(10)
    let moved = false
    for (const { desk, transport } of nodes) {
      const result = await new SyncEngine(desk.core.services.repo, transport).run()
      moved ||= result.pushed + result.pulled + result.resent + result.deferred > 0
    }
    if (!moved) break
  }
  for (const node of nodes) for (const k of faultKinds) stats.faults[k] += node.transport.counts[k]
  for (const node of nodes) {
    const events = node.desk.events
    stats.resent += events.reduce((n, e) => n + Number(e.resent ?? 0), 0)
    stats.resets += events.filter((e) => e.reset === true).length
  }

  await checkConverged(hub, nodes, stats)
  return stats
}

function attach(node: Node, hub: SimHub) {
  node.desk.core.services.sync.attach(
    'hub',
    { hubUrl: hub.url, site: `Site ${node.desk.deskId}` },
    node.transport,
  )
}

function count(stats: Stats, key: string) {
  stats.actions[key] = (stats.actions[key] ?? 0) + 1
}

function valueFor(field: Editable, n: number): string {
  switch (field) {
    case 'email':
      return `e${n}@sim.test`
    case 'notes':
      return `note ${n}`
    case 'city':
      return `Ville ${n}`
    case 'street':
      // Never a value a customer is created with ("12 rue du Port"): an edit always changes it.
      return `${n} allée des Essais`
  }
}

function twoOf<T>(items: T[], rng: Rng): [T, T] {
  const a = rng.int(items.length)
  const b = (a + 1 + rng.int(items.length - 1)) % items.length
  return [items[a]!, items[b]!]
}

type CustomerRow = typeof customers.$inferSelect

function customerRow(desk: SyncDesk, id: string) {
  return desk.core.services.repo.db.select().from(customers).where(eq(customers.id, id)).get()
}

function randomCustomer(desk: SyncDesk, rng: Rng): CustomerRow | undefined {
  const sqlite = desk.core.database.sqlite
  const { n } = sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }
  if (n === 0) return undefined
  const { id } = sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET ?').get(rng.int(n)) as {
    id: string
  }
  return customerRow(desk, id)
}

/** A customer both desks hold with the same clock on `field`: editing it on both is concurrent. */
function sharedCustomer(a: SyncDesk, b: SyncDesk, field: string, rng: Rng): string | null {
  const clocksOf = (desk: SyncDesk) =>
    new Map(
      (
        desk.core.database.sqlite.prepare('SELECT id, clocks FROM customers').all() as {
          id: string
          clocks: string
        }[]
      ).map((r) => [r.id, (JSON.parse(r.clocks) as Record<string, string>)[field]]),
    )
  const onB = clocksOf(b)
  const shared = [...clocksOf(a).entries()]
    .filter(([id, clock]) => clock && onB.get(id) === clock)
    .map(([id]) => id)
  return shared.length > 0 ? rng.pick(shared) : null
}

function nextNumber(desk: SyncDesk, series: string): number {
  const { n } = desk.core.database.sqlite
    .prepare(
      `SELECT max(n) AS n FROM (SELECT max(number) AS n FROM invoices WHERE series = ?
       UNION ALL SELECT max(number) FROM series_voids WHERE series = ?)`,
    )
    .get(series, series) as { n: number | null }
  return (n ?? 0) + 1
}

const DUE_SQL = `SELECT i.id, i.total_gross_minor - coalesce((SELECT sum(amount_minor) FROM payments p
  WHERE p.invoice_id = i.id), 0) AS due FROM invoices i`

function randomDueInvoice(desk: SyncDesk, rng: Rng): { id: string; due: number } | null {
  const rows = desk.core.database.sqlite.prepare(`SELECT * FROM (${DUE_SQL}) WHERE due > 0`).all() as {
    id: string
    due: number
  }[]
  return rows.length > 0 ? rng.pick(rows) : null
}

function dueOn(desk: SyncDesk, invoiceId: string): number | null {
  const row = desk.core.database.sqlite.prepare(`${DUE_SQL} WHERE i.id = ?`).get(invoiceId) as
    | { due: number }
    | undefined
  return row?.due ?? null
}

function pay(desk: SyncDesk, invoiceId: string, amountMinor: number, rng: Rng) {
  desk.core.services.billing.recordPayment(desk.actor, {
    invoiceId,
    method: rng.pick(['cash', 'card', 'transfer']),
    amountMinor,
  })
}

/**
 * Runs the desk in a child process on its own folder, and kills it with SIGKILL when it says it
 * reached the chosen point; then checks what that point means at the hub, and reopens the desk.
 */
async function killDeskProcess(
  node: Node,
  hub: SimHub,
  mode: 'after-commit' | 'after-send',
  rng: Rng,
  stats: Stats,
): Promise<void> {
  const { desk } = node
  const pendingBefore = pendingOps(desk)
  desk.close()
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CHILD,
      JSON.stringify({
        dir: desk.dir,
        deskId: desk.deskId,
        clockStart: desk.clock.now().toISOString(),
        hubUrl: hub.url,
        credential: node.credential,
        mode,
        seed: rng.int(2 ** 31),
      }),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const marker = mode === 'after-commit' ? 'COMMITTED' : 'SENT'
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  )
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes(marker)) {
        child.kill('SIGKILL')
        resolve()
      }
    })
    void exit.then(() => reject(new Error(`desk child exited before ${marker}: ${out}\n${stderr}`)))
  })
  expect(await exit).toBe('SIGKILL')
  stats.kills.push(`${desk.deskId}:${mode}`)

  await desk.reopen()
  attach(node, hub)
  const pending = pendingOps(desk).filter((id) => !pendingBefore.includes(id))
  expect(pending.length, 'the killed desk committed its writes').toBe(4)
  const held = await hub.db.select({ opId: ops.opId }).from(ops)
  const atHub = new Set(held.map((r) => r.opId))
  if (mode === 'after-commit') expect(pending.filter((id) => atHub.has(id))).toEqual([])
  else {
    // Killed between the send and the acknowledgement: the hub has them, the desk does not know —
    // all but the edit, if the customer it edits is one a restored hub is still waiting for.
    const missing = pending.filter((id) => !atHub.has(id))
    const notHeld = missing.map((id) =>
      desk.core.database.sqlite.prepare('SELECT entity, kind FROM outbox WHERE op_id = ?').get(id),
    )
    expect(notHeld.filter((r) => JSON.stringify(r) !== '{"entity":"customer","kind":"update"}')).toEqual([])
    expect(pending.length - notHeld.length).toBeGreaterThanOrEqual(3)
  }
}

function pendingOps(desk: SyncDesk): string[] {
  return (
    desk.core.database.sqlite.prepare("SELECT op_id FROM outbox WHERE state = 'pending'").all() as {
      op_id: string
    }[]
  ).map((r) => r.op_id)
}

async function checkConverged(hub: SimHub, nodes: Node[], stats: Stats): Promise<void> {
  const desks = nodes.map((n) => n.desk)
  const db = hub.db

  // No work left: each outbox holds acknowledged operations, and rejected ones waiting for a person.
  for (const desk of desks) {
    const states = desk.core.database.sqlite
      .prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state')
      .all() as { state: string; n: number }[]
    expect(
      states.filter((s) => s.state !== 'acked' && s.state !== 'rejected'),
      desk.deskId,
    ).toEqual([])
  }

  // Every operation applied exactly once: the hub holds exactly the acknowledged op ids of each
  // desk, and no op id produced two feed entries.
  for (const desk of desks) {
    const acked = (
      desk.core.database.sqlite
        .prepare("SELECT op_id FROM outbox WHERE state = 'acked' ORDER BY op_id")
        .all() as {
        op_id: string
      }[]
    ).map((r) => r.op_id)
    const held = (
      await db
        .select({ opId: ops.opId })
        .from(ops)
        .where(sql`${ops.deskId} = ${desk.deskId}`)
        .orderBy(ops.opId)
    ).map((r) => r.opId)
    expect(held.length, `hub ops of ${desk.deskId}`).toBe(acked.length)
    expect(held).toEqual(acked)
  }
  const twice = await db
    .select({ opId: changes.opId, n: sql<number>`count(*)::int` })
    .from(changes)
    .where(sql`${changes.opId} IS NOT NULL`)
    .groupBy(changes.opId)
    .having(sql`count(*) > 1`)
  expect(twice).toEqual([])

  // Same data everywhere: every synced table of every desk (all columns), and the hub's records.
  const images = desks.map((d) => deskImage(d.core))
  const forHub = deskImage(desks[0]!.core, { forHub: true })
  const atHub = await hubImage(db)
  for (const table of Object.keys(images[0]!)) {
    for (const [i, image] of images.entries()) {
      expect(
        image[table]!.hash,
        `${table}: ${desks[i]!.deskId} differs from D1\n${imageDiff(images[0]![table]!, image[table]!).join('\n')}`,
      ).toBe(images[0]![table]!.hash)
    }
    expect(
      atHub[table]!.hash,
      `${table}: hub differs from D1\n${imageDiff(forHub[table]!, atHub[table]!).join('\n')}`,
    ).toBe(forHub[table]!.hash)
  }

  // Payment totals per invoice match everywhere (count, and sum per invoice).
  const totals = (desk: SyncDesk) =>
    desk.core.database.sqlite
      .prepare(
        'SELECT invoice_id AS id, count(*) AS n, sum(amount_minor) AS paid FROM payments GROUP BY invoice_id ORDER BY invoice_id',
      )
      .all()
  const hubTotals = await hubRows(
    db,
    sql`SELECT fields->>'invoiceId' AS id, count(*)::int AS n, sum((fields->>'amountMinor')::int)::int AS paid
        FROM entities WHERE entity = 'payment' GROUP BY fields->>'invoiceId' ORDER BY (fields->>'invoiceId') COLLATE "C"`,
  )
  for (const desk of desks) expect(totals(desk)).toEqual(hubTotals)

  // Series: no number used twice, and every gap is a recorded void — at the hub and on each desk.
  const numbers = await db.select().from(seriesNumbers).orderBy(seriesNumbers.series, seriesNumbers.number)
  const bySeries = new Map<string, number[]>()
  for (const r of numbers) bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), r.number])
  for (const [series, list] of bySeries) expect(list, series).toEqual(list.map((_, i) => i + 1))
  for (const desk of desks) {
    const rows = desk.core.database.sqlite
      .prepare(
        `SELECT series, number, 'used' AS status FROM invoices UNION ALL
         SELECT series, number, 'void' FROM series_voids ORDER BY series, number`,
      )
      .all() as { series: string; number: number; status: string }[]
    expect(rows, desk.deskId).toEqual(
      numbers.map((r) => ({ series: r.series, number: r.number, status: r.status })),
    )
  }

  // Every concurrent same-field edit left a conflict record (at the hub, hence on every desk).
  const conflicts = await hubRows<{ id: string; field: string }>(
    db,
    sql`SELECT fields->>'entityId' AS id, fields->>'field' AS field FROM entities WHERE entity = 'sync_conflict'`,
  )
  const recorded = new Set(conflicts.map((r) => `${r.id}/${r.field}`))
  const missing = stats.concurrentEdits.filter((e) => !recorded.has(`${e.entityId}/${e.field}`))
  if (missing.length > 0) {
    // What each desk sent for that record, and what the hub answered: enough to see why.
    const { entityId } = missing[0]!
    for (const desk of desks)
      console.error(
        desk.deskId,
        desk.core.database.sqlite
          .prepare(
            'SELECT seq, kind, fields, base, hlc, state, result FROM outbox WHERE entity_id = ? ORDER BY seq',
          )
          .all(entityId),
      )
  }
  expect(missing).toEqual([])

  // And the run did what it claims: each fault and event happened.
  expect(stats.concurrentEdits.length).toBeGreaterThan(0)
  expect(stats.twoDeskPayments).toBeGreaterThan(0)
  expect(stats.restores).toBe(2)
  expect(stats.restarts).toBe(3)
  expect(stats.kills).toHaveLength(2)
  expect(stats.resent, 'desks sent archived operations again to the restored hub').toBeGreaterThan(0)
  expect(stats.resets, 'desks pulled the feed of the restored hub again').toBeGreaterThan(0)
  for (const kind of faultKinds) expect(stats.faults[kind], kind).toBeGreaterThan(0)
}
