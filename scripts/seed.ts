/**
 * `npm run seed -- --scale N [--seed S] [--data-dir DIR] [--desk C01] [--reset]`: fills a desk
 * database with demo customers (see main/demo/seedDemo.ts for what a scale is). It opens the
 * database like the app does (createCore: migrations, demo staff on first run), refuses to touch
 * one that already has customers unless --reset, and says what it wrote and how long it took.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readConfig } from '../main/app/config'
import { createCore, DATABASE_FILE } from '../main/app/core'
import { demoStaff } from '../main/demo/demoStaff'
import { parseSeedArgs, SeedArgsError, seedUsage } from '../main/demo/seedArgs'
import { customersForScale, type SeedReport, seedDemoCustomers } from '../main/demo/seedDemo'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const grouped = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ')

function count(core: Awaited<ReturnType<typeof createCore>>, sql: string): number {
  return (core.database.sqlite.prepare(sql).get() as { n: number }).n
}

function describe(report: SeedReport): string {
  const countries = Object.entries(report.byCountry)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, n]) => `${country} ${grouped(n)}`)
    .join(', ')
  const { household, enteredTwice, soleTrader } = report.duplicates
  return [
    `  ${grouped(report.customers)} customers (${grouped(report.companies)} companies; ${countries})`,
    `  ${grouped(household + enteredTwice + soleTrader)} deliberate duplicates sharing a phone or an email ` +
      `(household ${household}, entered twice ${enteredTwice}, sole trader ${soleTrader})`,
  ].join('\n')
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseSeedArgs>
  try {
    args = parseSeedArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof SeedArgsError)) throw error
    console.error(`seed: ${error.message}\n\n${seedUsage}`)
    return 2
  }
  if (args.help) {
    console.log(seedUsage)
    return 0
  }

  const env = {
    ...process.env,
    ...(args.dataDir !== undefined ? { GUICHET_DATA_DIR: args.dataDir } : {}),
    ...(args.desk !== undefined ? { GUICHET_DESK: args.desk } : {}),
  }
  const config = readConfig(env, join(root, '.data', 'web'))
  const file = join(config.dataDir, DATABASE_FILE)
  if (args.reset) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
    console.log(`Deleted ${file}`)
  }
  const created = !existsSync(file)
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  const core = await createCore({ ...config, demo: true, host: 'browser', version })
  try {
    const existing = count(core, 'SELECT count(*) AS n FROM customers')
    if (existing > 0) {
      console.error(
        `seed: ${file} already has ${grouped(existing)} customers; nothing written.\n` +
          '      Use --reset to delete this database and start over, or --data-dir to seed another one.',
      )
      return 1
    }

    const total = customersForScale(args.scale)
    console.log(
      `Seeding ${grouped(total)} customers (scale ${args.scale}, seed ${args.seed}) into ${file}` +
        `${created ? ' (new database)' : ''}, desk ${config.deskId}...`,
    )
    let nextReport = 0.1
    const report = seedDemoCustomers(core, { scale: args.scale, seed: args.seed }, (done) => {
      if (total >= 20_000 && done / total >= nextReport) {
        console.log(`  ${Math.floor((done / total) * 100)} % (${grouped(done)})`)
        nextReport += 0.1
      }
    })
    // Fold the write-ahead log into the database file so it is compact when the app opens it.
    core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)')

    const audited = count(core, "SELECT count(*) AS n FROM audit_log WHERE entity = 'customer'")
    const queued = count(core, "SELECT count(*) AS n FROM outbox WHERE entity = 'customer'")
    const seconds = report.ms / 1000
    console.log(describe(report))
    console.log(`  ${grouped(audited)} audit entries and ${grouped(queued)} outbox operations for customers`)
    console.log(
      `Done in ${seconds.toFixed(1)} s (${grouped(report.customers / seconds)} customers/s). ` +
        `Log in as ${demoStaff.map((s) => s.username).join(', ')} with password ${demoStaff[0]?.password}.`,
    )
    return 0
  } finally {
    core.close()
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`)
  return 1
})
