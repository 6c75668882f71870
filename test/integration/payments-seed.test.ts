/**
 * The payments demo: a fresh demo desk shows every payments screen with data (links created, sent,
 * paid, expired; a FATOURATI reference; a transfer proof to validate; two credits to refund), the
 * same for the same seed and hour, and seeding again writes nothing.
 */
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../main/demo/seedDemo'
import { seedPayments } from '../../main/demo/seedPayments'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

const TABLES = [
  'payment_requests',
  'payment_outcomes',
  'customer_credits',
  'transfer_proofs',
  'payment_link_events',
]

/** The payments records a seeder wrote, and the payments, invoices and outbox operations it made. */
function snapshot(sqlite: Database.Database): string {
  const out: unknown[] = []
  for (const table of TABLES) out.push(sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all())
  out.push(sqlite.prepare("SELECT * FROM invoices WHERE currency = 'MAD' ORDER BY id").all())
  out.push(sqlite.prepare("SELECT * FROM payments WHERE created_at > '2026-11-10' ORDER BY id").all())
  out.push(
    sqlite
      .prepare(
        "SELECT entity, entity_id, kind, fields, hlc FROM outbox WHERE entity IN ('payment_request', 'transfer_proof') ORDER BY seq",
      )
      .all(),
  )
  return JSON.stringify(out)
}

const count = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('seedPayments', () => {
  // Both desks start at the same instant (tempDesk's fixed clock): the seeder counts back from its hour.
  let a: TestDesk
  let b: TestDesk

  beforeAll(async () => {
    a = await tempDesk({ deskId: 'C01' })
    b = await tempDesk({ deskId: 'C01' })
    for (const desk of [a, b]) seedDemoData(desk.core, { scale: 1, seed: 1 })
  }, 180_000)
  afterAll(() => {
    a?.dispose()
    b?.dispose()
  })

  it('the MAD bills are the billers’ own: Maroc Telecom’s telecom bills, PORTNET’s forfait', () => {
    const bills = a.core.database.sqlite
      .prepare(
        `SELECT i.label, ii.name FROM invoices i LEFT JOIN invoice_issuers ii ON ii.id = i.id
         WHERE i.currency = 'MAD' ORDER BY i.number`,
      )
      .all() as { label: string; name: string | null }[]
    expect(bills).toEqual([
      { label: 'Facture mobile — octobre 2026', name: 'Maroc Telecom' },
      { label: 'Facture internet — octobre 2026', name: 'Maroc Telecom' },
      { label: 'Facture fixe — octobre 2026', name: 'Maroc Telecom' },
      { label: 'Forfait PORTNET 2027 — Package Import', name: 'PORTNET S.A.' },
    ])
  })

  it('writes a handful of every kind', () => {
    const sqlite = a.core.database.sqlite
    expect(count(sqlite, 'payment_requests')).toBe(7)
    expect(count(sqlite, 'payment_outcomes')).toBe(3)
    expect(count(sqlite, 'customer_credits')).toBe(2)
    expect(count(sqlite, 'transfer_proofs')).toBe(1)
  })

  it('is the same for the same seed and hour, ids included', () => {
    expect(snapshot(b.core.database.sqlite)).toBe(snapshot(a.core.database.sqlite))
  })

  it('shows every payments screen with data', async () => {
    await b.login('claire')
    const sqlite = b.core.database.sqlite
    const credits = await b.ok('payments.creditList', { status: 'open' })
    expect(credits.items.map((c) => c.reason).sort()).toEqual(['already_settled', 'overpaid'])
    expect(new Set(credits.items.map((c) => c.currency))).toEqual(new Set(['EUR', 'MAD']))
    for (const c of credits.items) expect(c.origin).not.toBeNull()

    const proofs = await b.ok('payments.transferList', { pending: true })
    expect(proofs.items).toHaveLength(1)
    expect(proofs.items[0]).toMatchObject({ currency: 'MAD', fileHere: true, mimeType: 'application/pdf' })
    const file = await b.ok('payments.transferFile', { id: proofs.items[0]!.id })
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')

    const customers = sqlite.prepare('SELECT DISTINCT customer_id AS id FROM payment_requests').all() as {
      id: string
    }[]
    const states = new Set<string>()
    const linkStates = new Set<string>()
    const gateways = new Set<string>()
    for (const { id } of customers) {
      const overview = await b.ok('payments.customerOverview', { customerId: id })
      for (const r of overview.requests) {
        states.add(r.state)
        gateways.add(r.gateway)
      }
      for (const l of await b.ok('payments.linksOfCustomer', { customerId: id })) linkStates.add(l.state)
    }
    expect([...states].sort()).toEqual(['expired', 'paid', 'pending'])
    expect(gateways).toEqual(new Set(['monetico', 'cmi', 'fatourati']))
    for (const state of ['created', 'sent', 'paid', 'expired']) expect(linkStates).toContain(state)
    const fatourati = sqlite
      .prepare("SELECT reference FROM payment_requests WHERE gateway = 'fatourati'")
      .get() as {
      reference: string
    }
    expect(fatourati.reference).toMatch(/^742101\d{10}$/)
  })

  it('the paid links settled their invoices; the credits are what was paid beyond the balance', () => {
    const sqlite = b.core.database.sqlite
    const billing = b.core.services.billing
    const paid = sqlite
      .prepare(
        `SELECT r.invoice_id AS invoiceId, r.amount_minor AS asked, o.payment_id AS paymentId, c.amount_minor AS credit
         FROM payment_outcomes o JOIN payment_requests r ON r.id = o.request_id
         LEFT JOIN customer_credits c ON c.id = o.credit_id WHERE o.outcome = 'paid'`,
      )
      .all() as { invoiceId: string; asked: number; paymentId: string | null; credit: number | null }[]
    expect(paid).toHaveLength(3)
    for (const p of paid) {
      expect(billing.balance(p.invoiceId).dueMinor).toBe(0)
      const settled = p.paymentId
        ? (
            sqlite.prepare('SELECT amount_minor AS n FROM payments WHERE id = ?').get(p.paymentId) as {
              n: number
            }
          ).n
        : 0
      expect(settled + (p.credit ?? 0)).toBe(p.asked)
    }
    // Their receipts count as mailed already: the desk's receipt timer has nothing to send.
    expect(
      count(
        sqlite,
        `payment_outcomes o JOIN payment_requests r ON r.id = o.request_id
         WHERE o.payment_id IS NOT NULL AND r.email IS NOT NULL AND NOT EXISTS
         (SELECT 1 FROM payment_link_events e WHERE e.payment_id = o.payment_id AND e.kind = 'receipt_sent')`,
      ),
    ).toBe(0)
    // Outcomes and credits are the hub's records: never in this desk's outbox.
    expect(count(sqlite, "outbox WHERE entity IN ('payment_outcome', 'customer_credit')")).toBe(0)
  })

  it('seeding again writes nothing', () => {
    const sqlite = b.core.database.sqlite
    const before = snapshot(sqlite)
    const outbox = count(sqlite, 'outbox')
    expect(seedPayments(b.core, { seed: 1 })).toMatchObject({ requests: 0, credits: 0, proofs: 0 })
    expect(snapshot(sqlite)).toBe(before)
    expect(count(sqlite, 'outbox')).toBe(outbox)
  })
})
