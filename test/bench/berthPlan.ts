import { cpus, loadavg } from 'node:os'
import type { BerthPlan } from '../../preload/contract'
import { benchId, xorshift } from './benchData'
import { insertBenchCustomers, logInBenchClerk, openEmptyBenchDesk } from './benchDesk'
import { ms, summarize, table } from './stats'

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000)
const PONTOONS = Number(process.env.BENCH_PONTOONS ?? 40)
const BERTHS_PER_PONTOON = 50
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000)
const DESK = 'B01'
// Deterministic: the same sizes give the same data.
const rand = xorshift(0x2545f491)

const desk = await openEmptyBenchDesk('guichet-bench-berths-', DESK)
const core = desk.core
const sqlite = core.database.sqlite
const t0 = performance.now()
const meta = "'0', '{}', '2022-01-01T08:00:00.000Z', '2022-01-01T08:00:00.000Z'"

const customerIds = insertBenchCustomers(core, CUSTOMERS, DESK)

const insertPontoon = sqlite.prepare(
  `INSERT INTO harbour_pontoons (id, code, name, version, clocks, created_at, updated_at) VALUES (?, ?, ?, ${meta})`,
)
const insertBerth = sqlite.prepare(
  `INSERT INTO harbour_berths (id, pontoon_id, code, position, max_length_cm, max_beam_cm, status, version, clocks,
     created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ${meta})`,
)
const insertBoat = sqlite.prepare(
  `INSERT INTO harbour_boats (id, customer_id, name, registration, boat_type, length_cm, beam_cm, draught_cm,
     insurance_expiry, version, clocks, created_at, updated_at) VALUES (?, ?, ?, ?, 'sail', ?, ?, 120, NULL, ${meta})`,
)
const insertContract = sqlite.prepare(
  `INSERT INTO harbour_contracts (id, contract_number, kind, references_id, customer_id, boat_id, berth_id,
     contract_type, start_date, end_date, home_port, payment_method, instalments, currency, pricing,
     total_net_minor, total_vat_minor, total_gross_minor, boat_snapshot, status, signed_at, signed_sha256, notes,
     desk_id, version, clocks, created_at, updated_at)
   VALUES (@id, @number, @kind, @ref, @customer, @boat, @berth, @type, @start, @end, 'La Rochelle', 'sepa', 1, 'EUR',
     '[]', 126667, 25333, 152000, '{}', @status, NULL, NULL, NULL, '${DESK}', '0', '{}', @start || 'T08:00:00.000Z',
     @start || 'T08:00:00.000Z')`,
)
let contracts = 0
let boats = 0
sqlite.transaction(() => {
  for (let p = 0; p < PONTOONS; p++) {
    const pontoonId = benchId(5, p + 1)
    const code = `P${String(p + 1).padStart(2, '0')}`
    insertPontoon.run(pontoonId, code, `Ponton ${code}`)
    const length = 600 + (p % 8) * 200
    for (let b = 1; b <= BERTHS_PER_PONTOON; b++) {
      const berthId = benchId(6, p * 100 + b)
      insertBerth.run(
        berthId,
        pontoonId,
        `${code}-${b}`,
        b,
        length,
        Math.round(length * 0.38),
        rand() < 0.01 ? 'out_of_service' : 'in_service',
      )
      // Five years of history per berth: annual contracts, some seasonal, visitors in between.
      for (let year = 2022; year <= 2026; year++) {
        const boatId = benchId(7, ++boats)
        const customer = customerIds[Math.floor(rand() * customerIds.length)]!
        insertBoat.run(
          boatId,
          customer,
          `Bateau ${boats}`,
          `LR ${boats}`,
          length - 50,
          Math.round(length * 0.33),
        )
        const n = ++contracts
        const roll = rand()
        const row = {
          id: benchId(8, n),
          number: `CT-${year}-${DESK}-${String(n).padStart(6, '0')}`,
          kind: 'contract',
          ref: null,
          customer,
          boat: boatId,
          berth: berthId,
          type: 'annual',
          start: `${year}-01-01`,
          end: `${year}-12-31`,
          status: year === 2026 && roll < 0.05 ? 'draft' : 'signed',
        }
        if (roll < 0.15) {
          // A seasonal summer contract, then visitors for a few nights in the autumn.
          insertContract.run({ ...row, type: 'seasonal', start: `${year}-06-01`, end: `${year}-09-30` })
          for (let v = 0; v < 4; v++) {
            const day = String(1 + v * 7).padStart(2, '0')
            insertContract.run({
              ...row,
              id: benchId(9, ++contracts),
              number: `CT-${year}-${DESK}-${String(contracts).padStart(6, '0')}`,
              type: 'passage',
              start: `${year}-10-${day}`,
              end: `${year}-10-${String(4 + v * 7).padStart(2, '0')}`,
            })
          }
        } else {
          insertContract.run(row)
          if (roll > 0.98) {
            insertContract.run({
              ...row,
              id: benchId(9, ++contracts),
              number: `CT-${year}-${DESK}-${String(contracts).padStart(6, '0')}`,
              kind: 'termination',
              ref: row.id,
              berth: null,
              start: `${year}-07-01`,
              end: `${year}-07-01`,
            })
          }
        }
      }
    }
  }
})()
sqlite.pragma('analysis_limit = 1000')
sqlite.exec('ANALYZE')
const seededMs = performance.now() - t0

const ctx = await logInBenchClerk(core, DESK)

function randomDate(): string {
  const day = Math.floor(rand() * 365 * 5)
  return new Date(Date.UTC(2022, 0, 1 + day)).toISOString().slice(0, 10)
}

async function measure(limit: number): Promise<{ samples: number[]; berths: number }> {
  for (let i = 0; i < 50; i++)
    await core.router.call(ctx, 'harbour.berths.plan', { date: randomDate(), limit })
  const samples: number[] = []
  let berths = 0
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now()
    const result = await core.router.call(ctx, 'harbour.berths.plan', { date: randomDate(), limit })
    JSON.stringify(result)
    samples.push(performance.now() - started)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    berths = (result.data as BerthPlan).pontoons.reduce((s, p) => s + p.berths.length, 0)
  }
  return { samples, berths }
}

const page20 = await measure(10)
const page50 = await measure(50)
const s20 = summarize(page20.samples)
const s50 = summarize(page50.samples)
console.log(
  `\nBerth plan: ${CUSTOMERS} customers, ${PONTOONS * BERTHS_PER_PONTOON} berths, ${boats} boats, ${contracts} contracts (seeded in ${(seededMs / 1000).toFixed(1)} s)\n`,
)
console.log(
  table(
    [
      'channel (router, random dates 2022–2026)',
      'calls',
      'berths/page',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'mean ms',
    ],
    [
      [
        'harbour.berths.plan limit 10 (default)',
        String(CALLS),
        String(page20.berths),
        ms(s20.p50),
        ms(s20.p95),
        ms(s20.p99),
        ms(s20.mean),
      ],
      [
        'harbour.berths.plan limit 50',
        String(CALLS),
        String(page50.berths),
        ms(s50.p50),
        ms(s50.p95),
        ms(s50.p99),
        ms(s50.mean),
      ],
    ],
  ),
)
console.log(
  `\nTarget: p95 ≤ 30 ms. Load average while measuring: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores.`,
)
desk.close()
