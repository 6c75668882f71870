import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'guichet-seed-cli-'))
const file = join(dir, 'guichet.sqlite')

// The command reads these like the app does; the test says everything on the command line.
const { GUICHET_DATA_DIR: _dir, GUICHET_DESK: _desk, ...desklessEnv } = process.env

/** Runs `npm run seed -- ...args` the way tsx runs it, without npm's own start-up time. */
function seed(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: desklessEnv,
  })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

const customers = () => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('npm run seed', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('creates the desk database, seeds it and says what it wrote', () => {
    const { code, out } = seed('--scale', '0.5', '--data-dir', dir, '--desk', 'c07')
    expect(code).toBe(0)
    expect(out).toMatch(/Seeding 100 customers \(scale 0\.5, seed 1\)/)
    expect(out).toMatch(/desk C07/)
    expect(out).toMatch(/100 audit entries and 100 outbox operations/)
    expect(out).toMatch(/Done in [\d.]+ s/)
    expect(existsSync(file)).toBe(true)
    expect(customers()).toBe(100)
  })

  it('refuses to seed a database that already has customers', () => {
    const { code, err } = seed('--scale', '1', '--data-dir', dir)
    expect(code).toBe(1)
    expect(err).toMatch(/already has 100 customers; nothing written/)
    expect(err).toMatch(/--reset/)
    expect(customers()).toBe(100)
  })

  it('starts over with --reset', () => {
    const { code, out } = seed('--scale', '1', '--seed', '9', '--data-dir', dir, '--reset')
    expect(code).toBe(0)
    expect(out).toMatch(/Deleted/)
    expect(customers()).toBe(200)
  })

  it('explains a bad argument and exits with 2', () => {
    const { code, err } = seed('--scale', 'lots')
    expect(code).toBe(2)
    expect(err).toMatch(/--scale must be a number/)
    expect(err).toMatch(/Usage: npm run seed/)
  })
})
