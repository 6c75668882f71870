/**
 * Fleet benchmark: `npx tsx test/bench/fleet.ts` (options: `--lines N`, default 50 000; `--calls N`,
 * default 400). One business account with N lines, seeded through the demo seeder (repository
 * writes, audit and outbox included), then, through the router as a transport calls it:
 *   - p95 of the inventory page (first pages and deep keyset pages, sorted by number);
 *   - p95 of a filtered search (status + text: digits of a number, a name, a description word);
 *   - a plan change of 10 000 lines recorded and queued (chunks of 1 000, as the screen sends them);
 *   - an Excel export of every line (time, file size, memory).
 * Figures only; targets printed beside them (page/search ≤ 30 ms, plan change ≤ 3 s, export ≤ 10 s).
 */
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { SeededRandom } from '../../main/demo/seededRandom'
import { seedFleet } from '../../main/demo/seedFleet'
import type { LineListItem, LinePage } from '../../preload/contract/fleet'
import { tempDesk } from '../helpers/tempCore'
import { ms, summarize, table } from './stats'

const { values: flags } = parseArgs({
  options: { lines: { type: 'string', default: '50000' }, calls: { type: 'string', default: '400' } },
})
const LINES = Number(flags.lines)
const CALLS = Number(flags.calls)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const desk = await tempDesk({ clock: { now: () => new Date() } })
desk.core.services.fleet.provisioning.stop()
const seedStart = performance.now()
const report = seedFleet(desk.core, {
  seed: 7,
  accounts: [{ name: 'Benchmark Flotte SA', lines: LINES }],
  freeNumbers: 100,
})
const seededIn = (performance.now() - seedStart) / 1000
const customerId = report.accounts[0]!.customerId
await desk.login('youssef')
console.log(
  `fleet benchmark: ${report.lines} lines seeded in ${seededIn.toFixed(1)} s; ${cpus()[0]?.model ?? ''}`,
)

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now()
  const result = await fn()
  // The transport serialises the answer: part of what a screen waits for.
  JSON.stringify(result)
  return [performance.now() - t0, result]
}

// Cursors of real pages, to measure deep pages too.
const cursors: (string | null)[] = [null]
{
  let cursor: string | null = null
  for (let i = 0; i < 40; i++) {
    const page: LinePage = await desk.ok('fleet.lines.list', {
      customerId,
      sort: 'phoneNumber',
      direction: 'asc',
      limit: 50,
      ...(cursor ? { cursor } : {}),
    })
    cursor = page.nextCursor
    if (!cursor) break
    for (let skip = 0; skip < 20 && cursor; skip++) {
      const next: LinePage = await desk.ok('fleet.lines.list', {
        customerId,
        sort: 'phoneNumber',
        direction: 'asc',
        limit: 50,
        cursor,
      })
      cursor = next.nextCursor
    }
    cursors.push(cursor)
  }
}
const sample: LineListItem[] = (
  await desk.ok('fleet.lines.list', { customerId, sort: 'description', direction: 'asc', limit: 200 })
).items
const random = new SeededRandom(11, 3)

const pageTimes: number[] = []
const searchTimes: number[] = []
for (let i = 0; i < CALLS + 50; i++) {
  const cursor = random.pick(cursors)
  const [pageMs] = await timed(() =>
    desk
      .ok('fleet.lines.list', {
        customerId,
        sort: random.pick(['phoneNumber', 'description', 'status'] as const),
        direction: 'asc',
        limit: 50,
        ...(cursor ? { cursor } : {}),
      })
      .catch(() =>
        desk.ok('fleet.lines.list', { customerId, sort: 'phoneNumber', direction: 'asc', limit: 50 }),
      ),
  )
  const line = random.pick(sample)
  const query = random.pick([
    line.phoneNumber.slice(-6),
    line.userName.split(' ')[1] ?? line.userName,
    line.description.split(' ')[0]!,
  ])
  const [searchMs] = await timed(() =>
    desk.ok('fleet.lines.list', {
      customerId,
      status: random.pick(['ACTIVE', 'SUSPENDED', 'PENDING'] as const),
      query,
      sort: 'phoneNumber',
      direction: 'asc',
      limit: 50,
    }),
  )
  if (i >= 50) {
    pageTimes.push(pageMs)
    searchTimes.push(searchMs)
  }
}

// A plan change of 10 000 lines: ids of the selection, review, then chunks of 1 000.
const ids = (
  await desk.ok('fleet.lines.ids', {
    selection: { filter: { customerId, status: 'ACTIVE' }, excludeIds: [] },
  })
).ids.slice(0, 10_000)
const change = { kind: 'plan' as const, planCode: 'MOBILE_EUROPE' }
const [previewMs] = await timed(() =>
  desk.ok('fleet.bulk.preview', { customerId, selection: { ids }, change, limit: 200 }),
)
let queued = 0
const [applyMs] = await timed(async () => {
  for (let i = 0; i < ids.length; i += 1000) {
    queued += (await desk.ok('fleet.bulk.apply', { customerId, ids: ids.slice(i, i + 1000), change })).queued
  }
})
const recorded = desk.core.database.sqlite
  .prepare("SELECT count(*) FROM provisioning_requests WHERE action = 'plan'")
  .pluck()
  .get() as number

// The export of all lines, with the memory it takes.
global.gc?.()
const before = process.memoryUsage()
let peakRss = before.rss
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 20)
const [exportMs, file] = await timed(() =>
  desk.ok('fleet.lines.export', {
    filter: { customerId },
    sort: 'phoneNumber',
    direction: 'asc',
    columns: ['phoneNumber', 'description', 'tariffPlanCode', 'status', 'billingAccount', 'options', 'user'],
  }),
)
clearInterval(sampler)
const after = process.memoryUsage()
const bytes = Buffer.byteLength(file.base64, 'base64')

const page = summarize(pageTimes)
const search = summarize(searchTimes)
console.log()
console.log(
  table(
    ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'target'],
    [
      ['inventory page (50 rows, keyset)', ms(page.p50), ms(page.p95), ms(page.p99), '≤ 30 ms p95'],
      ['filtered search (status + text)', ms(search.p50), ms(search.p95), ms(search.p99), '≤ 30 ms p95'],
    ],
  ),
)
console.log()
console.log(
  table(
    ['operation', 'time', 'detail', 'target'],
    [
      ['plan change review (10 000)', `${ms(previewMs, 0)} ms`, `${ids.length} lines reviewed`, ''],
      [
        'plan change apply (10 000)',
        `${ms(applyMs, 0)} ms`,
        `${queued} queued, ${recorded} requests recorded`,
        '≤ 3 s',
      ],
      [
        `Excel export (${report.lines})`,
        `${ms(exportMs, 0)} ms`,
        `${mb(bytes)} .xlsx; heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}; RSS peak ${mb(peakRss)} (+${mb(peakRss - before.rss)})`,
        '≤ 10 s',
      ],
    ],
  ),
)
desk.dispose()
