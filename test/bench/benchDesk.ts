/**
 * A desk with 200 000 demo customers for the benchmarks, seeded once and kept under /tmp between
 * runs (seeding takes a minute or two). A marker file written after the seeding says the cached
 * database is complete; without it, or with another schema version or another version of the
 * generator or its data (main/demo, resources/demo), the folder is rebuilt.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Core, createCore } from '../../main/app/core'
import { SCHEMA_VERSION } from '../../main/db/migrate'
import { customersForScale, seedDemoCustomers } from '../../main/demo/seedDemo'

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
