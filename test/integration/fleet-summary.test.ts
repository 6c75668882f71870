/**
 * `fleet.summary`, the fleet block of a company's page: its lines by status (one GROUP BY), its
 * billing accounts, and the requests still waiting for the operator, through the router as the
 * renderer calls it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FleetSeedReport, seedFleet } from '../../main/demo/seedFleet'
import { lineSummarySql } from '../../main/modules/fleet/lineSummary'
import { type FleetLineStatus, lineStatusValues } from '../../preload/contract/fleet'
import type { WireError, WireResult } from '../../preload/errors'
import { companyInput, personInput } from '../helpers/customers'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

let desk: TestDesk
let report: FleetSeedReport

function errorOf(result: WireResult<unknown>): WireError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`)
  return result.error
}

/** The same counts, the inventory's way: one filtered total per status. */
async function totalsByStatus(customerId: string): Promise<Record<FleetLineStatus, number>> {
  const totals = {} as Record<FleetLineStatus, number>
  for (const status of lineStatusValues)
    totals[status] = (
      await desk.ok('fleet.lines.list', {
        customerId,
        status,
        limit: 1,
        sort: 'phoneNumber',
        direction: 'asc',
      })
    ).total
  return totals
}

const pendingOf = (customerId: string) =>
  desk.core.database.sqlite
    .prepare(
      `SELECT count(*) FROM provisioning_requests r JOIN fleet_lines l ON l.id = r.line_id
       WHERE l.customer_id = ? AND r.state IN ('queued', 'sent')`,
    )
    .pluck()
    .get(customerId) as number

beforeAll(async () => {
  desk = await tempDesk()
  // Requests must stay unanswered while the test counts them: no operator.
  desk.core.services.fleet.provisioning.stop()
  report = seedFleet(desk.core, { seed: 1 })
  await desk.login('youssef')
}, 60_000)
afterAll(() => desk?.dispose())

describe('fleet.summary', () => {
  it('counts each account’s lines by status, as the filtered inventory does, and its billing accounts', async () => {
    for (const account of report.accounts) {
      const summary = await desk.ok('fleet.summary', { customerId: account.customerId })
      expect(summary.customerId).toBe(account.customerId)
      expect(summary.lines).toEqual(await totalsByStatus(account.customerId))
      expect(lineStatusValues.reduce((n, s) => n + summary.lines[s], 0)).toBe(account.lines)
      expect(summary.billingAccounts).toBe(account.billingAccounts.length)
      expect(summary.pendingRequests).toBe(pendingOf(account.customerId))
    }
  })

  it('counts a request while the operator has not answered it, for that account only', async () => {
    const [first, second] = report.accounts
    const before = await desk.ok('fleet.summary', { customerId: first!.customerId })
    const other = await desk.ok('fleet.summary', { customerId: second!.customerId })
    const active = await desk.ok('fleet.lines.list', {
      customerId: first!.customerId,
      status: 'ACTIVE',
      limit: 2,
      sort: 'phoneNumber',
      direction: 'asc',
    })
    for (const line of active.items) await desk.ok('fleet.lines.suspend', { id: line.id })

    const after = await desk.ok('fleet.summary', { customerId: first!.customerId })
    expect(after.pendingRequests).toBe(before.pendingRequests + 2)
    // Requested, not done: the lines keep their status until the operator confirms.
    expect(after.lines).toEqual(before.lines)
    expect(await desk.ok('fleet.summary', { customerId: second!.customerId })).toEqual(other)
  })

  it('gives every status, at 0, for a company without a fleet yet', async () => {
    const { customer } = await desk.ok('customers.create', companyInput({ companyName: 'Sans Flotte SA' }))
    expect(await desk.ok('fleet.summary', { customerId: customer.id })).toEqual({
      customerId: customer.id,
      lines: { PENDING: 0, ACTIVE: 0, SUSPENDED: 0, STOPPED: 0 },
      billingAccounts: 0,
      pendingRequests: 0,
    })
  })

  it('refuses a person (fleets are for companies) and an unknown customer', async () => {
    const { customer } = await desk.ok('customers.create', personInput())
    expect(errorOf(await desk.call('fleet.summary', { customerId: customer.id })).details?.fields).toEqual([
      { path: 'customerId', key: 'validation.fleetNotCompany' },
    ])
    expect(errorOf(await desk.call('fleet.summary', { customerId: '01J0000000000000000000ZZZZ' })).code).toBe(
      'NOT_FOUND',
    )
  })

  it('is open to a counter clerk, like the inventory', async () => {
    await desk.login('marie', 'c2')
    const customerId = report.accounts[0]!.customerId
    expect((await desk.ok('fleet.summary', { customerId }, 'c2')).customerId).toBe(customerId)
  })

  it('reads the statuses through the customer-and-status index, the requests from their state', () => {
    const plan = (sql: string) =>
      (desk.core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    expect(plan(lineSummarySql.byStatus)).toMatch(/USING COVERING INDEX fleet_lines_customer_status/)
    expect(plan(lineSummarySql.pending)).toBe(
      'SEARCH r USING INDEX provisioning_requests_state_idx (state=?) | SEARCH l USING INDEX sqlite_autoindex_fleet_lines_1 (id=?)',
    )
  })
})
