/*
 * Invoice totals as EN 16931 wants them (BR-CO-17): the VAT of each rate is computed once, on the
 * sum of the net amounts of the lines at that rate, and rounded half-up to the minor unit. Summing
 * per-line VAT instead would let the printed total drift from the e-invoice and the ledger by a
 * cent per line.
 */

export interface VatLineInput {
  /** Thousandths of a unit: 1000 = 1, 2500 = 2,5 (kWh, m³ and hours are not whole). */
  quantityMilli: number
  unitNetMinor: number
  /** Basis points: 2000 = 20 %. */
  vatRateBp: number
}

export interface VatBreakdown {
  vatRateBp: number
  netMinor: number
  vatMinor: number
}

export interface InvoiceTotals {
  lineNetMinor: number[]
  breakdown: VatBreakdown[]
  totalNetMinor: number
  totalVatMinor: number
  totalGrossMinor: number
}

/** a × b / d rounded half away from zero, exact for integers (BigInt, no float on the way). */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  const num = BigInt(a) * BigInt(b)
  const den = BigInt(d)
  const negative = num < 0n !== den < 0n
  const absNum = num < 0n ? -num : num
  const absDen = den < 0n ? -den : den
  const q = (absNum * 2n + absDen) / (absDen * 2n)
  const result = Number(q)
  return negative && result !== 0 ? -result : result
}

/** A line's net amount: quantity × unit price, rounded half-up to the minor unit. */
export function lineNet(line: VatLineInput): number {
  return mulDivHalfUp(line.quantityMilli, line.unitNetMinor, 1000)
}

/** VAT of a net amount at a rate, rounded half-up (half away from zero for credit notes). */
export function vatOf(netMinor: number, vatRateBp: number): number {
  return mulDivHalfUp(netMinor, vatRateBp, 10_000)
}

export function invoiceTotals(lines: readonly VatLineInput[]): InvoiceTotals {
  const lineNetMinor = lines.map(lineNet)
  const perRate = new Map<number, number>()
  lines.forEach((line, i) => {
    perRate.set(line.vatRateBp, (perRate.get(line.vatRateBp) ?? 0) + lineNetMinor[i]!)
  })
  const breakdown = [...perRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, netMinor]) => ({ vatRateBp, netMinor, vatMinor: vatOf(netMinor, vatRateBp) }))
  const totalNetMinor = breakdown.reduce((s, b) => s + b.netMinor, 0)
  const totalVatMinor = breakdown.reduce((s, b) => s + b.vatMinor, 0)
  return {
    lineNetMinor,
    breakdown,
    totalNetMinor,
    totalVatMinor,
    totalGrossMinor: totalNetMinor + totalVatMinor,
  }
}

/** Splits an amount in `count` instalments that add up exactly: the first ones carry the remainder. */
export function splitInstalments(totalMinor: number, count: number): number[] {
  const base = Math.trunc(totalMinor / count)
  const remainder = totalMinor - base * count
  return Array.from({ length: count }, (_, i) => base + (i < remainder ? 1 : 0))
}
