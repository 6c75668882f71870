/**
 * Display formats per interface language. Pure functions (no i18next, no DOM) so they are tested
 * in Node exactly as Chromium runs them: both use ICU through `Intl`.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js'

/** ISO 4217 code; the domain uses EUR and MAD, others format the same way. */
export type Currency = 'EUR' | 'MAD' | (string & {})

/** The BCP 47 locale of an interface language: British English reads dates day first, as clerks expect. */
export function intlLocale(language: string): string {
  if (language === 'fr') return 'fr-FR'
  if (language === 'en') return 'en-GB'
  return language
}

const numberFormats = new Map<string, Intl.NumberFormat>()

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency })
    numberFormats.set(key, format)
  }
  return format
}

/**
 * Symbols customers read on their bills where ICU prints the ISO code: the dirham is `DH` on every
 * Moroccan seed (DOMAIN.md: `285,00 DH`), on the bank pages and on the desk's documents
 * (`main/documents/invoicePdfParts.ts pdfMoney` applies the same rule).
 */
export const LOCAL_CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { MAD: 'DH' }

/**
 * `minorUnits` (cents, centimes) as money: `152000, 'EUR', 'fr'` → `1 520,00 €`, `28500, 'MAD'`
 * → `285,00 DH`. The amount is turned into an exact decimal string, never divided as a float, so
 * no amount is ever rounded.
 */
export function formatMoney(minorUnits: number, currency: Currency, locale: string): string {
  if (!Number.isSafeInteger(minorUnits)) {
    throw new RangeError(`money must be an integer number of minor units, got ${minorUnits}`)
  }
  const format = currencyFormat(locale, currency)
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  const sign = minorUnits < 0 ? '-' : ''
  const units = String(Math.abs(minorUnits)).padStart(digits + 1, '0')
  const decimal =
    digits === 0 ? `${sign}${units}` : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`
  const symbol = LOCAL_CURRENCY_SYMBOLS[currency]
  if (!symbol) return format.format(decimal as `${number}`)
  return format
    .formatToParts(decimal as `${number}`)
    .map((part) => (part.type === 'currency' ? symbol : part.value))
    .join('')
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A date without time (`YYYY-MM-DD`): `2026-11-22` → `22/11/2026`; the time zone cannot shift it. */
export function formatDate(date: string, locale: string): string {
  const match = DATE_ONLY.exec(date)
  if (!match) return date
  const [, y, m, d] = match
  const utc = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(utc)
}

/** An instant (UTC ISO-8601) in the desk's time zone: `22/11/2026 10:32`. */
export function formatDateTime(instant: string, locale: string, timeZone?: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'short',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date)
}

/** An E.164 number grouped for reading: `+33612345678` → `+33 6 12 34 56 78`. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}

/** A country's name in the interface language: `MA` → `Maroc`; the code itself if unknown. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region', fallback: 'code' }).of(code) ?? code
  } catch {
    return code
  }
}
