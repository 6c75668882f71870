/**
 * Properties of sync (issue 3, "Proof"), checked with fast-check on generated histories against
 * the hub's real push/pull handlers (PGlite in memory) and real desks (SQLite files):
 * - applying twice equals applying once: a push sent again (whole, re-batched, or with an op twice
 *   in one batch) changes nothing at the hub and is answered `duplicate` with the first outcome;
 *   a desk applying pulled pages again (an older page re-delivered, the whole feed re-pulled)
 *   ends exactly as a desk that pulled each page once;
 * - the order in which append-only facts (invoices, payments, voids) reach the hub does not change
 *   the hub's records nor what a desk pulls from it (a payment ahead of its invoice waits);
 * - last writer wins by HLC: any interleaving of several desks' edits of the same fields leaves
 *   each field, at the hub and on a desk that pulls, with the value of the highest clock.
 *
 * Seeded: a failure prints the seed; `SEED=<n>` replays it (PROP_RUNS sets the number of runs).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import {
  MAX_PULL_PAGE,
  type OpResult,
  type PullRequest,
  type PullResponse,
  type SyncOp,
} from '../../hub/protocol'
import { buildHub } from '../../hub/server'
import { fixedClock } from '../../main/app/clock'
import type { Core } from '../../main/app/core'
import { customers } from '../../main/db/schema'
import { formatHlc, parseHlc } from '../../main/sync/hlc'
import type { HubTransport } from '../../main/sync/hubTransport'
import { SyncEngine } from '../../main/sync/syncEngine'
import { deskImage, openDeskCore } from '../helpers/syncDesk'
import {
  customerCreate,
  customerUpdate,
  hlcOf,
  hubState,
  idOf,
  injectTransport,
  invoiceAppend,
  paymentAppend,
  truncateHub,
} from '../helpers/syncOps'

const SEED = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31)
const RUNS = Number(process.env.PROP_RUNS ?? 25)
const DESKS = ['D1', 'D2', 'D3'] as const
const FIELDS = ['email', 'notes', 'city'] as const

let store: HubStore
let server: FastifyInstance
const transports: Record<string, HubTransport> = {}
const dirs: string[] = []

beforeAll(async () => {
  store = await openHubStore()
  server = buildHub({ store, logLevel: false })
  await server.ready()
  for (const deskId of [...DESKS, 'R1', 'R2']) {
    const { code } = await createEnrolmentCode(store.db, deskId, `Site ${deskId}`)
    transports[deskId] = injectTransport(server, (await enrolDesk(store.db, code, deskId)).credential)
  }
}, 60_000)

afterAll(async () => {
  await server?.close()
  await store?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Runs a property with the file's seed (offset per property), printing the seed if it fails. */
async function check<T>(
  name: string,
  offset: number,
  arb: fc.Arbitrary<T>,
  body: (value: T) => Promise<void>,
) {
  try {
    await fc.assert(fc.asyncProperty(arb, body), { seed: SEED + offset, numRuns: RUNS })
  } catch (error) {
    console.error(`\n*** sync property "${name}" failed: replay with SEED=${SEED} ***\n`)
    throw error
  }
}

/** A fresh desk (its own SQLite file) that has written nothing; it only pulls. */
async function freshDesk(deskId: string): Promise<Core> {
  const dir = mkdtempSync(join(tmpdir(), `guichet-prop-${deskId}-`))
  dirs.push(dir)
  return openDeskCore(dir, deskId, fixedClock('2026-11-22T12:00:00Z', 1000))
}

/** Pushes ops in the given order, consecutive ops of one desk in batches of up to `batch`. */
async function push(list: SyncOp[], batch = 50): Promise<OpResult[]> {
  const results: OpResult[] = []
  for (let i = 0; i < list.length; ) {
    const deskId = list[i]!.deskId
    let j = i
    while (j < list.length && j - i < batch && list[j]!.deskId === deskId) j++
    const response = await transports[deskId]!.push({ deskId, schemaVersion: 1, ops: list.slice(i, j) })
    results.push(...response.results)
    i = j
  }
  return results
}

/** Pushes until nothing is deferred, as desks do at each sync; returns how many rounds it took. */
async function pushUntilSettled(list: SyncOp[], batch = 50): Promise<number> {
  let waiting = list
  for (let round = 1; ; round++) {
    const results = await push(waiting, batch)
    const deferred = new Set(results.filter((r) => r.status === 'deferred').map((r) => r.opId))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    if (deferred.size === 0) return round
    expect(round).toBeLessThan(list.length + 2)
    waiting = waiting.filter((o) => deferred.has(o.opId))
  }
}

async function pullAll(core: Core, transport: HubTransport, page: number): Promise<void> {
  const result = await new SyncEngine(core.services.repo, transport, page).pull()
  expect(result.updateRequired).toBe(false)
}

/**
 * A generated history, in an order a hub may see it (each op after those it depends on):
 * customers created by any desk, then edits, invoices and payments mixed, from all desks, with
 * each desk's seq and HLC increasing.
 */
interface History {
  ops: SyncOp[]
  appends: SyncOp[]
  /** For each customer and edited field: the value of the highest clock. */
  expected: Map<string, Record<string, unknown>>
}

const stepArb = fc.oneof(
  fc.record({
    type: fc.constant('edit' as const),
    desk: fc.integer({ min: 0, max: 2 }),
    customer: fc.nat(),
    field: fc.constantFrom(...FIELDS),
    // Walls close together, so that clocks often tie on the wall and order by counter, then desk.
    wall: fc.integer({ min: 0, max: 6 }),
    counter: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    type: fc.constant('invoice' as const),
    desk: fc.integer({ min: 0, max: 2 }),
    customer: fc.nat(),
    net: fc.integer({ min: 100, max: 100_000 }),
  }),
  fc.record({
    type: fc.constant('payment' as const),
    desk: fc.integer({ min: 0, max: 2 }),
    invoice: fc.nat(),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.record({ type: fc.constant('void' as const), desk: fc.integer({ min: 0, max: 2 }) }),
)

const historyArb = fc.record({
  creators: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 30 }),
})

type HistoryInput = typeof historyArb extends fc.Arbitrary<infer T> ? T : never

function buildHistory(input: HistoryInput): History {
  const seq: Record<string, number> = { D1: 0, D2: 0, D3: 0 }
  const lastClock: Record<string, string> = {}
  const numbers: Record<string, number> = { D1: 0, D2: 0, D3: 0 }
  /** A desk's next clock: never behind its last one, nor behind a clock it has seen (`after`). */
  const clockFor = (deskId: string, wall: number, counter: number, after = '') => {
    let hlc = hlcOf(10 + wall, counter, deskId)
    for (const floor of [lastClock[deskId] ?? '', after]) {
      if (floor && hlc <= floor) {
        const prev = parseHlc(floor)
        hlc = formatHlc({ wall: prev.wall, counter: prev.counter + 1, node: deskId })
      }
    }
    lastClock[deskId] = hlc
    return hlc
  }
  const ops: SyncOp[] = []
  const appends: SyncOp[] = []
  const customers: { id: string; hlc: string }[] = []
  const invoices: { id: string; customerId: string }[] = []
  const expected = new Map<string, Record<string, unknown>>()
  const best = new Map<string, string>()
  /** What each desk last wrote to each field: its next edit is based on it (else on the create). */
  const seen = new Map<string, string>()

  input.creators.forEach((c, n) => {
    const deskId = DESKS[c]!
    const id = idOf('CUST', n + 1)
    const hlc = clockFor(deskId, 0, 0)
    ops.push(customerCreate(deskId, ++seq[deskId]!, id, hlc, n + 1))
    customers.push({ id, hlc })
    expected.set(id, {})
  })
  let unique = 0
  for (const step of input.steps) {
    const deskId = DESKS[step.desk]!
    if (step.type === 'edit') {
      const customer = customers[step.customer % customers.length]!
      const base = seen.get(`${deskId}/${customer.id}/${step.field}`) ?? customer.hlc
      const hlc = clockFor(deskId, step.wall, step.counter, base)
      const value = `${step.field}-${++unique}`
      ops.push(
        customerUpdate(
          deskId,
          ++seq[deskId]!,
          customer.id,
          hlc,
          { [step.field]: value },
          { [step.field]: base },
        ),
      )
      seen.set(`${deskId}/${customer.id}/${step.field}`, hlc)
      const key = `${customer.id}/${step.field}`
      if (hlc > (best.get(key) ?? '')) {
        best.set(key, hlc)
        expected.get(customer.id)![step.field] = value
      }
    } else if (step.type === 'invoice') {
      const customer = customers[step.customer % customers.length]!
      const id = idOf(`INV${deskId}N`, ++numbers[deskId]!)
      const invoice = invoiceAppend(deskId, ++seq[deskId]!, id, clockFor(deskId, 8, 0), {
        number: numbers[deskId]!,
        customerId: customer.id,
        net: step.net,
      })
      ops.push(invoice)
      appends.push(invoice)
      invoices.push({ id, customerId: customer.id })
    } else if (step.type === 'void') {
      const number = ++numbers[deskId]!
      const id = idOf(`VOID${deskId}N`, number)
      const series = `2026-${deskId}`
      const voided: SyncOp = {
        ...invoiceAppend(deskId, ++seq[deskId]!, id, clockFor(deskId, 8, 0), {
          number,
          customerId: '',
          net: 0,
        }),
        entity: 'series_void',
        fields: { series, number, reason: 'bobine vide', deskId, createdAt: '2026-11-22T10:00:00.000Z' },
      }
      ops.push(voided)
      appends.push(voided)
    } else if (invoices.length > 0) {
      const invoice = invoices[step.invoice % invoices.length]!
      const payment = paymentAppend(
        deskId,
        ++seq[deskId]!,
        idOf(`PAY${deskId}S`, seq[deskId]!),
        clockFor(deskId, 9, 0),
        {
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          amount: step.amount,
        },
      )
      ops.push(payment)
      appends.push(payment)
    }
  }
  return { ops, appends, expected }
}

/** Keeps each desk's own order (a desk pushes in seq order) and mixes the desks as `picks` say. */
function interleave(list: SyncOp[], picks: number[]): SyncOp[] {
  const queues = DESKS.map((d) => list.filter((o) => o.deskId === d))
  const out: SyncOp[] = []
  let k = 0
  while (out.length < list.length) {
    const open = queues.filter((q) => q.length > 0)
    out.push(open[(picks[k++ % Math.max(picks.length, 1)] ?? 0) % open.length]!.shift()!)
  }
  return out
}

/**
 * A transport that answers some pulls with an earlier page again (a delayed duplicate): the n-th
 * pull is a replay when `replays[n]`; once the flags are used up, every pull is real.
 */
function replayingTransport(inner: HubTransport, replays: boolean[]): HubTransport {
  const pages: PullResponse[] = []
  let call = 0
  return {
    push: (request) => inner.push(request),
    state: () => inner.state(),
    pull: async (request: PullRequest) => {
      const replay = replays[call++] === true && pages.length > 0
      if (replay) return pages[call % pages.length]!
      const page = await inner.pull(request)
      pages.push(page)
      return page
    },
  }
}

describe('sync properties', () => {
  it('applying twice equals applying once, at the hub', async () => {
    await check(
      'hub idempotence',
      1,
      fc.record({
        history: historyArb,
        firstBatch: fc.integer({ min: 1, max: 12 }),
        secondBatch: fc.integer({ min: 1, max: 12 }),
        twiceInBatch: fc.array(fc.boolean(), { maxLength: 40 }),
      }),
      async ({ history, firstBatch, secondBatch, twiceInBatch }) => {
        const { ops } = buildHistory(history)
        await truncateHub(store.db)
        const first = await push(ops, firstBatch)
        expect(first.filter((r) => r.status === 'deferred' || r.status === 'rejected')).toEqual([])
        const once = await hubState(store.db, { feed: true })

        // Again: re-batched, some ops twice within their batch.
        const again = ops.flatMap((o, i) => (twiceInBatch[i] ? [o, o] : [o]))
        const second = await push(again, secondBatch)
        expect(await hubState(store.db, { feed: true })).toEqual(once)
        const outcome = new Map(first.map((r) => [r.opId, r]))
        for (const r of second) {
          expect(r.status).toBe('duplicate')
          const { opId: _id, ...stored } = outcome.get(r.opId)! as OpResult & { opId: string }
          if (r.status === 'duplicate') expect(r.stored).toEqual(stored)
        }
      },
    )
  }, 120_000)

  it('applying a pulled page twice equals applying it once, on a desk', async () => {
    await check(
      'desk idempotence',
      2,
      fc.record({
        history: historyArb,
        page: fc.integer({ min: 1, max: 8 }),
        replays: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
      }),
      async ({ history, page, replays }) => {
        const { ops } = buildHistory(history)
        await truncateHub(store.db)
        await pushUntilSettled(ops)
        const clean = await freshDesk('R1')
        await pullAll(clean, transports.R1!, MAX_PULL_PAGE)
        const expected = deskImage(clean)

        // Older pages re-delivered among the new ones, small pages: the same desk in the end.
        const noisy = await freshDesk('R2')
        await pullAll(noisy, replayingTransport(transports.R2!, replays), page)
        await pullAll(noisy, transports.R2!, page)
        expect(deskImage(noisy)).toEqual(expected)
        // And the whole feed applied a second time changes nothing.
        new SyncEngine(noisy.services.repo, transports.R2!).setState('cursor', '0')
        await pullAll(noisy, transports.R2!, page)
        expect(deskImage(noisy)).toEqual(expected)
        clean.close()
        noisy.close()
      },
    )
  }, 120_000)

  it('the order in which append-only facts arrive does not change the result', async () => {
    await check(
      'append order',
      3,
      fc.record({
        history: historyArb,
        order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
        batch: fc.integer({ min: 1, max: 6 }),
      }),
      async ({ history, order, batch }) => {
        const { ops, appends } = buildHistory(history)
        const setup = ops.filter((o) => !appends.includes(o))
        const permuted = appends
          .map((o, i) => ({ o, key: order[i % order.length]! + i * 1e-9 }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.o)

        await truncateHub(store.db)
        await pushUntilSettled([...setup, ...appends])
        const inOrder = await hubState(store.db)
        const deskInOrder = await freshDesk('R1')
        await pullAll(deskInOrder, transports.R1!, 7)

        await truncateHub(store.db)
        await pushUntilSettled(setup)
        await pushUntilSettled(permuted, batch)
        const shuffled = await hubState(store.db)
        const deskShuffled = await freshDesk('R2')
        await pullAll(deskShuffled, transports.R2!, 7)

        expect(shuffled.records).toEqual(inOrder.records)
        expect(shuffled.numbers).toEqual(inOrder.numbers)
        const a = deskImage(deskInOrder)
        const b = deskImage(deskShuffled)
        for (const table of ['invoice', 'payment', 'series_void', 'customer'])
          expect(b[table], table).toEqual(a[table])
        deskInOrder.close()
        deskShuffled.close()
      },
    )
  }, 120_000)

  it('last writer wins by HLC: any interleaving of edits converges on the hub and on desks', async () => {
    await check(
      'LWW convergence',
      4,
      fc.record({
        history: historyArb,
        picksA: fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
        picksB: fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
      }),
      async ({ history, picksA, picksB }) => {
        const { ops, expected } = buildHistory(history)
        const runs: {
          records: string[]
          desk: ReturnType<typeof deskImage>
          values: Map<string, unknown>
        }[] = []
        for (const [i, picks] of [picksA, picksB].entries()) {
          await truncateHub(store.db)
          await pushUntilSettled(interleave(ops, picks), 4)
          const desk = await freshDesk(i === 0 ? 'R1' : 'R2')
          await pullAll(desk, i === 0 ? transports.R1! : transports.R2!, 5)
          const values = new Map<string, unknown>()
          for (const row of desk.services.repo.db.select().from(customers).all())
            for (const field of FIELDS) values.set(`${row.id}/${field}`, row[field])
          const records = (await hubState(store.db)).records.filter((r) => r.startsWith('customer '))
          runs.push({ records, desk: deskImage(desk), values })
          desk.close()
        }
        // The same merged records at the hub and on desks, whatever the interleaving...
        expect(runs[1]!.records).toEqual(runs[0]!.records)
        expect(runs[1]!.desk.customer).toEqual(runs[0]!.desk.customer)
        // ...and each edited field holds the value of its highest clock.
        for (const [id, fields] of expected)
          for (const [field, value] of Object.entries(fields))
            for (const run of runs) expect(run.values.get(`${id}/${field}`), `${id}/${field}`).toBe(value)
      },
    )
  }, 120_000)
})
