/**
 * How a contract's price is found and computed. Pure: the service passes the tariff versions,
 * tests pass tables.
 *
 * - Length class: a tariff covers boats of `lengthFromCm` (inclusive) up to `lengthToCm` (exclusive).
 * - Season: high season runs 1 June – 30 September, the rest of the year is low season; an annual
 *   contract uses the `year` price. A seasonal contract is priced by the season it starts in; a
 *   passage is priced night by night, each night at its own season's price.
 * - Version: the price line's latest version whose `validFrom` is on or before the day priced, so a
 *   revised price never reaches back to a contract made before it.
 * - VAT: per rate on the sum of the net lines, rounded half-up to the cent (BR-CO-17).
 */
import { nightsOf } from './period'

export const contractTypes = ['annual', 'seasonal', 'passage'] as const
export type ContractType = (typeof contractTypes)[number]
export const seasons = ['year', 'high', 'low'] as const
export type Season = (typeof seasons)[number]

export const HIGH_SEASON = { from: '06-01', to: '09-30' } as const

export interface TariffVersion {
  id: string
  contractType: ContractType
  season: Season
  lengthFromCm: number
  lengthToCm: number
  netMinor: number
  currency: string
  vatRateBp: number
  validFrom: string
  createdAt: string
}

export interface PricedLine {
  season: Season
  /** Contracts count 1; a passage counts its nights at one price. */
  quantity: number
  unitNetMinor: number
  vatRateBp: number
  tariffId: string
  lengthFromCm: number
  lengthToCm: number
  /** First and last night priced by this line (a passage may span both seasons). */
  from: string
  to: string
}

export interface Pricing {
  currency: string
  lines: PricedLine[]
  totalNetMinor: number
  totalVatMinor: number
  totalGrossMinor: number
}

export type PricingProblem = { problem: 'noTariff'; season: Season; date: string }

export function seasonOf(date: string): 'high' | 'low' {
  const md = date.slice(5)
  return md >= HIGH_SEASON.from && md <= HIGH_SEASON.to ? 'high' : 'low'
}

/** The season whose price a contract of this type uses for a given night. */
export function priceSeason(contractType: ContractType, date: string): Season {
  return contractType === 'annual' ? 'year' : seasonOf(date)
}

/** The version in force on `date` for a boat of `lengthCm`, or null when the grid has no such price. */
export function findTariff(
  tariffs: readonly TariffVersion[],
  contractType: ContractType,
  season: Season,
  lengthCm: number,
  date: string,
): TariffVersion | null {
  let best: TariffVersion | null = null
  for (const t of tariffs) {
    if (t.contractType !== contractType || t.season !== season) continue
    if (lengthCm < t.lengthFromCm || lengthCm >= t.lengthToCm) continue
    if (t.validFrom > date) continue
    if (
      !best ||
      t.validFrom > best.validFrom ||
      (t.validFrom === best.validFrom &&
        (t.createdAt > best.createdAt || (t.createdAt === best.createdAt && t.id > best.id)))
    )
      best = t
  }
  return best
}

/** VAT of a net amount at a rate in basis points, half-up to the minor unit. */
export function vatOf(netMinor: number, vatRateBp: number): number {
  const scaled = netMinor * vatRateBp
  const sign = scaled < 0 ? -1 : 1
  return sign * Math.floor((Math.abs(scaled) + 5000) / 10000)
}

/** Totals of priced lines: VAT per rate on the sum of that rate's net amounts. */
export function totalsOf(lines: readonly { quantity: number; unitNetMinor: number; vatRateBp: number }[]) {
  const netByRate = new Map<number, number>()
  for (const l of lines)
    netByRate.set(l.vatRateBp, (netByRate.get(l.vatRateBp) ?? 0) + l.quantity * l.unitNetMinor)
  let totalNetMinor = 0
  let totalVatMinor = 0
  for (const [rate, net] of netByRate) {
    totalNetMinor += net
    totalVatMinor += vatOf(net, rate)
  }
  return { totalNetMinor, totalVatMinor, totalGrossMinor: totalNetMinor + totalVatMinor }
}

/** The price of a contract of `contractType` over an inclusive period for a boat of `lengthCm`. */
export function priceContract(
  input: { contractType: ContractType; startDate: string; endDate: string; lengthCm: number },
  tariffs: readonly TariffVersion[],
): Pricing | PricingProblem {
  const { contractType, startDate, endDate, lengthCm } = input
  const lines: PricedLine[] = []
  if (contractType === 'passage') {
    for (const night of nightsOf(startDate, endDate)) {
      const season = priceSeason(contractType, night)
      const t = findTariff(tariffs, contractType, season, lengthCm, night)
      if (!t) return { problem: 'noTariff', season, date: night }
      const last = lines.at(-1)
      if (last && last.tariffId === t.id) {
        last.quantity++
        last.to = night
      } else lines.push(lineOf(t, season, night, night, 1))
    }
  } else {
    const season = priceSeason(contractType, startDate)
    const t = findTariff(tariffs, contractType, season, lengthCm, startDate)
    if (!t) return { problem: 'noTariff', season, date: startDate }
    lines.push(lineOf(t, season, startDate, endDate, 1))
  }
  const currency = tariffs.find((t) => t.id === lines[0]!.tariffId)!.currency
  return { currency, lines, ...totalsOf(lines) }
}

function lineOf(t: TariffVersion, season: Season, from: string, to: string, quantity: number): PricedLine {
  return {
    season,
    quantity,
    unitNetMinor: t.netMinor,
    vatRateBp: t.vatRateBp,
    tariffId: t.id,
    lengthFromCm: t.lengthFromCm,
    lengthToCm: t.lengthToCm,
    from,
    to,
  }
}
