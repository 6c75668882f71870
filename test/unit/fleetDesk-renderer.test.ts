import { describe, expect, it } from 'vitest'
import {
  eurosToMinor,
  formatQuantity,
  minorToEuros,
  recentMonths,
} from '../../renderer/src/features/fleetDesk/packText'

describe('fleet-desk screens: pure helpers', () => {
  it.each([
    ['50', 5000],
    ['12,5', 1250],
    ['12.05', 1205],
    [' 0,99 ', 99],
    [10, 1000],
    ['1.234', null],
    ['-5', null],
    ['abc', null],
    ['', null],
  ] as const)('euros %j → %j cents', (typed, cents) => {
    expect(eurosToMinor(typed)).toBe(cents)
  })

  it('cents back to the typed form', () => {
    expect(minorToEuros(5000)).toBe('50.00')
    expect(minorToEuros(1205)).toBe('12.05')
    expect(eurosToMinor(minorToEuros(99))).toBe(99)
  })

  it('quantities in their unit, megabytes as GB from 1 GB', () => {
    expect(formatQuantity(51_200, 'MB', 'fr')).toBe('50 Go')
    expect(formatQuantity(57_651, 'MB', 'en')).toBe('56.3 GB')
    expect(formatQuantity(900, 'MB', 'fr')).toBe('900 Mo')
    expect(formatQuantity(1000, 'MIN', 'en')).toBe('1,000 min')
    expect(formatQuantity(12, 'SMS', 'fr')).toBe('12 SMS')
  })

  it('the last months, newest first, across a year', () => {
    expect(recentMonths(new Date(2026, 1, 15), 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11'])
  })
})
