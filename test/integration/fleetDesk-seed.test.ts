/** The fleet-desk demo data: written after the demo fleets, realistic, the same for the same seed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedFleet } from '../../main/demo/seedFleet'
import { type FleetDeskSeedReport, seedFleetDesk } from '../../main/demo/seedFleetDesk'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

let desk: TestDesk
let report: FleetDeskSeedReport

beforeAll(async () => {
  desk = await tempDesk()
  seedFleet(desk.core, { seed: 1 })
  report = seedFleetDesk(desk.core, { seed: 1 })
  await desk.login('youssef')
}, 120_000)
afterAll(() => desk.dispose())

describe('fleet-desk demo data', () => {
  it('covers the demo business accounts', () => {
    console.log('fleet-desk seed', report)
    expect(report.accounts).toBe(3)
    expect(report.tickets).toBe(9)
    expect(report.usageRecords).toBeGreaterThan(1500)
  })

  it('the first account crossed its out-of-bundle threshold in November, and is flagged', async () => {
    const { items } = await desk.ok('fleet.accounts.list', {})
    const first = items.find((a) => a.lines === Math.max(...items.map((x) => x.lines)))!
    const packs = await desk.ok('fleetDesk.packs.list', { customerId: first.customerId })
    const data = packs.find((p) => p.unit === 'MB')!
    const november = await desk.ok('fleetDesk.packs.consumption', { packId: data.id, month: '2026-11' })
    expect(november.used).toBeGreaterThan(november.allowance)
    expect(november.alert).toBe(true)
    expect(november.thresholdCrossedOn! >= '2026-11-01').toBe(true)
    const october = await desk.ok('fleetDesk.packs.consumption', { packId: data.id, month: '2026-10' })
    expect(october.used).toBeGreaterThan(0)
    expect(october.alert).toBe(false)
  })

  it('is the same for the same seed', () => {
    const dump = (sql: string) => JSON.stringify(desk.core.database.sqlite.prepare(sql).all())
    const usage = dump('SELECT id, line_id, usage_date, quantity FROM fleet_pack_usage ORDER BY id LIMIT 50')
    expect(usage).toContain('2026-10-01')
    expect(dump('SELECT ticket_number, status FROM fleet_tickets ORDER BY id')).toMatch(/TK-T01-000001/)
  })
})
