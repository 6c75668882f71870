import { benchId, xorshift } from './benchData'
import { insertBenchCustomers, logInBenchClerk, openEmptyBenchDesk } from './benchDesk'
import { ms, summarize, table } from './stats'

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000)
const INVOICES = Number(process.env.BENCH_INVOICES ?? 1_000_000)
const CALLS = Number(process.env.BENCH_CALLS ?? 2_000)
const PDFS = Number(process.env.BENCH_PDFS ?? 200)
const DESK = 'B01'
// Deterministic: the same sizes give the same data.
const rand = xorshift(0x9e3779b9)

const desk = await openEmptyBenchDesk('guichet-bench-account-', DESK)
const core = desk.core
const sqlite = core.database.sqlite
const t0 = performance.now()

// Customers: every NOT NULL column filled, derived columns included (as the desk stores them).
const customerIds = insertBenchCustomers(core, CUSTOMERS, DESK)

const insertInvoice = sqlite.prepare(
  `INSERT INTO invoices (id, series, number, invoice_number, customer_id, kind, label, issue_date, currency,
     total_net_minor, total_vat_minor, total_gross_minor, desk_id, created_at)
   VALUES (?, ?, ?, ?, ?, 'service', 'Facture de prestation', ?, 'EUR', ?, ?, ?, ?, ?)`,
)
const insertLine = sqlite.prepare(
  `INSERT INTO invoice_lines (id, invoice_id, position, label, quantity_milli, unit_net_minor, vat_rate_bp,
     line_net_minor, desk_id, created_at) VALUES (?, ?, 0, 'Amarrage', 1000, ?, 2000, ?, ?, ?)`,
)
const insertPayment = sqlite.prepare(
  `INSERT INTO payments (id, invoice_id, customer_id, method, amount_minor, currency, received_at, reference,
     desk_id, created_at) VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?)`,
)
// Invoices in date order, numbered per yearly series without gaps, spread over 2022–2026.
const perYear = new Map<string, number>()
const BATCH = 50_000
let payments = 0
for (let start = 0; start < INVOICES; start += BATCH) {
  sqlite.transaction(() => {
    for (let i = start; i < Math.min(INVOICES, start + BATCH); i++) {
      const dayIndex = Math.floor((i / INVOICES) * 1_780)
      const date = new Date(Date.UTC(2022, 0, 3 + dayIndex)).toISOString().slice(0, 10)
      const series = `${date.slice(0, 4)}-${DESK}`
      const number = (perYear.get(series) ?? 0) + 1
      perYear.set(series, number)
      const id = benchId(2, i + 1)
      const net = 2_000 + Math.floor(rand() * 300_000)
      const vat = Math.round(net * 0.2)
      const customer = customerIds[Math.floor(rand() * customerIds.length)]!
      const at = `${date}T10:00:00.000Z`
      insertInvoice.run(
        id,
        series,
        number,
        `${series}-${String(number).padStart(6, '0')}`,
        customer,
        date,
        net,
        vat,
        net + vat,
        DESK,
        at,
      )
      insertLine.run(benchId(3, i + 1), id, net, net, DESK, at)
      if (rand() < 0.7) {
        insertPayment.run(benchId(4, i + 1), id, customer, 'cheque', net + vat, at, '1234567', DESK, at)
        payments++
      }
    }
  })()
}
sqlite.exec('ANALYZE')
const loadedIn = (performance.now() - t0) / 1000

// The channel as the renderer calls it: through the router, with a logged-in counter clerk.
const ctx = await logInBenchClerk(core, DESK)
for (let i = 0; i < 200; i++) {
  await core.router.call(ctx, 'invoicing.account', {
    customerId: customerIds[i % customerIds.length]!,
    limit: 50,
  })
}
const samples: number[] = []
let rows = 0
for (let i = 0; i < CALLS; i++) {
  const customerId = customerIds[Math.floor(rand() * customerIds.length)]!
  const started = performance.now()
  const result = await core.router.call(ctx, 'invoicing.account', { customerId, limit: 50 })
  samples.push(performance.now() - started)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  rows += (result.data as { items: unknown[] }).items.length
}
const account = summarize(samples)

// Invoice PDFs, one after the other on this one thread (pdfmake is synchronous work).
const ids = sqlite.prepare('SELECT id FROM invoices ORDER BY random() LIMIT ?').all(PDFS) as { id: string }[]
await core.services.invoicing.invoices.renderStored(ids[0]!.id)
const pdfStart = performance.now()
let bytes = 0
for (const { id } of ids) bytes += (await core.services.invoicing.invoices.renderStored(id)).bytes.length
const pdfSeconds = (performance.now() - pdfStart) / 1000

console.log(`customer account benchmark — ${CUSTOMERS} customers, ${INVOICES} invoices, ${payments} payments`)
console.log(
  `loaded with raw SQL in ${loadedIn.toFixed(1)} s; ${rows / CALLS} invoices per account page on average\n`,
)
console.log(
  table(
    ['measure', 'calls', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms'],
    [
      [
        'invoicing.account (router)',
        String(CALLS),
        ms(account.p50),
        ms(account.p95),
        ms(account.p99),
        ms(account.mean),
      ],
    ],
  ),
)
console.log(
  `\ninvoice PDFs: ${PDFS} in ${pdfSeconds.toFixed(2)} s = ${(PDFS / pdfSeconds).toFixed(1)} per second on one core (${Math.round(bytes / PDFS / 1024)} KiB each)`,
)
desk.close()
