/**
 * A desk with 200 000 demo customers for the benchmarks, seeded once and kept under /tmp between
 * runs (seeding takes a minute or two). A marker file written after the seeding says the cached
 * database is complete; without it, or with another schema version or another version of the
 * generator or its data (main/demo, resources/demo), the folder is rebuilt.
 *
 * For the benchmarks that load their own data with raw SQL: plain customers inserted in one
 * transaction, and a counter clerk logged in to call channels through the router.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Core, createCore } from '../../main/app/core'
import { SCHEMA_VERSION } from '../../main/db/migrate'
import { customersForScale, seedDemoCustomers } from '../../main/demo/seedDemo'
import { benchId } from './benchData'

export interface BenchDesk {
  core: Core
  dir: string
  customers: number
  /** Seconds the seeding took, when it ran in this process. */
  seededIn: number | null
}

interface Marker {
  scale: number
  seed: number
  schemaVersion: number
  customers: number
  generator: string
}

/** A digest of the generator's code and data: the cached desk is only valid for the same ones. */
function generatorDigest(): string {
  const hash = createHash('sha256')
  const root = resolve(import.meta.dirname, '../..')
  for (const folder of ['main/demo', 'resources/demo']) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      hash.update(name)
      hash.update(readFileSync(join(root, folder, name)))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

export async function openBenchDesk(options: {
  scale: number
  seed: number
  fresh?: boolean
}): Promise<BenchDesk> {
  const { scale, seed } = options
  const dir =
    process.env.GUICHET_BENCH_DIR ??
    join(tmpdir(), `guichet-bench-scale${scale}-seed${seed}-v${SCHEMA_VERSION}`)
  const markerFile = join(dir, 'complete.json')
  const wanted: Marker = {
    scale,
    seed,
    schemaVersion: SCHEMA_VERSION,
    customers: customersForScale(scale),
    generator: generatorDigest(),
  }
  const marker = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, 'utf8')) as Marker) : null
  const reusable = !options.fresh && marker && JSON.stringify(marker) === JSON.stringify(wanted)
  if (!reusable) rmSync(dir, { recursive: true, force: true })

  const core = await createCore({
    dataDir: dir,
    deskId: 'C01',
    demo: true,
    host: 'browser',
    version: 'bench',
  })
  let seededIn: number | null = null
  if (!reusable) {
    console.log(`Seeding ${wanted.customers} customers into ${dir} (cached for the next runs)...`)
    const report = seedDemoCustomers(core, { scale, seed }, (done, total) => {
      if (done % 20_000 === 0 || done === total) process.stdout.write(`  ${done}/${total}\r`)
    })
    core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    seededIn = report.ms / 1000
    writeFileSync(markerFile, JSON.stringify(wanted))
    console.log(
      `\nSeeded in ${seededIn.toFixed(1)} s (${Math.round(report.customers / seededIn)} customers/s)`,
    )
  }
  const { n } = core.database.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }
  return { core, dir, customers: n, seededIn }
}

/** An empty desk (no demo data) in a new folder under /tmp, for data loaded with raw SQL; `close` deletes it. */
export async function openEmptyBenchDesk(
  folderPrefix: string,
  deskId: string,
): Promise<{ core: Core; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix))
  const core = await createCore({ dataDir: dir, deskId, demo: false, host: 'browser', version: 'bench' })
  return {
    core,
    close() {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Inserts `count` customers "Client 1…n" of `deskId` with raw SQL, in one transaction: every
 * column of the table, NOT NULL and derived ones filled as the desk stores them. Answers their ids
 * (`benchId(1, n)`), in order.
 */
export function insertBenchCustomers(core: Core, count: number, deskId: string): string[] {
  const sqlite = core.database.sqlite
  const columns = (sqlite.prepare('PRAGMA table_info(customers)').all() as { name: string }[]).map(
    (c) => c.name,
  )
  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (${columns.join(',')}) VALUES (${columns.map((c) => `@${c}`).join(',')})`,
  )
  const customerIds: string[] = []
  sqlite.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const id = benchId(1, i)
      customerIds.push(id)
      const name = `Client ${i}`
      insertCustomer.run({
        ...Object.fromEntries(columns.map((c) => [c, null])),
        id,
        customer_number: `${deskId}-${String(i).padStart(6, '0')}`,
        kind: 'person',
        last_name: name,
        display_name: name,
        sort_name: name.toLowerCase(),
        alt_name: name.toLowerCase(),
        phones: '[]',
        language: 'fr',
        street: `${i} quai du Port`,
        postal_code: '17000',
        city: 'La Rochelle',
        country: 'FR',
        identifiers: '{}',
        version: '0',
        clocks: '{}',
        created_at: '2022-01-01T08:00:00.000Z',
        updated_at: '2022-01-01T08:00:00.000Z',
      })
    }
  })()
  return customerIds
}

/**
 * Creates the counter clerk "bench" on the desk and logs it in through the router: answers the
 * connection to call channels with, as the renderer does (validation, role check, handler).
 */
export async function logInBenchClerk(
  core: Core,
  deskId: string,
): Promise<{ connectionId: string; host: 'browser' }> {
  await core.services.staff.create(
    { staffId: null, deskId },
    {
      username: 'bench',
      displayName: 'Bench',
      role: 'counter',
      password: 'guichet-bench',
    },
  )
  const ctx = { connectionId: 'bench', host: 'browser' as const }
  const login = await core.router.call(ctx, 'auth.login', { username: 'bench', password: 'guichet-bench' })
  if (!login.ok) throw new Error(JSON.stringify(login.error))
  return ctx
}
