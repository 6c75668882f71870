/**
 * A pack's consumption over a month, from the daily totals and per-line totals that the database
 * sums (see packService.ts). Use beyond the monthly allowance is charged per unit (out of bundle);
 * the manager is told when that amount reaches the threshold they set (seed: "notifications liées
 * aux consommations hors abonnement").
 */
import type { PackConsumption, PackUnit } from '../../../preload/contract/fleetDesk'
import { DAY_MS, isoDate } from './belgianHolidays'

export interface PackTerms {
  id: string
  unit: PackUnit
  allowance: number
  overUnitPriceMinor: number
  currency: string
  notifyEnabled: boolean
  notifyThresholdMinor: number
}

export interface DailyTotal {
  date: string
  quantity: number
}

export interface LineTotal {
  lineId: string
  phoneNumber: string
  quantity: number
}

/** The out-of-bundle amount once `used` units were consumed. */
export function outOfBundleMinor(
  terms: Pick<PackTerms, 'allowance' | 'overUnitPriceMinor'>,
  used: number,
): number {
  return Math.max(0, used - terms.allowance) * terms.overUnitPriceMinor
}

export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const first = Date.UTC(y, m - 1, 1)
  const next = Date.UTC(y, m, 1)
  const days: string[] = []
  for (let t = first; t < next; t += DAY_MS) days.push(isoDate(t))
  return days
}

export function summarizeConsumption(
  terms: PackTerms,
  month: string,
  dailyTotals: readonly DailyTotal[],
  /** The lines that used the most, in any order (the caller may have cut the list). */
  lineTotals: readonly LineTotal[],
  lineLimit: number,
  /** How many lines used the pack, when `lineTotals` is not all of them. */
  lineCount?: number,
  asOf = '9999-12-31',
): PackConsumption {
  const byDay = new Map<string, number>()
  for (const d of dailyTotals)
    if (d.date.startsWith(month)) byDay.set(d.date, (byDay.get(d.date) ?? 0) + d.quantity)
  let cumulative = 0
  let crossedOn: string | null = null
  const daily = daysOfMonth(month).map((date) => {
    const quantity = byDay.get(date) ?? 0
    cumulative += quantity
    if (crossedOn === null && outOfBundleMinor(terms, cumulative) >= terms.notifyThresholdMinor)
      crossedOn = date
    return { date, quantity, cumulative }
  })
  const used = cumulative
  const over = Math.max(0, used - terms.allowance)
  const lines = lineTotals
    .filter((l) => l.quantity !== 0)
    .toSorted((a, b) => b.quantity - a.quantity || a.phoneNumber.localeCompare(b.phoneNumber))
  return {
    packId: terms.id,
    month,
    asOf,
    unit: terms.unit,
    allowance: terms.allowance,
    used,
    over,
    overAmountMinor: over * terms.overUnitPriceMinor,
    currency: terms.currency,
    notifyEnabled: terms.notifyEnabled,
    notifyThresholdMinor: terms.notifyThresholdMinor,
    thresholdCrossedOn: crossedOn,
    alert: terms.notifyEnabled && crossedOn !== null,
    daily,
    lines: lines.slice(0, lineLimit),
    lineCount: lineCount ?? lines.length,
  }
}
