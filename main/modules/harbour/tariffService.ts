import { eq } from 'drizzle-orm'
import type { Tariff, TariffCreateInput } from '../../../preload/contract/harbour'
import { harbourTariffs } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository } from '../../repo/repository'
import { tariffEntity } from './harbourEntities'
import type { TariffVersion } from './tariffRules'

type TariffRow = typeof harbourTariffs.$inferSelect

/**
 * The tariff grid, versioned: a revision appends a version effective from a date, never changes
 * one. A price line is (contract type, season, length class); its versions chain by `previousId`.
 */
export class TariffService {
  constructor(private readonly repo: Repository) {}

  /** Every version (the grid is tens of lines × a few versions a year; bounded for safety). */
  versions(): TariffVersion[] {
    return this.repo.db.select().from(harbourTariffs).limit(10_000).all() as TariffVersion[]
  }

  row(id: string): TariffRow {
    const row = this.repo.db.select().from(harbourTariffs).where(eq(harbourTariffs.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'harbour_tariff', id })
    return row
  }

  /** The grid in force on `date`: for each price line, its version effective that day, or its first future one. */
  list(date: string): Tariff[] {
    const all = this.versions()
    const lines = new Map<string, TariffVersion[]>()
    for (const v of all) {
      const key = lineKey(v)
      lines.set(key, [...(lines.get(key) ?? []), v])
    }
    const out: Tariff[] = []
    for (const versions of lines.values()) {
      versions.sort(byEffect)
      const current = [...versions].reverse().find((v) => v.validFrom <= date) ?? versions[0]!
      const next = versions.find((v) => v.validFrom > current.validFrom)
      out.push(toTariff(current, next?.validFrom ?? null))
    }
    return out.sort(
      (a, b) =>
        typeOrder[a.contractType] - typeOrder[b.contractType] ||
        seasonOrder[a.season] - seasonOrder[b.season] ||
        a.lengthFromCm - b.lengthFromCm,
    )
  }

  /** All versions of the price line `id` belongs to, oldest first. */
  history(id: string): Tariff[] {
    const key = lineKey(this.row(id) as TariffVersion)
    const versions = this.versions()
      .filter((v) => lineKey(v) === key)
      .sort(byEffect)
    return versions.map((v, i) => toTariff(v, versions[i + 1]?.validFrom ?? null))
  }

  create(actor: Actor, input: TariffCreateInput & { currency: string }): Tariff {
    const row = this.repo.write(actor, 'harbour.tariff.create', (unit) => {
      const overlapping = this.versions().find(
        (v) =>
          v.contractType === input.contractType &&
          v.season === input.season &&
          v.lengthFromCm < input.lengthToCm &&
          input.lengthFromCm < v.lengthToCm,
      )
      if (overlapping) throw AppError.field('lengthFromCm', 'validation.lengthClassOverlap')
      return unit.append(tariffEntity, {
        id: this.repo.newId(),
        contractType: input.contractType,
        season: input.season,
        lengthFromCm: input.lengthFromCm,
        lengthToCm: input.lengthToCm,
        netMinor: input.netMinor,
        currency: input.currency,
        vatRateBp: input.vatRateBp,
        validFrom: input.validFrom,
        previousId: null,
        deskId: unit.actor.deskId,
        staffId: unit.actor.staffId,
        createdAt: unit.now,
      })
    })
    return toTariff(row as TariffVersion, null)
  }

  /**
   * A new version of a price, effective from `validFrom`. Contracts made before keep the version
   * they froze; a version may not start on or before the line's latest one (that would rewrite a
   * price already in force).
   */
  revise(
    actor: Actor,
    input: { id: string; netMinor: number; vatRateBp: number; validFrom: string },
  ): Tariff {
    const row = this.repo.write(actor, 'harbour.tariff.revise', (unit) => {
      const base = this.row(input.id) as TariffVersion
      const key = lineKey(base)
      const latest = this.versions()
        .filter((v) => lineKey(v) === key)
        .sort(byEffect)
        .at(-1)!
      if (input.validFrom <= latest.validFrom)
        throw AppError.field('validFrom', 'validation.tariffNotAfterLatest', { date: latest.validFrom })
      return unit.append(tariffEntity, {
        id: this.repo.newId(),
        contractType: base.contractType,
        season: base.season,
        lengthFromCm: base.lengthFromCm,
        lengthToCm: base.lengthToCm,
        netMinor: input.netMinor,
        currency: base.currency,
        vatRateBp: input.vatRateBp,
        validFrom: input.validFrom,
        previousId: latest.id,
        deskId: unit.actor.deskId,
        staffId: unit.actor.staffId,
        createdAt: unit.now,
      })
    })
    return toTariff(row as TariffVersion, null)
  }
}

const typeOrder = { annual: 0, seasonal: 1, passage: 2 } as const
const seasonOrder = { year: 0, high: 1, low: 2 } as const

function lineKey(v: Pick<TariffVersion, 'contractType' | 'season' | 'lengthFromCm' | 'lengthToCm'>): string {
  return `${v.contractType}|${v.season}|${v.lengthFromCm}|${v.lengthToCm}`
}

function byEffect(a: TariffVersion, b: TariffVersion): number {
  return (
    a.validFrom.localeCompare(b.validFrom) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  )
}

function toTariff(v: TariffVersion & { previousId?: string | null }, supersededFrom: string | null): Tariff {
  return {
    id: v.id,
    contractType: v.contractType,
    season: v.season,
    lengthFromCm: v.lengthFromCm,
    lengthToCm: v.lengthToCm,
    netMinor: v.netMinor,
    currency: v.currency,
    vatRateBp: v.vatRateBp,
    validFrom: v.validFrom,
    previousId: v.previousId ?? null,
    createdAt: v.createdAt,
    supersededFrom,
  }
}
