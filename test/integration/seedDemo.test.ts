import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoCustomers, seedDemoData } from '../../main/demo/seedDemo'
import {
  type CustomerInput,
  customerInput,
  isIce,
  isSiren,
  isSiret,
  isVatNumber,
} from '../../preload/contract'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

// 1 200 customers: two batches of the seeder, enough for every kind of duplicate to appear.
const SCALE = 6
const CUSTOMERS = 1200

/** A digest of what the seeder wrote: customers, phone keys, their audit and outbox rows, the clock. */
function contentHash(sqlite: Database.Database): string {
  const hash = createHash('sha256')
  for (const sql of [
    'SELECT * FROM customers ORDER BY id',
    'SELECT * FROM customer_phone_keys ORDER BY tail, customer_id',
    "SELECT * FROM audit_log WHERE entity = 'customer' ORDER BY id",
    "SELECT * FROM outbox WHERE entity = 'customer' ORDER BY seq",
    'SELECT * FROM clock_state',
  ]) {
    for (const row of sqlite.prepare(sql).all()) hash.update(`${JSON.stringify(row)}\n`)
  }
  return hash.digest('hex')
}

const count = (sqlite: Database.Database, sql: string) => (sqlite.prepare(sql).get() as { n: number }).n

describe('seedDemoData', () => {
  let first: TestDesk
  let second: TestDesk
  let other: TestDesk

  beforeAll(async () => {
    first = await tempDesk()
    second = await tempDesk()
    other = await tempDesk()
    seedDemoCustomers(first.core, { scale: SCALE, seed: 1 })
    seedDemoCustomers(second.core, { scale: SCALE, seed: 1 })
    seedDemoData(other.core, { scale: SCALE, seed: 2 })
    // Every area seeds its demo data too (harbour, fleets, invoices): a few seconds on a busy CI machine.
  }, 120_000)
  afterAll(() => {
    for (const desk of [first, second, other]) desk?.dispose()
  })

  it('writes the same database content, ids included, for the same seed', () => {
    const a = contentHash(first.core.database.sqlite)
    expect(contentHash(second.core.database.sqlite)).toBe(a)
    expect(contentHash(other.core.database.sqlite)).not.toBe(a)
  })

  it('writes scale × 200 customers, numbered in the desk series in creation order', () => {
    const sqlite = first.core.database.sqlite
    expect(count(sqlite, 'SELECT count(*) AS n FROM customers')).toBe(CUSTOMERS)
    const rows = sqlite
      .prepare('SELECT customer_number, created_at, id FROM customers ORDER BY customer_number')
      .all() as {
      customer_number: string
      created_at: string
      id: string
    }[]
    expect(rows[0]!.customer_number).toBe('T01-000001')
    expect(rows.at(-1)!.customer_number).toBe('T01-001200')
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.created_at >= rows[i - 1]!.created_at).toBe(true)
      expect(rows[i]!.id > rows[i - 1]!.id).toBe(true)
    }
  })

  it('writes one audit entry and one outbox operation per customer, in the same transaction', () => {
    const sqlite = first.core.database.sqlite
    const audited = sqlite
      .prepare(
        `SELECT count(*) AS n FROM customers c
         JOIN audit_log a ON a.entity = 'customer' AND a.entity_id = c.id AND a.action = 'customer.create'
         AND a.at = c.created_at AND a.staff_id IS NULL`,
      )
      .get() as { n: number }
    expect(audited.n).toBe(CUSTOMERS)
    expect(count(sqlite, "SELECT count(*) AS n FROM audit_log WHERE entity = 'customer'")).toBe(CUSTOMERS)
    const queued = sqlite
      .prepare(
        `SELECT count(*) AS n FROM customers c JOIN outbox o ON o.entity = 'customer' AND o.entity_id = c.id
         AND o.kind = 'create' AND o.hlc = c.version AND o.state = 'pending'`,
      )
      .get() as { n: number }
    expect(queued.n).toBe(CUSTOMERS)
    expect(count(sqlite, "SELECT count(*) AS n FROM outbox WHERE entity = 'customer'")).toBe(CUSTOMERS)
  })

  it('stores customers that a clerk could save again unchanged, with valid identifiers', async () => {
    await first.login('marie')
    const page = await first.ok('customers.list', { limit: 200 })
    for (const item of page.items) {
      const customer = await first.ok('customers.get', { id: item.id })
      const input: CustomerInput = {
        kind: customer.kind,
        ...(customer.title ? { title: customer.title } : {}),
        ...(customer.firstName ? { firstName: customer.firstName } : {}),
        ...(customer.lastName ? { lastName: customer.lastName } : {}),
        ...(customer.companyName ? { companyName: customer.companyName } : {}),
        ...(customer.email ? { email: customer.email } : {}),
        phones: customer.phones,
        language: customer.language,
        address: customer.address,
        billingAddress: customer.billingAddress,
        identifiers: customer.identifiers,
        ...(customer.notes ? { notes: customer.notes } : {}),
      }
      const result = customerInput.safeParse(input)
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true)
      for (const phone of customer.phones) expect(phone.number).toMatch(/^\+(33|212|32)\d{8,9}$/)
      const ids = customer.identifiers
      if (ids.siren) expect(isSiren(ids.siren)).toBe(true)
      if (ids.siret) expect(isSiret(ids.siret)).toBe(true)
      if (ids.ice) expect(isIce(ids.ice)).toBe(true)
      if (ids.vatNumber) expect(isVatNumber(ids.vatNumber)).toBe(true)
    }
  })

  it('has customers sharing a phone or an email, which the duplicate check reports', async () => {
    const sqlite = first.core.database.sqlite
    const sharedEmails = count(
      sqlite,
      'SELECT count(*) AS n FROM (SELECT email_key FROM customers WHERE email_key IS NOT NULL GROUP BY email_key HAVING count(*) > 1)',
    )
    const sharedPhones = count(
      sqlite,
      `SELECT count(*) AS n FROM (SELECT value ->> 'number' AS number FROM customers, json_each(customers.phones)
       GROUP BY number HAVING count(DISTINCT customers.id) > 1)`,
    )
    expect(sharedEmails).toBeGreaterThan(0)
    expect(sharedPhones).toBeGreaterThan(0)
    expect(sharedEmails + sharedPhones).toBeLessThan(CUSTOMERS * 0.06)

    const { email } = sqlite
      .prepare(
        'SELECT min(email) AS email FROM customers WHERE email_key IN (SELECT email_key FROM customers GROUP BY email_key HAVING count(*) > 1)',
      )
      .get() as { email: string }
    await first.login('marie')
    const hints = await first.ok('customers.duplicates', { email, phones: [] })
    expect(hints.length).toBeGreaterThan(0)
    expect(hints.every((h) => h.matchedOn === 'email')).toBe(true)
  })
})
