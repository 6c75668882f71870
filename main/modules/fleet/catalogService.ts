import type Database from 'better-sqlite3'
import { asc, eq } from 'drizzle-orm'
import type { Page } from '../../../preload/contract/common'
import type {
  BillingAccountView,
  BusinessAccountItem,
  FleetCatalog,
  SplitBillProfileView,
} from '../../../preload/contract/fleet'
import {
  fleetBillingAccounts,
  fleetOptions,
  fleetPlanOptions,
  fleetPlans,
  fleetSplitBillProfiles,
} from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository, UnitOfWork } from '../../repo/repository'
import { decodeCursor, encodeCursor } from '../customers/cursor'
import {
  fleetBillingAccountEntity,
  fleetOptionEntity,
  fleetPlanEntity,
  fleetPlanOptionEntity,
  fleetSplitBillEntity,
} from './fleetEntities'
import { OptionMatrix } from './lineRules'

/** The catalogue is sold in Belgium: euros, VAT 21 %. */
export const FLEET_CURRENCY = 'EUR'
export const FLEET_VAT_RATE = '21.00'

type Address = BillingAccountView['address']

/**
 * The contract side of a business account: the catalogue (plans × options, editable by an
 * administrator), billing accounts and split-bill profiles.
 */
export class CatalogService {
  private matrixCache: { key: string; matrix: OptionMatrix } | null = null

  constructor(
    private readonly repo: Repository,
    private readonly sqlite: Database.Database,
  ) {}

  catalog(): FleetCatalog {
    const db = this.repo.db
    const plans = db.select().from(fleetPlans).orderBy(asc(fleetPlans.sortOrder), asc(fleetPlans.code)).all()
    const options = db
      .select()
      .from(fleetOptions)
      .orderBy(asc(fleetOptions.sortOrder), asc(fleetOptions.code))
      .all()
    const cells = db.select().from(fleetPlanOptions).all()
    return {
      plans: plans.map((p) => ({
        code: p.code,
        name: p.name,
        kind: p.kind,
        monthlyPriceMinor: p.monthlyPriceMinor,
        currency: p.currency,
        vatRate: p.vatRate,
        active: p.active,
      })),
      options: options.map((o) => ({ code: o.code, name: o.name, currency: o.currency, active: o.active })),
      cells: cells.map((c) => ({
        planCode: c.planCode,
        optionCode: c.optionCode,
        available: c.available,
        monthlyPriceMinor: c.monthlyPriceMinor,
      })),
    }
  }

  /** Which option applies to which plan; rebuilt when a cell changed (here or pulled from the hub). */
  matrix(): OptionMatrix {
    const stamp = this.sqlite
      .prepare('SELECT count(*) AS n, max(version) AS v FROM fleet_plan_options')
      .get() as { n: number; v: string | null }
    const key = `${stamp.n}:${stamp.v}`
    if (this.matrixCache?.key !== key)
      this.matrixCache = { key, matrix: new OptionMatrix(this.repo.db.select().from(fleetPlanOptions).all()) }
    return this.matrixCache.matrix
  }

  planExists(code: string): boolean {
    return !!this.repo.db
      .select({ id: fleetPlans.id })
      .from(fleetPlans)
      .where(eq(fleetPlans.code, code))
      .get()
  }

  plan(code: string) {
    return this.repo.db.select().from(fleetPlans).where(eq(fleetPlans.code, code)).get()
  }

  savePlan(
    actor: Actor,
    input: { code: string; name: string; kind: 'voice' | 'data'; monthlyPriceMinor: number; active: boolean },
  ): FleetCatalog {
    this.repo.write(actor, 'fleet.catalog.savePlan', (unit) => this.putPlan(unit, input))
    return this.catalog()
  }

  putPlan(
    unit: UnitOfWork,
    input: { code: string; name: string; kind: 'voice' | 'data'; monthlyPriceMinor: number; active: boolean },
  ): void {
    const existing = unit.db.select().from(fleetPlans).where(eq(fleetPlans.code, input.code)).get()
    const values = {
      name: input.name,
      kind: input.kind,
      monthlyPriceMinor: input.monthlyPriceMinor,
      active: input.active,
    }
    if (existing) unit.update(fleetPlanEntity, existing.id, values)
    else {
      const count = (this.sqlite.prepare('SELECT count(*) AS n FROM fleet_plans').get() as { n: number }).n
      unit.insert(fleetPlanEntity, {
        id: this.repo.newId(),
        code: input.code,
        currency: FLEET_CURRENCY,
        vatRate: FLEET_VAT_RATE,
        sortOrder: count + 1,
        ...values,
      } as never)
    }
  }

  saveOption(actor: Actor, input: { code: string; name: string; active: boolean }): FleetCatalog {
    this.repo.write(actor, 'fleet.catalog.saveOption', (unit) => this.putOption(unit, input))
    return this.catalog()
  }

  putOption(unit: UnitOfWork, input: { code: string; name: string; active: boolean }): void {
    const existing = unit.db.select().from(fleetOptions).where(eq(fleetOptions.code, input.code)).get()
    if (existing) unit.update(fleetOptionEntity, existing.id, { name: input.name, active: input.active })
    else {
      const count = (this.sqlite.prepare('SELECT count(*) AS n FROM fleet_options').get() as { n: number }).n
      unit.insert(fleetOptionEntity, {
        id: this.repo.newId(),
        code: input.code,
        name: input.name,
        active: input.active,
        currency: FLEET_CURRENCY,
        sortOrder: count + 1,
      } as never)
    }
  }

  setCell(
    actor: Actor,
    input: { planCode: string; optionCode: string; available: boolean; monthlyPriceMinor: number },
  ): FleetCatalog {
    this.repo.write(actor, 'fleet.catalog.setCell', (unit) => this.putCell(unit, input))
    return this.catalog()
  }

  putCell(
    unit: UnitOfWork,
    input: { planCode: string; optionCode: string; available: boolean; monthlyPriceMinor: number },
  ): void {
    if (!this.planExists(input.planCode)) throw AppError.field('planCode', 'validation.fleetUnknownPlan')
    const option = unit.db.select().from(fleetOptions).where(eq(fleetOptions.code, input.optionCode)).get()
    if (!option) throw AppError.field('optionCode', 'validation.fleetUnknownOption')
    // One cell per (plan, option) on every desk: its id is derived from the pair.
    const id = `${input.planCode}:${input.optionCode}`
    const values = { available: input.available, monthlyPriceMinor: input.monthlyPriceMinor }
    if (unit.load(fleetPlanOptionEntity, id)) unit.update(fleetPlanOptionEntity, id, values)
    else
      unit.insert(fleetPlanOptionEntity, {
        id,
        planCode: input.planCode,
        optionCode: input.optionCode,
        ...values,
      } as never)
  }

  // ---- Business accounts ----

  /** Companies that have a fleet (at least one billing account), by name, keyset. */
  accounts(query: string | undefined, limit: number, cursor?: string): Page<BusinessAccountItem> {
    const params: unknown[] = []
    let sql = `SELECT c.id AS customerId, c.customer_number AS customerNumber, c.display_name AS name,
        c.sort_name AS sortName, c.city,
        (SELECT count(*) FROM fleet_lines l WHERE l.customer_id = c.id) AS lines,
        (SELECT count(*) FROM fleet_lines l WHERE l.customer_id = c.id AND l.status = 'ACTIVE') AS activeLines,
        (SELECT count(*) FROM fleet_billing_accounts b WHERE b.customer_id = c.id) AS billingAccounts
      FROM customers c
      WHERE c.kind = 'company' AND EXISTS (SELECT 1 FROM fleet_billing_accounts b WHERE b.customer_id = c.id)`
    if (query) {
      sql += ' AND (c.sort_name LIKE ? OR c.customer_number LIKE ?)'
      const q = query
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
      params.push(`%${q}%`, `%${query}%`)
    }
    if (cursor) {
      const [value, id] = decodeCursor(cursor)
      sql += ' AND (c.sort_name > ? OR (c.sort_name = ? AND c.id > ?))'
      params.push(value, value, id)
    }
    sql += ' ORDER BY c.sort_name, c.id LIMIT ?'
    params.push(limit + 1)
    const rows = this.sqlite.prepare(sql).all(...params) as (BusinessAccountItem & { sortName: string })[]
    const more = rows.length > limit
    const items = rows.slice(0, limit)
    const last = items.at(-1)
    return {
      items: items.map(({ sortName: _s, ...item }) => item),
      nextCursor: more && last ? encodeCursor(last.sortName, last.customerId) : null,
    }
  }

  account(customerId: string): BusinessAccountItem {
    const row = this.sqlite
      .prepare(
        `SELECT c.id AS customerId, c.customer_number AS customerNumber, c.display_name AS name, c.city, c.kind,
          (SELECT count(*) FROM fleet_lines l WHERE l.customer_id = c.id) AS lines,
          (SELECT count(*) FROM fleet_lines l WHERE l.customer_id = c.id AND l.status = 'ACTIVE') AS activeLines,
          (SELECT count(*) FROM fleet_billing_accounts b WHERE b.customer_id = c.id) AS billingAccounts
        FROM customers c WHERE c.id = ?`,
      )
      .get(customerId) as (BusinessAccountItem & { kind: string }) | undefined
    if (!row) throw new AppError('NOT_FOUND')
    if (row.kind !== 'company') throw AppError.field('customerId', 'validation.fleetNotCompany')
    const { kind: _k, ...item } = row
    return item
  }

  billingAccounts(customerId: string): BillingAccountView[] {
    return this.repo.db
      .select()
      .from(fleetBillingAccounts)
      .where(eq(fleetBillingAccounts.customerId, customerId))
      .orderBy(asc(fleetBillingAccounts.number))
      .all()
      .map(toBillingAccountView)
  }

  billingAccount(id: string): BillingAccountView | null {
    const row = this.repo.db.select().from(fleetBillingAccounts).where(eq(fleetBillingAccounts.id, id)).get()
    return row ? toBillingAccountView(row) : null
  }

  createBillingAccount(actor: Actor, customerId: string, name: string, address: Address): BillingAccountView {
    this.account(customerId)
    return this.repo.write(actor, 'fleet.billingAccounts.create', (unit) =>
      toBillingAccountView(this.insertBillingAccount(unit, customerId, name, address)),
    )
  }

  /** Billing account numbers: `BA` + 8 digits, one series per database (the hub's unique index guards it). */
  insertBillingAccount(unit: UnitOfWork, customerId: string, name: string, address: Address) {
    const last = this.sqlite.prepare('SELECT max(number) AS n FROM fleet_billing_accounts').get() as {
      n: string | null
    }
    const next = last.n ? Number(last.n.slice(2)) + 1 : 10_000_001
    return unit.insert(fleetBillingAccountEntity, {
      id: this.repo.newId(),
      customerId,
      number: `BA${String(next).padStart(8, '0')}`,
      name,
      ...address,
    } as never)
  }

  splitBillProfiles(customerId: string): SplitBillProfileView[] {
    return this.repo.db
      .select()
      .from(fleetSplitBillProfiles)
      .where(eq(fleetSplitBillProfiles.customerId, customerId))
      .orderBy(asc(fleetSplitBillProfiles.name))
      .all()
      .map((p) => ({
        id: p.id,
        customerId: p.customerId,
        name: p.name,
        employerPays: p.employerPays,
        ceilingMinor: p.ceilingMinor,
      }))
  }

  createSplitBill(
    actor: Actor,
    input: {
      customerId: string
      name: string
      employerPays: SplitBillProfileView['employerPays']
      ceilingMinor: number | null
    },
  ): SplitBillProfileView {
    this.account(input.customerId)
    if (input.employerPays === 'ceiling' && input.ceilingMinor === null)
      throw AppError.field('ceilingMinor', 'validation.required')
    return this.repo.write(actor, 'fleet.splitBill.create', (unit) => {
      const row = unit.insert(fleetSplitBillEntity, {
        id: this.repo.newId(),
        ...input,
        ceilingMinor: input.employerPays === 'ceiling' ? input.ceilingMinor : null,
      } as never)
      return {
        id: row.id,
        customerId: row.customerId,
        name: row.name,
        employerPays: row.employerPays,
        ceilingMinor: row.ceilingMinor,
      }
    })
  }
}

function toBillingAccountView(row: typeof fleetBillingAccounts.$inferSelect): BillingAccountView {
  return {
    id: row.id,
    customerId: row.customerId,
    number: row.number,
    name: row.name,
    address: { street: row.street, postalCode: row.postalCode, city: row.city, country: row.country },
  }
}
