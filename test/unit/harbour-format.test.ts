import { describe, expect, it } from 'vitest'
import {
  amountToMinor,
  bpToPercent,
  cmToMetres,
  metresToCm,
  minorToAmount,
  percentToBp,
} from '../../renderer/src/features/harbour/harbourFormat'

describe('harbour screen conversions', () => {
  it.each([
    ['8,5', 850],
    ['8.50', 850],
    ['10', 1000],
    ['0,07', 7],
    ['8,555', null],
    ['-1', null],
    ['abc', null],
  ])('metres %s → %s cm', (m, cm) => expect(metresToCm(m)).toBe(cm))
  it.each([
    ['1 266,67', 126667],
    ['1266.67', 126667],
    ['1 520,00 €', 152000],
    ['0,1', 10],
    ['12,345', null],
    ['', null],
  ])('amount %s → %s', (a, minor) => expect(amountToMinor(a)).toBe(minor))
  it.each([
    ['20', 2000],
    ['5,5', 550],
    ['2,1', 210],
    ['101', null],
  ])('VAT %s %% → %s bp', (p, bp) => expect(percentToBp(p)).toBe(bp))
  it('back to text', () => {
    expect(cmToMetres(850, 'fr')).toBe('8,50')
    expect(minorToAmount(126667, 'en')).toBe('1266.67')
    expect(bpToPercent(550, 'fr')).toBe('5,5')
  })
})
