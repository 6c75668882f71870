import { describe, expect, it } from 'vitest'
import { berthFitProblems } from '../../main/modules/harbour/berthFit'
import { checkSignatureStep, effectiveEnd } from '../../main/modules/harbour/contractState'
import { occupancyOf } from '../../main/modules/harbour/occupancy'
import { nightCount, periodsOverlap } from '../../main/modules/harbour/period'
import {
  findTariff,
  priceContract,
  seasonOf,
  type TariffVersion,
  totalsOf,
  vatOf,
} from '../../main/modules/harbour/tariffRules'

const berth = { maxLengthCm: 1000, maxBeamCm: 350, status: 'in_service' as const }

describe('berth fit (length AND beam)', () => {
  it.each([
    [{ lengthCm: 1000, beamCm: 350 }, berth, []],
    [{ lengthCm: 1001, beamCm: 300 }, berth, ['tooLong']],
    [{ lengthCm: 900, beamCm: 351 }, berth, ['tooWide']],
    [{ lengthCm: 1200, beamCm: 400 }, berth, ['tooLong', 'tooWide']],
    [{ lengthCm: 800, beamCm: 300 }, { ...berth, status: 'out_of_service' as const }, ['outOfService']],
    [{ lengthCm: 800, beamCm: 300 }, { ...berth, status: 'reserved' as const }, []],
  ])('%o on %o → %o', (boat, b, expected) => {
    expect(berthFitProblems(boat, b)).toEqual(expected)
  })
})

describe('periods (inclusive nights)', () => {
  it.each([
    ['2026-01-01', '2026-12-31', '2026-12-31', '2027-12-30', true],
    ['2026-01-01', '2026-12-31', '2027-01-01', '2027-12-31', false],
    ['2026-07-01', '2026-07-03', '2026-07-03', '2026-07-05', true],
    ['2026-07-01', '2026-07-03', '2026-07-04', '2026-07-05', false],
    ['2026-07-04', '2026-07-05', '2026-07-01', '2026-07-03', false],
    ['2026-06-01', '2026-09-30', '2026-07-01', '2026-07-02', true],
  ])('%s→%s vs %s→%s overlap = %s', (s1, e1, s2, e2, expected) => {
    expect(periodsOverlap({ startDate: s1, endDate: e1 }, { startDate: s2, endDate: e2 })).toBe(expected)
  })
  it.each([
    ['2026-07-01', '2026-07-01', 1],
    ['2026-07-01', '2026-07-03', 3],
    ['2026-03-28', '2026-03-30', 3], // across the daylight-saving change
    ['2028-02-28', '2028-03-01', 3], // leap year
  ])('%s → %s is %i nights', (s, e, n) => {
    expect(nightCount(s, e)).toBe(n)
  })
})

const t = (over: Partial<TariffVersion>): TariffVersion => ({
  id: 'T',
  contractType: 'annual',
  season: 'year',
  lengthFromCm: 800,
  lengthToCm: 1000,
  netMinor: 126667,
  currency: 'EUR',
  vatRateBp: 2000,
  validFrom: '2026-01-01',
  createdAt: '2025-12-01T00:00:00.000Z',
  ...over,
})

const grid: TariffVersion[] = [
  t({ id: 'A1', lengthFromCm: 0, lengthToCm: 800, netMinor: 95000 }),
  t({ id: 'A2' }),
  t({ id: 'A2b', netMinor: 130000, validFrom: '2027-01-01', createdAt: '2026-10-01T00:00:00.000Z' }),
  t({ id: 'S-H', contractType: 'seasonal', season: 'high', netMinor: 80000 }),
  t({ id: 'S-L', contractType: 'seasonal', season: 'low', netMinor: 60000 }),
  t({ id: 'P-H', contractType: 'passage', season: 'high', netMinor: 4500 }),
  t({ id: 'P-L', contractType: 'passage', season: 'low', netMinor: 3000 }),
]

describe('tariff lookup', () => {
  it.each([
    ['2026-06-01', 'high'],
    ['2026-09-30', 'high'],
    ['2026-10-01', 'low'],
    ['2026-05-31', 'low'],
    ['2026-01-15', 'low'],
  ])('season of %s is %s', (d, s) => expect(seasonOf(d)).toBe(s))

  it.each([
    [799, 'A1'],
    [800, 'A2'], // lower bound inclusive
    [999, 'A2'],
    [1000, null], // upper bound exclusive, no class above
  ])('length %i cm → %s', (length, id) => {
    expect(findTariff(grid, 'annual', 'year', length, '2026-03-01')?.id ?? null).toBe(id)
  })

  it('uses the version in force on the day: a revision never reaches back', () => {
    expect(findTariff(grid, 'annual', 'year', 850, '2026-12-31')?.id).toBe('A2')
    expect(findTariff(grid, 'annual', 'year', 850, '2027-01-01')?.id).toBe('A2b')
    expect(findTariff(grid, 'annual', 'year', 850, '2025-12-31')).toBeNull()
  })
})

describe('contract price', () => {
  it('annual 8–10 m: 1 266,67 € HT at 20 % → 1 520,00 € TTC (the seed)', () => {
    const p = priceContract(
      { contractType: 'annual', startDate: '2026-01-01', endDate: '2026-12-31', lengthCm: 850 },
      grid,
    )
    expect(p).toMatchObject({
      totalNetMinor: 126667,
      totalVatMinor: 25333,
      totalGrossMinor: 152000,
      currency: 'EUR',
    })
  })
  it.each([
    ['seasonal', '2026-06-01', '2026-09-30', 80000],
    ['seasonal', '2026-10-01', '2027-03-31', 60000],
    // 3 high-season nights (28, 29, 30 Sept) + 2 low (1, 2 Oct): one line per season.
    ['passage', '2026-09-28', '2026-10-02', 3 * 4500 + 2 * 3000],
    ['passage', '2026-07-14', '2026-07-14', 4500],
  ] as const)('%s %s → %s: net %i', (type, start, end, net) => {
    const p = priceContract({ contractType: type, startDate: start, endDate: end, lengthCm: 900 }, grid)
    expect('problem' in p).toBe(false)
    if (!('problem' in p)) expect(p.totalNetMinor).toBe(net)
  })
  it('passage spanning seasons makes one line per price', () => {
    const p = priceContract(
      { contractType: 'passage', startDate: '2026-09-28', endDate: '2026-10-02', lengthCm: 900 },
      grid,
    )
    if ('problem' in p) throw new Error('priced')
    expect(p.lines.map((l) => [l.tariffId, l.quantity, l.from, l.to])).toEqual([
      ['P-H', 3, '2026-09-28', '2026-09-30'],
      ['P-L', 2, '2026-10-01', '2026-10-02'],
    ])
  })
  it('no price for the length class: a problem naming the season and day', () => {
    expect(
      priceContract(
        { contractType: 'annual', startDate: '2026-01-01', endDate: '2026-12-31', lengthCm: 1500 },
        grid,
      ),
    ).toEqual({
      problem: 'noTariff',
      season: 'year',
      date: '2026-01-01',
    })
  })
  it.each([
    [126667, 2000, 25333],
    [5, 1000, 1], // 0.5 → 1 (half-up)
    [4, 1000, 0],
    [100000, 550, 5500],
    [-126667, 2000, -25333],
  ])('VAT of %i at %i bp = %i', (net, bp, vat) => expect(vatOf(net, bp)).toBe(vat))
  it('VAT per rate on the sum of lines, not per line', () => {
    // Per line: 3 × round(0.5) = 3; on the sum 15 × 10 % = 1.5 → 2.
    expect(totalsOf([1, 2, 3].map(() => ({ quantity: 1, unitNetMinor: 5, vatRateBp: 1000 })))).toEqual({
      totalNetMinor: 15,
      totalVatMinor: 2,
      totalGrossMinor: 17,
    })
  })
})

describe('contract state', () => {
  it.each([
    ['draft', [], 1, null],
    ['draft', [], 2, 'outOfOrder'],
    ['draft', [], 3, 'outOfOrder'],
    ['draft', [1], 2, null],
    ['draft', [1], 3, 'outOfOrder'],
    ['draft', [1, 2], 3, null],
    ['draft', [1], 1, 'alreadyDone'],
    ['signed', [1, 2, 3], 3, 'notDraft'],
    ['cancelled', [], 1, 'notDraft'],
  ] as const)('%s with steps %o: step %i → %s', (status, done, step, expected) => {
    expect(checkSignatureStep(status, done, step)).toBe(expected)
  })
  it('an amendment or termination ends the original the day before it starts', () => {
    expect(effectiveEnd('2026-12-31', [])).toBe('2026-12-31')
    expect(effectiveEnd('2026-12-31', ['2026-07-01'])).toBe('2026-06-30')
    expect(effectiveEnd('2026-12-31', ['2026-09-01', '2026-07-01'])).toBe('2026-06-30')
    expect(effectiveEnd('2026-06-30', ['2026-12-01'])).toBe('2026-06-30')
  })
  it.each([
    ['in_service', null, 'free'],
    ['reserved', null, 'reserved'],
    ['out_of_service', { status: 'signed', contractType: 'annual' }, 'out_of_service'],
    ['in_service', { status: 'signed', contractType: 'annual' }, 'contract'],
    ['in_service', { status: 'signed', contractType: 'seasonal' }, 'contract'],
    ['in_service', { status: 'signed', contractType: 'passage' }, 'visitor'],
    ['in_service', { status: 'draft', contractType: 'annual' }, 'reserved'],
  ] as const)('berth %s with %o → %s', (status, contract, expected) => {
    expect(occupancyOf(status, contract)).toBe(expected)
  })
})
