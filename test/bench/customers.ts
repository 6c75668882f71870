/**
 * Customer list and search latency with 200 000 customers: `npx tsx test/bench/customers.ts`
 * (or `npm run bench`). Options: `--calls N` (default 2000), `--fresh` (re-seed the cached desk).
 *
 * Each scenario runs through the router, as a transport would call it (logged-in session, zod
 * validation, handler, then JSON.stringify of the result as the serialisation), and beside it the
 * same SQL the customer queries run, as a prepared better-sqlite3 statement plus JSON.stringify of
 * its rows. The inputs vary (names, phones, emails, numbers, cursors of real customers, drawn with
 * a fixed seed) so that the figures are not those of one cached query. Figures only: no verdict
 * fails anything, timings are never assertions.
 */
import { statSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type Database from 'better-sqlite3'
import { DATABASE_FILE } from '../../main/app/core'
import { SeededRandom } from '../../main/demo/seededRandom'
import type { CallContext } from '../../main/ipc/router'
import { encodeCursor } from '../../main/modules/customers/cursor'
import { phoneTail, prefixEnd, searchKey } from '../../main/modules/customers/names'
import type { CustomerListItem, Page, Phone } from '../../preload/contract'
import { openBenchDesk } from './benchDesk'
import { ms, type Summary, summarize, table } from './stats'

const { values: flags } = parseArgs({
  options: { calls: { type: 'string', default: '2000' }, fresh: { type: 'boolean', default: false } },
})
const CALLS = Number(flags.calls)
const WARMUP = Math.min(200, CALLS)
const POOL = 500
const LIST_LIMIT = 50
const SEARCH_LIMIT = 10

// The SQL of main/modules/customers/customerQueries.ts, written out: what the raw column measures.
const ITEM_COLUMNS =
  'c.id, c.customer_number, c.kind, c.display_name, c.email, c.phones, c.city, c.country, c.created_at'
const byName = (where: string) =>
  `SELECT ${ITEM_COLUMNS}, c.sort_name AS sort_value FROM customers c ${where}
   ORDER BY c.sort_name ASC, c.id ASC LIMIT @limit`
const nameBranch = (column: string) =>
  `SELECT id FROM (SELECT id FROM customers WHERE ${column} >= @k AND ${column} < @ke
   ORDER BY sort_name ASC, id ASC LIMIT @limit)`
const NAME_PREFIX = byName(`WHERE c.id IN (${nameBranch('sort_name')} UNION ${nameBranch('alt_name')})`)
const SQL = {
  firstPage: byName(''),
  deepPage: byName('WHERE (c.sort_name, c.id) > (@cv, @cid)'),
  createdDesc: `SELECT ${ITEM_COLUMNS}, c.created_at AS sort_value FROM customers c
    ORDER BY c.created_at DESC, c.id DESC LIMIT @limit`,
  name: NAME_PREFIX,
  phone: byName('WHERE c.id IN (SELECT customer_id FROM customer_phone_keys WHERE tail = @tail)'),
  email: byName('WHERE c.email_key >= @k AND c.email_key < @ke'),
  number: byName('WHERE c.customer_number >= @k AND c.customer_number < @ke'),
}

/** One call of a scenario: the router's channel input, and the raw SQL with its parameters. */
interface Case {
  input: Record<string, unknown>
  sql: string
  params: Record<string, string | number>
}

interface Scenario {
  name: string
  channel: 'customers.list' | 'customers.search'
  cases: Case[]
}

interface SampleRow {
  customer_number: string
  kind: 'person' | 'company'
  first_name: string | null
  last_name: string | null
  company_name: string | null
  email: string | null
  phones: string
  country: string
}

const nationalForm = (e164: string) => {
  // "+33612345678" -> "06 12 34 56 78": the way a clerk types a number read off a form.
  const national = `0${e164.replace(/^\+(33|212|32)/, '')}`
  return national.replace(/(\d{2})(?=\d)/g, '$1 ')
}

function samplePool(sqlite: Database.Database, customers: number): SampleRow[] {
  const random = new SeededRandom(2026)
  const byRowid = sqlite.prepare(
    `SELECT customer_number, kind, first_name, last_name, company_name, email, phones, country
     FROM customers WHERE rowid = ?`,
  )
  const rows: SampleRow[] = []
  while (rows.length < POOL) {
    const row = byRowid.get(random.int(1, customers)) as SampleRow | undefined
    if (row) rows.push(row)
  }
  return rows
}

/** What a clerk types to find someone by name: the first 3 to 6 letters of a family or first name. */
function namePrefix(row: SampleRow, random: SeededRandom): string {
  const source =
    row.kind === 'company'
      ? (row.company_name ?? '')
      : random.chance(0.75)
        ? (row.last_name ?? '')
        : (row.first_name ?? '')
  const key = searchKey(source)
  return key.slice(0, Math.min(key.length, random.int(3, 6)))
}

function nameCase(prefix: string, limit: number, channel: Scenario['channel']): Case {
  const key = searchKey(prefix)
  return {
    input: channel === 'customers.list' ? { query: prefix, sort: 'name' } : { query: prefix, limit },
    sql: SQL.name,
    params: { k: key, ke: prefixEnd(key), limit: limit + 1 },
  }
}

function phoneCase(row: SampleRow, limit: number, channel: Scenario['channel']): Case {
  const phone = (JSON.parse(row.phones) as Phone[])[0]?.number ?? '+33600000000'
  const typed = nationalForm(phone)
  return {
    input: channel === 'customers.list' ? { query: typed, sort: 'name' } : { query: typed, limit },
    sql: SQL.phone,
    params: { tail: phoneTail(typed)!, limit: limit + 1 },
  }
}

function emailCase(email: string, limit: number, channel: Scenario['channel']): Case {
  const key = email.toLowerCase()
  return {
    input: channel === 'customers.list' ? { query: email, sort: 'name' } : { query: email, limit },
    sql: SQL.email,
    params: { k: key, ke: prefixEnd(key), limit: limit + 1 },
  }
}

function numberCase(number: string, limit: number, channel: Scenario['channel']): Case {
  return {
    input: channel === 'customers.list' ? { query: number, sort: 'name' } : { query: number, limit },
    sql: SQL.number,
    params: { k: number, ke: prefixEnd(number), limit: limit + 1 },
  }
}

function buildScenarios(sqlite: Database.Database, customers: number): Scenario[] {
  const pool = samplePool(sqlite, customers)
  const random = new SeededRandom(7)
  const withEmail = pool.filter((r) => r.email)
  const list: Scenario['channel'] = 'customers.list'
  const search: Scenario['channel'] = 'customers.search'

  const cursorAt = sqlite.prepare(
    'SELECT sort_name, id FROM customers ORDER BY sort_name, id LIMIT 1 OFFSET ?',
  )
  const deepCases: Case[] = []
  for (let i = 0; i < 100; i++) {
    const at = cursorAt.get(random.int(Math.floor(customers / 4), customers - 100)) as {
      sort_name: string
      id: string
    }
    deepCases.push({
      input: { sort: 'name', cursor: encodeCursor(at.sort_name, at.id) },
      sql: SQL.deepPage,
      params: { cv: at.sort_name, cid: at.id, limit: LIST_LIMIT + 1 },
    })
  }

  const searchCases = pool.map((row): Case => {
    const kind = random.weighted([
      ['name', 60],
      ['phone', 15],
      ['email', 15],
      ['number', 10],
    ] as const)
    if (kind === 'phone') return phoneCase(row, SEARCH_LIMIT, search)
    if (kind === 'email' && row.email) return emailCase(row.email, SEARCH_LIMIT, search)
    if (kind === 'number') return numberCase(row.customer_number, SEARCH_LIMIT, search)
    return nameCase(namePrefix(row, random), SEARCH_LIMIT, search)
  })

  return [
    {
      name: 'list, first page (sort name)',
      channel: list,
      cases: [{ input: { sort: 'name' }, sql: SQL.firstPage, params: { limit: LIST_LIMIT + 1 } }],
    },
    { name: 'list, deep page (cursor)', channel: list, cases: deepCases },
    {
      name: 'list, sort createdAt desc',
      channel: list,
      cases: [
        {
          input: { sort: 'createdAt', direction: 'desc' },
          sql: SQL.createdDesc,
          params: { limit: LIST_LIMIT + 1 },
        },
      ],
    },
    {
      name: 'list, name prefix',
      channel: list,
      cases: pool.map((row) => nameCase(namePrefix(row, random), LIST_LIMIT, list)),
    },
    { name: 'list, phone', channel: list, cases: pool.map((row) => phoneCase(row, LIST_LIMIT, list)) },
    {
      name: 'list, email',
      channel: list,
      cases: withEmail.map((row) => emailCase(row.email!, LIST_LIMIT, list)),
    },
    {
      name: 'list, customer number',
      channel: list,
      cases: pool.map((row) => numberCase(row.customer_number, LIST_LIMIT, list)),
    },
    { name: 'search (Ctrl+K), mixed', channel: search, cases: searchCases },
  ]
}

interface Result {
  name: string
  router: Summary
  raw: Summary
  rows: number
  mismatches: number
}

async function run(
  scenario: Scenario,
  call: (channel: string, input: unknown) => Promise<unknown>,
  statement: (sql: string) => Database.Statement,
): Promise<Result> {
  const { cases } = scenario
  const routerSamples: number[] = []
  const rawSamples: number[] = []
  let rows = 0
  let mismatches = 0

  // The same rows on both sides, checked once per distinct case before timing anything.
  for (const c of cases.slice(0, 100)) {
    const result = (await call(scenario.channel, c.input)) as { ok: boolean; data?: unknown; error?: unknown }
    if (!result.ok)
      throw new Error(`${scenario.name}: ${JSON.stringify(result.error)} for ${JSON.stringify(c.input)}`)
    const items =
      scenario.channel === 'customers.list'
        ? (result.data as Page<CustomerListItem>).items
        : (result.data as CustomerListItem[])
    const raw = statement(c.sql).all(c.params) as { id: string }[]
    const expected = raw.slice(0, Number(c.params.limit) - 1).map((r) => r.id)
    if (JSON.stringify(items.map((i) => i.id)) !== JSON.stringify(expected)) mismatches++
    rows += items.length
  }

  for (let i = 0; i < WARMUP + CALLS; i++) {
    const c = cases[i % cases.length]!
    const started = performance.now()
    JSON.stringify(await call(scenario.channel, c.input))
    if (i >= WARMUP) routerSamples.push(performance.now() - started)
  }
  for (let i = 0; i < WARMUP + CALLS; i++) {
    const c = cases[i % cases.length]!
    const started = performance.now()
    JSON.stringify(statement(c.sql).all(c.params))
    if (i >= WARMUP) rawSamples.push(performance.now() - started)
  }
  return {
    name: scenario.name,
    router: summarize(routerSamples),
    raw: summarize(rawSamples),
    rows: rows / Math.min(cases.length, 100),
    mismatches,
  }
}

const desk = await openBenchDesk({ scale: 1000, seed: 1, fresh: flags.fresh })
try {
  const { core } = desk
  const ctx: CallContext = { connectionId: 'bench', host: 'browser' }
  const login = await core.router.call(ctx, 'auth.login', { username: 'marie', password: 'guichet-demo' })
  if (!login.ok) throw new Error(`login failed: ${JSON.stringify(login.error)}`)
  const call = (channel: string, input: unknown) => core.router.call(ctx, channel, input)
  const statements = new Map<string, Database.Statement>()
  const statement = (sql: string) => {
    let s = statements.get(sql)
    if (!s) {
      s = core.database.sqlite.prepare(sql)
      statements.set(sql, s)
    }
    return s
  }

  const dbSize = statSync(join(desk.dir, DATABASE_FILE)).size / 1024 / 1024
  console.log(
    `${desk.customers} customers, ${dbSize.toFixed(0)} MB (${desk.dir}); ${CALLS} calls per column after ` +
      `${WARMUP} warm-up; node ${process.version}, ${cpus()[0]?.model ?? 'cpu?'} × ${cpus().length}`,
  )
  const results: Result[] = []
  for (const scenario of buildScenarios(core.database.sqlite, desk.customers)) {
    results.push(await run(scenario, call, statement))
  }

  console.log(
    '\nms per call; router = router.call + JSON.stringify; raw = prepared statement .all + JSON.stringify',
  )
  console.log(
    table(
      [
        'scenario',
        'router p50',
        'p95',
        'p99',
        'mean',
        'raw p50',
        'p95',
        'p99',
        'mean',
        'p95 ratio',
        'rows',
        'same rows',
      ],
      results.map((r) => [
        r.name,
        ms(r.router.p50),
        ms(r.router.p95),
        ms(r.router.p99),
        ms(r.router.mean),
        ms(r.raw.p50),
        ms(r.raw.p95),
        ms(r.raw.p99),
        ms(r.raw.mean),
        `${(r.router.p95 / r.raw.p95).toFixed(2)}×`,
        r.rows.toFixed(1),
        r.mismatches === 0 ? 'yes' : `${r.mismatches} differ`,
      ]),
    ),
  )

  console.log('\nQuery plans (EXPLAIN QUERY PLAN):')
  for (const [name, sql] of Object.entries(SQL)) {
    const plan = core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({
      k: 'a',
      ke: 'b',
      cv: 'a',
      cid: '0',
      tail: '12345678',
      limit: 51,
    }) as { detail: string }[]
    console.log(`  ${name.padEnd(12)} ${plan.map((p) => p.detail).join(' → ')}`)
  }
} finally {
  desk.core.close()
}
