/**
 * Reads a date typed by a clerk into `YYYY-MM-DD`, or `null` when the text is not a real date.
 *
 * Day first, as written at a French, Belgian or Moroccan desk: `23/11/2026`, `3/2/2026`,
 * `23.11.2026`, `23-11-2026` (one separator throughout, four-digit year), and ISO `2026-11-23`
 * (what the app stores and what tests type). Strict on purpose: Mantine's default parser is
 * `new Date(text)`, which reads `03/02/2026` as 2 March and rolls `31/02/2026` over to 3 March;
 * here an impossible day or month, or a year outside 1900–2199 (a typo such as `0226`), is refused.
 */
export function parseDateInput(text: string): string | null {
  const input = text.trim()
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(input)
  if (dayFirst) return isoDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]))
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  return null
}

const MIN_YEAR = 1900
const MAX_YEAR = 2199

function isoDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC, so no time zone shifts it).
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
