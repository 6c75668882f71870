import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../main/app/clock'
import { openDatabase } from '../../main/db/open'
import { CustomerService } from '../../main/modules/customers/customerService'
import { Repository } from '../../main/repo/repository'
import { customerData, personInput } from '../helpers/customers'

const root = resolve(import.meta.dirname, '../..')
const writer = join(root, 'test/fixtures/writeCustomersForever.ts')
const BATCH_SIZE = 500

interface Progress {
  /** Committed one-customer writes: number -> clock. */
  small: Map<number, string>
  begun: number[]
  committed: Map<number, string>
}

/**
 * Starts the writer on `file`, waits until `killWhen` says so (checked on each line it prints),
 * then waits `delayMs` and kills it with SIGKILL: no handler runs, no transaction is finished.
 */
async function runAndKill(
  file: string,
  killWhen: (line: string) => boolean,
  delayMs: number,
): Promise<Progress> {
  const progress: Progress = { small: new Map(), begun: [], committed: new Map() }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', writer, file, 'K01'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.once('exit', (_code, signal) => done(signal)),
  )
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`writer never reached the kill point: ${stderr}`))
    }, 20_000)
    let armed = false
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [what, n, hlc] = line.split(' ')
      if (what === 'small') progress.small.set(Number(n), hlc!)
      if (what === 'begin') progress.begun.push(Number(n))
      if (what === 'commit') progress.committed.set(Number(n), hlc!)
      if (!armed && killWhen(line)) {
        armed = true
        clearTimeout(timer)
        setTimeout(() => {
          child.kill('SIGKILL')
          done()
        }, delayMs)
      }
    })
    child.once('exit', (code) => {
      if (!armed) fail(new Error(`writer exited (${code}) early: ${stderr}`))
    })
  })
  expect(await exited).toBe('SIGKILL')
  return progress
}

const scalar = <T>(sqlite: import('better-sqlite3').Database, sql: string): T =>
  (sqlite.prepare(sql).get() as { v: T }).v

describe('killing the process in the middle of writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-kill-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const interrupted: boolean[] = []

  const runs: [string, (line: string) => boolean, number][] = [
    ['at the start of the first big batch', (l) => l === 'begin 1', 0],
    ['inside the first big batch', (l) => l === 'begin 1', 40],
    ['inside the second big batch', (l) => l === 'begin 2', 90],
    ['among the small writes', (l) => l.startsWith('small 14 '), 0],
    ['a little later, wherever it is', (l) => l.startsWith('commit 1 '), 120],
  ]

  it.each(runs)('killed %s: the file is consistent and usable', async (name, killWhen, delayMs) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.sqlite`)
    const progress = await runAndKill(file, killWhen, delayMs)

    const database = openDatabase(file)
    const { sqlite } = database
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(sqlite.pragma('foreign_key_check')).toEqual([])

      // Every customer has exactly one audit entry and one outbox operation, and vice versa.
      expect(
        scalar<number>(
          sqlite,
          `SELECT count(*) AS v FROM customers c WHERE
             (SELECT count(*) FROM audit_log a WHERE a.entity = 'customer' AND a.entity_id = c.id) != 1
          OR (SELECT count(*) FROM outbox o WHERE o.entity = 'customer' AND o.entity_id = c.id) != 1`,
        ),
      ).toBe(0)
      const customers = scalar<number>(sqlite, 'SELECT count(*) AS v FROM customers')
      expect(scalar<number>(sqlite, "SELECT count(*) AS v FROM audit_log WHERE entity = 'customer'")).toBe(
        customers,
      )
      expect(scalar<number>(sqlite, "SELECT count(*) AS v FROM outbox WHERE entity = 'customer'")).toBe(
        customers,
      )
      expect(
        scalar<number>(
          sqlite,
          `SELECT count(*) AS v FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.entity_id)`,
        ),
      ).toBe(0)
      // The outbox sequence has no hole: a rolled-back write consumed no number.
      expect(scalar<number>(sqlite, 'SELECT coalesce(max(seq), 0) AS v FROM outbox')).toBe(customers)

      // Each big batch is all or nothing.
      const batches = sqlite
        .prepare("SELECT notes, count(*) AS n FROM customers WHERE notes LIKE 'batch-%' GROUP BY notes")
        .all() as { notes: string; n: number }[]
      for (const b of batches) expect([b.notes, b.n]).toEqual([b.notes, BATCH_SIZE])
      for (const n of progress.committed.keys()) expect(batches.map((b) => b.notes)).toContain(`batch-${n}`)
      const lastBegun = progress.begun.at(-1)
      if (lastBegun !== undefined && !progress.committed.has(lastBegun)) {
        interrupted.push(!batches.some((b) => b.notes === `batch-${lastBegun}`))
      }

      // What the writer saw committed is there; the small writes have no gap in their numbers.
      const smallNumbers = (
        sqlite
          .prepare("SELECT customer_number AS n FROM customers WHERE customer_number LIKE 'K01-%'")
          .all() as {
          n: string
        }[]
      ).map((r) => Number(r.n.slice(4)))
      expect(smallNumbers.length).toBeGreaterThanOrEqual(progress.small.size)
      expect(smallNumbers.sort((a, b) => a - b)).toEqual(smallNumbers.map((_, i) => i + 1))
      expect(scalar<number>(sqlite, 'SELECT count(DISTINCT customer_id) AS v FROM customer_phone_keys')).toBe(
        smallNumbers.length,
      )
      const hlcs = new Set(
        (sqlite.prepare('SELECT hlc FROM outbox').all() as { hlc: string }[]).map((r) => r.hlc),
      )
      for (const hlc of [...progress.small.values(), ...progress.committed.values()])
        expect(hlcs.has(hlc)).toBe(true)

      // The persisted desk clock is the last one used.
      const maxHlc = scalar<string>(sqlite, 'SELECT max(hlc) AS v FROM outbox')
      expect(scalar<string>(sqlite, 'SELECT last AS v FROM clock_state WHERE id = 1')).toBe(maxHlc)

      // The database takes new writes, and the clock does not go back even if the wall clock did.
      const repo = new Repository(database.db, sqlite, fixedClock('2001-01-01T00:00:00Z', 1000), 'K01')
      const { customer } = new CustomerService(repo).create(
        { staffId: null, deskId: 'K01' },
        customerData(personInput({ lastName: 'Après' })),
      )
      expect(customer.customerNumber).toBe(`K01-${String(smallNumbers.length + 1).padStart(6, '0')}`)
      expect(customer.version > maxHlc).toBe(true)
      expect(scalar<number>(sqlite, 'SELECT count(*) AS v FROM outbox')).toBe(customers + 1)
    } finally {
      database.close()
    }
  })

  it('at least one kill landed inside a big batch (so the all-or-nothing check was exercised)', () => {
    expect(interrupted).toContain(true)
  })
})
