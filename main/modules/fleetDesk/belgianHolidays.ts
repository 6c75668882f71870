/**
 * Belgian public holidays (the ten legal ones, Royal Decree of 18 April 1974): six on fixed dates
 * and three moving with Easter (Easter Monday, Ascension, Whit Monday). Easter Sunday itself and
 * Whit Sunday fall on Sundays, which are never business days anyway. Dates are `YYYY-MM-DD`.
 */

/** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return isoDate(Date.UTC(year, month - 1, day))
}

export type BelgianHoliday =
  | 'newYear'
  | 'easterMonday'
  | 'labourDay'
  | 'ascension'
  | 'whitMonday'
  | 'nationalDay'
  | 'assumption'
  | 'allSaints'
  | 'armistice'
  | 'christmas'

/** The ten holidays of `year`, by date. */
export function belgianPublicHolidays(year: number): Map<string, BelgianHoliday> {
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`)
  const fromEaster = (days: number) => isoDate(easter + days * DAY_MS)
  const fixed = (month: number, day: number) => isoDate(Date.UTC(year, month - 1, day))
  return new Map<string, BelgianHoliday>([
    [fixed(1, 1), 'newYear'],
    [fromEaster(1), 'easterMonday'],
    [fixed(5, 1), 'labourDay'],
    [fromEaster(39), 'ascension'],
    [fromEaster(50), 'whitMonday'],
    [fixed(7, 21), 'nationalDay'],
    [fixed(8, 15), 'assumption'],
    [fixed(11, 1), 'allSaints'],
    [fixed(11, 11), 'armistice'],
    [fixed(12, 25), 'christmas'],
  ])
}

const cache = new Map<number, Map<string, BelgianHoliday>>()

export function belgianHolidayOn(date: string): BelgianHoliday | null {
  const year = Number(date.slice(0, 4))
  let holidays = cache.get(year)
  if (!holidays) {
    holidays = belgianPublicHolidays(year)
    cache.set(year, holidays)
  }
  return holidays.get(date) ?? null
}

export const DAY_MS = 86_400_000

export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10)
}
