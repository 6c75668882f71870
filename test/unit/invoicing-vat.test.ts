import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  invoiceTotals,
  lineNet,
  mulDivHalfUp,
  splitInstalments,
  vatOf,
} from '../../main/modules/invoicing/vatTotals'
import { parseDecimal } from '../../preload/contract/invoicing'

describe('VAT per rate on the sum of net lines, half-up (BR-CO-17)', () => {
  it.each([
    // [net minor, rate bp, expected VAT minor]
    [10_000, 2000, 2_000],
    [1, 2000, 0], // 0,002 → 0,00
    [3, 2000, 1], // 0,006 → 0,01
    [25, 2000, 5],
    [5, 1000, 1], // 0,005 exactly half → up
    [15, 1000, 2], // 0,015 → 0,02
    [-15, 1000, -2], // a credit note mirrors its invoice
    [126_667, 2000, 25_333], // 253,334 → 253,33
    [12_345, 550, 679], // 5,5 %: 6,78975 → 6,79
    [99_999, 2100, 21_000], // Belgium 21 %: 209,9979 → 210,00
    [0, 2000, 0],
  ])('VAT of %i at %i bp is %i', (net, rate, vat) => {
    expect(vatOf(net, rate)).toBe(vat)
  })

  it('sums the lines of a rate before rounding, not each line', () => {
    // Three lines of 0,03 net at 20 %: each line would round 0,006 to 0,01 (total 0,03), but the
    // rate's base 0,09 gives 0,018 → 0,02.
    const t = invoiceTotals([
      { quantityMilli: 1000, unitNetMinor: 3, vatRateBp: 2000 },
      { quantityMilli: 1000, unitNetMinor: 3, vatRateBp: 2000 },
      { quantityMilli: 1000, unitNetMinor: 3, vatRateBp: 2000 },
    ])
    expect(t.breakdown).toEqual([{ vatRateBp: 2000, netMinor: 9, vatMinor: 2 }])
    expect(t.totalGrossMinor).toBe(11)
  })

  it('the seed contract: 1 266,67 € net at 20 % → 1 520,00 € incl. VAT', () => {
    const t = invoiceTotals([{ quantityMilli: 1000, unitNetMinor: 126_667, vatRateBp: 2000 }])
    expect(t).toMatchObject({ totalNetMinor: 126_667, totalVatMinor: 25_333, totalGrossMinor: 152_000 })
  })

  it('several rates: one breakdown row each, highest rate first', () => {
    const t = invoiceTotals([
      { quantityMilli: 2_500, unitNetMinor: 1_999, vatRateBp: 2000 }, // 2,5 h crane: 49,975 → 49,98
      { quantityMilli: 123_456, unitNetMinor: 27, vatRateBp: 550 }, // kWh: 33,33312 → 33,33
      { quantityMilli: 1000, unitNetMinor: 5_000, vatRateBp: 0 },
      { quantityMilli: 1000, unitNetMinor: 1_001, vatRateBp: 2000 },
    ])
    expect(t.lineNetMinor).toEqual([4_998, 3_333, 5_000, 1_001])
    expect(t.breakdown).toEqual([
      { vatRateBp: 2000, netMinor: 5_999, vatMinor: 1_200 },
      { vatRateBp: 550, netMinor: 3_333, vatMinor: 183 },
      { vatRateBp: 0, netMinor: 5_000, vatMinor: 0 },
    ])
    expect(t.totalNetMinor).toBe(14_332)
    expect(t.totalVatMinor).toBe(1_383)
    expect(t.totalGrossMinor).toBe(15_715)
  })

  const line = fc.record({
    quantityMilli: fc.integer({ min: 1, max: 10_000_000 }),
    unitNetMinor: fc.integer({ min: 0, max: 10_000_000 }),
    vatRateBp: fc.constantFrom(0, 210, 550, 1000, 1400, 2000, 2100),
  })

  it('property: totals add up (lines → bases → VAT → gross), each VAT within half a cent', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const t = invoiceTotals(lines)
        expect(t.lineNetMinor.reduce((a, b) => a + b, 0)).toBe(t.totalNetMinor)
        expect(t.breakdown.reduce((a, b) => a + b.netMinor, 0)).toBe(t.totalNetMinor)
        expect(t.breakdown.reduce((a, b) => a + b.vatMinor, 0)).toBe(t.totalVatMinor)
        expect(t.totalGrossMinor).toBe(t.totalNetMinor + t.totalVatMinor)
        for (const b of t.breakdown) {
          const exact = (b.netMinor * b.vatRateBp) / 10_000
          expect(Math.abs(b.vatMinor - exact)).toBeLessThanOrEqual(0.5 + 1e-9)
        }
        expect(new Set(t.breakdown.map((b) => b.vatRateBp)).size).toBe(t.breakdown.length)
      }),
    )
  })

  it('property: a credit note (negated prices) is exactly the opposite of its invoice', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        const t = invoiceTotals(lines)
        const c = invoiceTotals(lines.map((l) => ({ ...l, unitNetMinor: -l.unitNetMinor })))
        expect(c.totalGrossMinor).toBe(0 - t.totalGrossMinor || 0)
        expect(c.totalVatMinor).toBe(0 - t.totalVatMinor || 0)
      }),
    )
  })

  it('line net and exact integer rounding', () => {
    expect(lineNet({ quantityMilli: 1500, unitNetMinor: 3, vatRateBp: 0 })).toBe(5) // 4,5 → 5
    expect(mulDivHalfUp(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991)
  })

  it.each([
    [152_000, 1, [152_000]],
    [152_000, 3, [50_667, 50_667, 50_666]],
    [100, 4, [25, 25, 25, 25]],
  ])('splits %i in %i instalments that add up', (total, n, parts) => {
    expect(splitInstalments(total, n)).toEqual(parts)
    expect(splitInstalments(total, n).reduce((a, b) => a + b, 0)).toBe(total)
  })
})

describe('amounts typed at the counter', () => {
  it.each([
    ['670', 2, 67_000],
    ['670,5', 2, 67_050],
    ['1 520,00', 2, 152_000],
    ['1\u202f520,00', 2, 152_000],
    ['0.01', 2, 1],
    ['2,5', 3, 2_500],
  ])('%s → %i', (raw, scale, value) => {
    expect(parseDecimal(raw, scale)).toEqual({ value })
  })

  it.each([
    ['12,345', 'validation.amountDecimals'],
    ['12,3a', 'validation.amountFormat'],
    ['', 'validation.required'],
    ['1e5', 'validation.amountFormat'],
    ['12.', 'validation.amountFormat'],
  ])('%s is refused (%s)', (raw, key) => {
    expect(parseDecimal(raw, 2)).toEqual({ error: key })
  })
})
