import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatPhone,
  intlLocale,
} from '../../renderer/src/lib/format'

// ICU separates thousands with U+202F (narrow no-break space) in French, and puts U+00A0
// (no-break space) before the currency: written out here so the expectations are exact.
const NNBSP = '\u202f'
const NBSP = '\u00a0'

describe('formatMoney', () => {
  it.each([
    [152000, 'EUR', 'fr', `1${NNBSP}520,00${NBSP}€`],
    // The dirham as Moroccan customers read it on their bills (DOMAIN.md), not the ISO code.
    [28500, 'MAD', 'fr', `285,00${NBSP}DH`],
    [360000, 'MAD', 'fr', `3${NNBSP}600,00${NBSP}DH`],
    [-67000, 'MAD', 'fr', `-670,00${NBSP}DH`],
    [85000, 'EUR', 'fr', `850,00${NBSP}€`],
    [152000, 'EUR', 'en', '€1,520.00'],
    [28500, 'MAD', 'en', `DH${NBSP}285.00`],
    [0, 'EUR', 'fr', `0,00${NBSP}€`],
    [5, 'EUR', 'fr', `0,05${NBSP}€`],
    [-67000, 'EUR', 'fr', `-670,00${NBSP}€`],
    [-5, 'EUR', 'en', '-€0.05'],
    [123456789012, 'EUR', 'fr', `1${NNBSP}234${NNBSP}567${NNBSP}890,12${NBSP}€`],
    // Currencies without minor unit, or with three, follow ISO 4217.
    [1520, 'JPY', 'en', 'JP¥1,520'],
    [1520, 'TND', 'fr', `1,520${NBSP}TND`],
  ])('%i %s in %s → %s', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected)
  })

  it('never rounds: the largest safe integer keeps its last cent', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR', 'en')).toBe('€90,071,992,547,409.91')
  })

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 60]])(
    'refuses %s (not an integer of minor units)',
    (value) => {
      expect(() => formatMoney(value, 'EUR', 'fr')).toThrow(RangeError)
    },
  )
})

describe('formatDate', () => {
  it.each([
    ['2026-11-22', 'fr', '22/11/2026'],
    ['2026-11-22', 'en', '22/11/2026'],
    ['2026-01-05', 'fr', '05/01/2026'],
    // A date has no time zone: the 31st of December stays the 31st wherever the desk is.
    ['2026-12-31', 'fr', '31/12/2026'],
    ['not a date', 'fr', 'not a date'],
  ])('%s in %s → %s', (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected)
  })
})

describe('formatDateTime', () => {
  it.each([
    ['2026-11-22T09:05:00Z', 'fr', 'Europe/Paris', '22/11/2026 10:05'],
    ['2026-11-22T09:05:00Z', 'fr', 'Africa/Casablanca', '22/11/2026 10:05'],
    ['2026-07-01T23:30:00Z', 'fr', 'Europe/Paris', '02/07/2026 01:30'],
    ['2026-11-22T09:05:00Z', 'en', 'Europe/Brussels', '22/11/2026, 10:05'],
  ])('%s in %s (%s) → %s', (instant, locale, zone, expected) => {
    expect(formatDateTime(instant, locale, zone)).toBe(expected)
  })
})

describe('formatPhone', () => {
  it.each([
    ['+33612345678', '+33 6 12 34 56 78'],
    ['+212612345678', '+212 6 12 34 56 78'],
    ['+32471234567', '+32 471 23 45 67'],
    ['garbage', 'garbage'],
  ])('%s → %s', (e164, expected) => {
    expect(formatPhone(e164)).toBe(expected)
  })
})

describe('intlLocale', () => {
  it.each([
    ['fr', 'fr-FR'],
    ['en', 'en-GB'],
    ['nl-BE', 'nl-BE'],
  ])('%s → %s', (language, locale) => {
    expect(intlLocale(language)).toBe(locale)
  })
})
