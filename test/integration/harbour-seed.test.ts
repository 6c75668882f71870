/** The demo marina: deterministic, and it looks like a harbour (most berths let, visitors, two out of service). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoCustomers } from '../../main/demo/seedDemo'
import { seedHarbour } from '../../main/demo/seedHarbour'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

let a: TestDesk
let b: TestDesk
const snapshot = (desk: TestDesk) =>
  JSON.stringify(
    desk.core.database.sqlite
      .prepare(
        'SELECT id, contract_number, berth_id, boat_id, start_date, status, total_gross_minor FROM harbour_contracts ORDER BY id',
      )
      .all(),
  )

beforeAll(async () => {
  a = await tempDesk()
  b = await tempDesk()
  for (const desk of [a, b]) seedDemoCustomers(desk.core, { scale: 1, seed: 1 })
})
afterAll(() => {
  a.dispose()
  b.dispose()
})

describe('seedHarbour', () => {
  it('writes the same harbour for the same seed, ids included', () => {
    const report = seedHarbour(a.core, { seed: 1 })
    seedHarbour(b.core, { seed: 1 })
    console.log(
      `harbour seed: ${report.berths} berths, ${report.boats} boats, ${report.contracts} contracts in ${report.ms.toFixed(0)} ms`,
    )
    expect(report.berths).toBe(180)
    expect(report.contracts).toBeGreaterThan(120)
    expect(snapshot(b)).toBe(snapshot(a))
  })

  it('looks like a marina on 22 November 2026', async () => {
    await a.login('marie')
    const plan = await a.ok('harbour.berths.plan', { date: '2026-11-22' })
    expect(plan.counts.out_of_service).toBe(2)
    expect(plan.counts.contract).toBeGreaterThan(100)
    expect(plan.counts.visitor).toBeGreaterThan(3)
    expect(plan.counts.reserved).toBeGreaterThan(2)
    expect(plan.counts.free).toBeGreaterThan(10)
    const annual = (await a.ok('harbour.tariffs.list', { date: '2026-11-22' })).find(
      (t) => t.contractType === 'annual' && t.lengthFromCm === 800,
    )
    expect(annual).toMatchObject({ netMinor: 126667, vatRateBp: 2000, currency: 'EUR' })
  })
})
