import type { fleetContract } from '../../../preload/contract/fleet'
import * as fleetRules from '../../../preload/contract/fleet'
import type { Clock } from '../../app/clock'
import type { Handlers } from '../../ipc/router'
import type { CatalogService } from './catalogService'
import { exportLines } from './lineExport'
import type { LineImport } from './lineImport'
import type { LineQueries } from './lineQueries'
import type { LineService } from './lineService'
import type { LineSummary } from './lineSummary'

type Handlers_ = Pick<Handlers, keyof typeof fleetContract>

export function fleetHandlers(
  catalog: CatalogService,
  lines: LineService,
  queries: LineQueries,
  importer: LineImport,
  clock: Clock,
  summary: LineSummary,
): Handlers_ {
  const role = (ctx: { session: { role: import('../../../preload/contract/common').Role } | null }) =>
    ctx.session?.role ?? null
  return {
    'fleet.accounts.list': ({ query, cursor, limit }) => catalog.accounts(query, limit, cursor),
    'fleet.accounts.get': ({ customerId }) => catalog.account(customerId),
    'fleet.catalog.get': () => catalog.catalog(),
    'fleet.catalog.savePlan': (input, ctx) => catalog.savePlan(ctx.actor(), input),
    'fleet.catalog.saveOption': (input, ctx) => catalog.saveOption(ctx.actor(), input),
    'fleet.catalog.setCell': (input, ctx) => catalog.setCell(ctx.actor(), input),
    'fleet.billingAccounts.list': ({ customerId }) => catalog.billingAccounts(customerId),
    'fleet.billingAccounts.create': ({ customerId, name, address }, ctx) =>
      catalog.createBillingAccount(ctx.actor(), customerId, name, address),
    'fleet.splitBill.list': ({ customerId }) => catalog.splitBillProfiles(customerId),
    'fleet.splitBill.create': (input, ctx) => catalog.createSplitBill(ctx.actor(), input),
    'fleet.lines.list': ({ sort, direction, cursor, limit, ...filter }) =>
      queries.page(filter, sort, direction, limit, cursor),
    'fleet.lines.get': ({ id }, ctx) => lines.detail(id, role(ctx)),
    'fleet.lines.checkIccid': ({ iccid }) => {
      const { iccidProblem, normalizeIccid } = fleetRules
      const value = normalizeIccid(iccid)
      const problem = iccidProblem(value)
      if (problem) return { problem: `validation.${problem}` }
      return { problem: lines.iccidUsed(value) ? 'validation.iccidUsed' : null }
    },
    'fleet.numbers.free': ({ limit }) => lines.freeNumbers(limit),
    'fleet.lines.create': (input, ctx) => lines.create(ctx.actor(), input, role(ctx)),
    'fleet.lines.activate': ({ id, date }, ctx) => lines.activate(ctx.actor(), id, date, role(ctx)),
    'fleet.lines.swap': ({ id, iccid }, ctx) => lines.swap(ctx.actor(), id, iccid, role(ctx)),
    'fleet.lines.suspend': ({ id }, ctx) => lines.request(ctx.actor(), id, 'suspend', role(ctx)),
    'fleet.lines.reactivate': ({ id }, ctx) => lines.request(ctx.actor(), id, 'reactivate', role(ctx)),
    'fleet.lines.stop': ({ id }, ctx) => lines.request(ctx.actor(), id, 'stop', role(ctx)),
    'fleet.lines.updateUser': ({ id, user, address, expectedVersion }, ctx) =>
      lines.updateUser(ctx.actor(), id, user, address, expectedVersion, role(ctx)),
    'fleet.lines.setBarrings': ({ id, barrings }, ctx) =>
      lines.setBarrings(ctx.actor(), id, barrings, role(ctx)),
    'fleet.lines.setPayByMobile': ({ id, limitMinor }, ctx) =>
      lines.setPayByMobile(ctx.actor(), id, limitMinor, role(ctx)),
    'fleet.lines.ids': ({ selection }) => ({ ids: lines.selectionIds(selection) }),
    'fleet.bulk.preview': ({ customerId, selection, change, limit }) =>
      lines.bulkPreview(customerId, selection, change, limit),
    'fleet.bulk.apply': ({ customerId, ids, change }, ctx) =>
      lines.bulkApply(ctx.actor(), customerId, ids, change),
    'fleet.lines.export': async (input) => {
      const cat = catalog.catalog()
      const { rows: _rows, ...file } = await exportLines(
        queries,
        input,
        {
          plans: new Map(cat.plans.map((p) => [p.code, p.name])),
          options: new Map(cat.options.map((o) => [o.code, o.name])),
        },
        clock.now().toISOString().slice(0, 10),
        input.language,
      )
      return file
    },
    'fleet.summary': ({ customerId }) => {
      // account() refuses an unknown customer and one that is not a company, and counts billing accounts.
      const { billingAccounts } = catalog.account(customerId)
      return { customerId, billingAccounts, ...summary.of(customerId) }
    },
    'fleet.import.preview': ({ customerId, csv }) => importer.preview(customerId, csv),
    'fleet.import.apply': ({ customerId, csv }, ctx) => importer.apply(ctx.actor(), customerId, csv),
  }
}
