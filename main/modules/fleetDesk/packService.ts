import { and, asc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  GroupPack,
  PackConsumption,
  PackType,
  packOrderInput,
  packUsageInput,
} from '../../../preload/contract/fleetDesk'
import type { Clock } from '../../app/clock'
import { fleetGroupPacks } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository } from '../../repo/repository'
import type { BusinessAccounts } from './businessAccounts'
import { belgianDateOf } from './businessDays'
import { groupPackEntity, packUsageEntity } from './fleetDeskEntities'
import { packCatalogue, packTypeOf } from './packCatalogue'
import { type DailyTotal, daysOfMonth, type LineTotal, summarizeConsumption } from './packConsumption'

type PackRow = typeof fleetGroupPacks.$inferSelect

/** Group packs of business accounts: order, modify, notification settings, usage and consumption. */
export class PackService {
  constructor(
    private readonly repo: Repository,
    private readonly clock: Clock,
    private readonly accounts: BusinessAccounts,
  ) {}

  catalogue(): PackType[] {
    return [...packCatalogue]
  }

  list(customerId: string): GroupPack[] {
    this.accounts.assertBusiness(customerId)
    const rows = this.repo.db
      .select()
      .from(fleetGroupPacks)
      .where(eq(fleetGroupPacks.customerId, customerId))
      .orderBy(asc(fleetGroupPacks.createdAt), asc(fleetGroupPacks.id))
      .limit(50)
      .all()
    return rows.map((r) => this.toPack(r))
  }

  get(id: string): GroupPack {
    return this.toPack(this.row(id))
  }

  order(actor: Actor, input: z.output<typeof packOrderInput>): GroupPack {
    this.accounts.assertBusiness(input.customerId)
    const type = this.typeOf(input.packCode)
    const taken = this.repo.db
      .select({ id: fleetGroupPacks.id })
      .from(fleetGroupPacks)
      .where(and(eq(fleetGroupPacks.customerId, input.customerId), eq(fleetGroupPacks.unit, type.unit)))
      .get()
    // One pool per kind of use: a day's minutes or megabytes must belong to exactly one pack.
    if (taken) throw AppError.field('packCode', 'validation.packUnitTaken')
    const row = this.repo.write(actor, 'fleetDesk.pack.order', (unit) =>
      unit.insert(groupPackEntity, {
        id: this.repo.newId(),
        customerId: input.customerId,
        packCode: type.code,
        unit: type.unit,
        allowance: type.allowance,
        monthlyPriceMinor: type.monthlyPriceMinor,
        overUnitPriceMinor: type.overUnitPriceMinor,
        currency: type.currency,
        startDate: belgianDateOf(this.clock.now()),
        notifyEnabled: input.notifyEnabled,
        notifyThresholdMinor: input.notifyThresholdMinor,
        version: '',
        clocks: '',
        createdAt: unit.now,
        updatedAt: unit.now,
      }),
    )
    return this.toPack(row)
  }

  /** Another size of the same kind of pool (the usage already recorded stays with the pack). */
  modify(actor: Actor, id: string, packCode: string, expectedVersion?: string): GroupPack {
    const current = this.row(id)
    const type = this.typeOf(packCode)
    if (type.unit !== current.unit) throw AppError.field('packCode', 'validation.packUnitChange')
    const { row } = this.repo.write(actor, 'fleetDesk.pack.modify', (unit) =>
      unit.update(
        groupPackEntity,
        id,
        {
          packCode: type.code,
          allowance: type.allowance,
          monthlyPriceMinor: type.monthlyPriceMinor,
          overUnitPriceMinor: type.overUnitPriceMinor,
        },
        expectedVersion ? { expectedVersion } : {},
      ),
    )
    return this.toPack(row)
  }

  setNotifications(actor: Actor, id: string, enabled: boolean, thresholdMinor: number): GroupPack {
    this.row(id)
    const { row } = this.repo.write(actor, 'fleetDesk.pack.notifications', (unit) =>
      unit.update(groupPackEntity, id, { notifyEnabled: enabled, notifyThresholdMinor: thresholdMinor }),
    )
    return this.toPack(row)
  }

  /** Appends the operator's usage records of the pack's lines (all or none). */
  recordUsage(
    actor: Actor,
    input: z.output<typeof packUsageInput>,
    source = 'operator_report',
  ): { recorded: number } {
    const pack = this.row(input.packId)
    const lines = this.accounts.resolve(
      pack.customerId,
      input.records.map((r) => r.lineId),
      (i) => `records.${i}.lineId`,
    )
    input.records.forEach((r, i) => {
      if (r.date < pack.startDate) throw AppError.field(`records.${i}.date`, 'validation.beforePackStart')
    })
    this.repo.write(actor, 'fleetDesk.pack.usage', (unit) => {
      input.records.forEach((r, i) => {
        unit.append(packUsageEntity, {
          id: this.repo.newId(),
          packId: pack.id,
          customerId: pack.customerId,
          lineId: r.lineId,
          phoneNumber: lines[i]!.phoneNumber,
          usageDate: r.date,
          unit: pack.unit,
          quantity: r.quantity,
          source,
          deskId: actor.deskId,
          createdAt: unit.now,
        })
      })
    })
    return { recorded: input.records.length }
  }

  consumption(packId: string, month: string, lineLimit: number): PackConsumption {
    const pack = this.row(packId)
    const days = daysOfMonth(month)
    const from = days[0]!
    const to = days.at(-1)!
    const daily = this.repo.sqlite
      .prepare(
        `SELECT usage_date AS date, sum(quantity) AS quantity FROM fleet_pack_usage
         WHERE pack_id = ? AND usage_date BETWEEN ? AND ? GROUP BY usage_date`,
      )
      .all(packId, from, to) as DailyTotal[]
    const lines = this.repo.sqlite
      .prepare(
        `SELECT line_id AS lineId, max(phone_number) AS phoneNumber, sum(quantity) AS quantity
         FROM fleet_pack_usage WHERE pack_id = ? AND usage_date BETWEEN ? AND ?
         GROUP BY line_id HAVING sum(quantity) <> 0 ORDER BY sum(quantity) DESC, max(phone_number) LIMIT ?`,
      )
      .all(packId, from, to, lineLimit) as LineTotal[]
    const count = this.repo.sqlite
      .prepare(
        `SELECT count(*) AS n FROM (SELECT line_id FROM fleet_pack_usage
         WHERE pack_id = ? AND usage_date BETWEEN ? AND ? GROUP BY line_id HAVING sum(quantity) <> 0)`,
      )
      .get(packId, from, to) as { n: number }
    return summarizeConsumption(
      pack,
      month,
      daily,
      lines,
      lineLimit,
      count.n,
      belgianDateOf(this.clock.now()),
    )
  }

  private typeOf(code: string): PackType {
    const type = packTypeOf(code)
    if (!type) throw AppError.field('packCode', 'validation.packType')
    return type
  }

  private row(id: string): PackRow {
    const row = this.repo.db.select().from(fleetGroupPacks).where(eq(fleetGroupPacks.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'fleet_group_pack', id })
    return row
  }

  private toPack(r: PackRow): GroupPack {
    const month = belgianDateOf(this.clock.now()).slice(0, 7)
    const days = daysOfMonth(month)
    const daily = this.repo.sqlite
      .prepare(
        `SELECT usage_date AS date, sum(quantity) AS quantity FROM fleet_pack_usage
         WHERE pack_id = ? AND usage_date BETWEEN ? AND ? GROUP BY usage_date`,
      )
      .all(r.id, days[0], days.at(-1)) as DailyTotal[]
    const summary = summarizeConsumption(r, month, daily, [], 0, 0)
    return {
      id: r.id,
      customerId: r.customerId,
      packCode: r.packCode,
      unit: r.unit,
      allowance: r.allowance,
      monthlyPriceMinor: r.monthlyPriceMinor,
      overUnitPriceMinor: r.overUnitPriceMinor,
      currency: r.currency,
      startDate: r.startDate,
      notifyEnabled: r.notifyEnabled,
      notifyThresholdMinor: r.notifyThresholdMinor,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      currentMonth: {
        month,
        used: summary.used,
        overAmountMinor: summary.overAmountMinor,
        thresholdCrossedOn: summary.thresholdCrossedOn,
      },
    }
  }
}
