/**
 * Contract periods: inclusive `YYYY-MM-DD` dates (an annual contract runs 2026-01-01 → 2026-12-31).
 * Date-only strings compare correctly as text, and the arithmetic is done in UTC days so that no
 * time zone or daylight-saving change shifts a night.
 */
export interface Period {
  startDate: string
  endDate: string
}

const DAY_MS = 86_400_000

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

export function dayNumber(date: string): number {
  return Math.round(new Date(`${date}T00:00:00Z`).getTime() / DAY_MS)
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10)
}

/** Two inclusive periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate
}

/**
 * Nights of a stay. A period names the nights the berth is taken, first to last inclusive (the
 * boat leaves the morning after `endDate`), the same way for every contract type, so one overlap
 * rule serves all: 2026-07-01 → 2026-07-03 is 3 nights.
 */
export function nightCount(startDate: string, endDate: string): number {
  return dayNumber(endDate) - dayNumber(startDate) + 1
}

/** Each night of a stay, named by the date it starts on. */
export function nightsOf(startDate: string, endDate: string): string[] {
  const out: string[] = []
  for (let d = startDate; d <= endDate; d = addDays(d, 1)) out.push(d)
  return out
}
