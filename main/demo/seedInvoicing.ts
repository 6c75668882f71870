/**
 * The demo counter's money: the invoices of the demo harbour's signed contracts (one per
 * instalment due by mid-November 2026), some service invoices (crane, electricity, water,
 * guarding), and payments by every counter method — most invoices paid, some in part (the seed's
 * 1 520,00 € with 670,00 € paid), some not yet — so that customer accounts and cash-up screens
 * show real figures on a fresh demo desk.
 *
 * Deterministic like the other seeders: its own Repository with a seeded ULID factory and a clock
 * set before each record; everything goes through BillingService (numbering, checks, audit,
 * outbox). No PDF is written here: an invoice or receipt PDF is rendered and archived the first
 * time someone opens it, as for documents pulled from another desk.
 */
import type { Core } from '../app/core'
import { BillingService } from '../modules/billing/billingService'
import { startOfDayUtc } from '../modules/billing/dayBounds'
import { contractInstalmentLines } from '../modules/invoicing/contractInstalments'
import { invoiceTotals } from '../modules/invoicing/vatTotals'
import { type Actor, Repository } from '../repo/repository'
import { SettableClock } from './demoTimeline'
import { seededUlidFactory } from './seededIds'
import { SeededRandom } from './seededRandom'

const INVOICING_STREAM = 11
const ID_SEED_OFFSET = 0x496e76
/** The demo's "now": nothing is invoiced or paid after it, whatever day the demo is started. */
const DEMO_TODAY = '2026-11-20'
const ZONE = 'Europe/Paris'
/** Enough accounts to show every case; the demo desk starts in seconds (the tests seed it too). */
const MAX_CONTRACTS = 110

export interface InvoicingSeedReport {
  invoices: number
  payments: number
  ms: number
}

interface PlannedInvoice {
  date: string
  customerId: string
  kind: 'contract' | 'service'
  label: string
  currency: string
  lines: { label: string; quantityMilli: number; unitNetMinor: number; vatRateBp: number }[]
  contractId?: string
  instalmentNo?: number
  instalmentCount?: number
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)))
  return t.toISOString().slice(0, 10)
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

const SERVICES = [
  { label: 'Grutage aller-retour', unit: 18_000, qty: [1000, 1000, 2000] },
  { label: 'Électricité (kWh)', unit: 27, qty: [85_000, 142_500, 310_250] },
  { label: 'Eau (m³)', unit: 450, qty: [3_000, 7_500, 12_000] },
  { label: 'Gardiennage hivernage (mois)', unit: 9_500, qty: [1000, 3000, 5000] },
  { label: 'Carénage — aire technique (jour)', unit: 6_500, qty: [1000, 2000, 3000] },
] as const

export function seedInvoicing(core: Core, options: { seed: number }): InvoicingSeedReport {
  const started = performance.now()
  const { db, sqlite } = core.database
  const deskId = core.services.repo.deskId
  const clock = new SettableClock(Date.UTC(2026, 0, 2, 8))
  const repo = new Repository(
    db,
    sqlite,
    clock,
    deskId,
    seededUlidFactory(options.seed + ID_SEED_OFFSET, clock),
  )
  const billing = new BillingService(repo, core.services.billing.timeZone)
  const random = new SeededRandom(options.seed, INVOICING_STREAM)
  const actor: Actor = { staffId: null, deskId }
  const report: InvoicingSeedReport = { invoices: 0, payments: 0, ms: 0 }

  // The harbour's signed contracts, oldest first (read-only: the seeder only needs their ids).
  const contracts = sqlite
    .prepare(
      `SELECT id, start_date AS startDate FROM harbour_contracts
       WHERE status = 'signed' AND kind != 'termination' ORDER BY start_date, id LIMIT ?`,
    )
    .all(MAX_CONTRACTS) as { id: string; startDate: string }[]
  const planned: PlannedInvoice[] = []
  for (const c of contracts) {
    const basis = core.services.harbour.contractInvoiceBasis(c.id)
    const count = Math.max(1, basis.instalments)
    const first = c.startDate < '2026-01-02' ? '2026-01-02' : c.startDate
    for (let no = 1; no <= count; no++) {
      const date = addMonths(first, Math.round(((no - 1) * 12) / count))
      if (date > DEMO_TODAY) break
      const lines = contractInstalmentLines(basis, no)
      planned.push({
        date,
        customerId: basis.customerId,
        kind: 'contract',
        label: basis.label,
        currency: basis.currency,
        lines,
        contractId: c.id,
        instalmentNo: no,
        instalmentCount: count,
      })
    }
  }
  const owners = [...new Set(planned.map((p) => p.customerId))]
  for (let i = 0; i < Math.min(25, owners.length); i++) {
    const customerId = random.pick(owners)
    const picked = [random.pick(SERVICES), ...(random.chance(0.5) ? [random.pick(SERVICES)] : [])]
    planned.push({
      date: addDays('2026-02-01', random.int(0, 280)),
      customerId,
      kind: 'service',
      label: 'Facture de prestation',
      currency: 'EUR',
      lines: [...new Set(picked)].map((s) => ({
        label: s.label,
        quantityMilli: random.pick(s.qty),
        unitNetMinor: s.unit,
        vatRateBp: 2000,
      })),
    })
  }
  // Numbers are chronological within the series: issue in date order.
  planned.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -1 : 1))

  const run = sqlite.transaction(() => {
    for (const p of planned) {
      clock.set(
        startOfDayUtc(p.date, ZONE).getTime() +
          (8 + random.int(0, 8)) * 3_600_000 +
          random.int(0, 3_599) * 1000,
      )
      const invoice = billing.issueInvoice(actor, {
        customerId: p.customerId,
        kind: p.kind,
        label: p.label,
        issueDate: p.date,
        currency: p.currency,
        totalNetMinor: 0,
        totalVatMinor: 0,
        lines: p.lines,
        ...(p.contractId
          ? { contractId: p.contractId, instalmentNo: p.instalmentNo!, instalmentCount: p.instalmentCount! }
          : {}),
      })
      report.invoices++
      const gross = invoiceTotals(p.lines).totalGrossMinor
      // Most customers pay within a few weeks, some in part (a cheque now, the rest later), some not yet.
      const fate = random.weighted([
        ['paid', 60],
        ['partly', 18],
        ['unpaid', 22],
      ] as const)
      if (fate === 'unpaid') continue
      const parts =
        fate === 'paid'
          ? random.chance(0.25) && gross > 50_000
            ? [Math.round(gross * 0.44), gross - Math.round(gross * 0.44)]
            : [gross]
          : [Math.max(100, Math.round((gross * random.int(25, 60)) / 100))]
      let day = p.date
      for (const amount of parts) {
        day = addDays(day, random.int(0, 20))
        if (day > DEMO_TODAY) break
        clock.set(
          startOfDayUtc(day, ZONE).getTime() +
            (9 + random.int(0, 8)) * 3_600_000 +
            random.int(0, 3_599) * 1000,
        )
        const method = random.weighted([
          ['cheque', 4],
          ['transfer', 3],
          ['card_terminal', 4],
          ['cash', amount <= 100_000 ? 1 : 0],
        ] as const)
        const common = { invoiceId: invoice.id, amountMinor: amount, receivedAt: clock.now().toISOString() }
        if (method === 'cheque') {
          billing.recordPayment(actor, {
            ...common,
            method,
            reference: random.digits(7),
            details: { bank: random.pick(BANKS), drawer: 'Titulaire du compte' },
          })
        } else if (method === 'transfer') {
          billing.recordPayment(actor, {
            ...common,
            method,
            reference: `VIR-${random.digits(8)}`,
            details: { transferDate: addDays(day, -random.int(1, 3)) },
          })
        } else if (method === 'card_terminal') {
          billing.recordPayment(actor, { ...common, method, reference: random.digits(6), details: {} })
        } else {
          const tendered = Math.ceil(amount / 1000) * 1000
          billing.recordPayment(actor, {
            ...common,
            method,
            details: { tenderedMinor: tendered, changeMinor: tendered - amount },
          })
        }
        report.payments++
      }
    }
  })
  run.immediate()
  report.ms = performance.now() - started
  return report
}

const BANKS = [
  'Crédit Agricole',
  'Crédit Maritime',
  'Banque Populaire',
  'CIC Ouest',
  'LCL',
  'Société Générale',
] as const
