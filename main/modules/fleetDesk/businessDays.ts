/**
 * Business days in Belgium: Monday to Friday, except the public holidays. Blank SIM cards are
 * delivered "within two business days" (seed): the order day itself does not count, whatever the
 * time of the order, so an order placed on Friday (or during the weekend) arrives on Tuesday.
 */
import { belgianHolidayOn, DAY_MS, isoDate } from './belgianHolidays'

export const BLANK_SIM_DELIVERY_BUSINESS_DAYS = 2

const DATE = /^\d{4}-\d{2}-\d{2}$/

function epochOf(date: string): number {
  if (!DATE.test(date)) throw new RangeError(`expected YYYY-MM-DD, got ${date}`)
  return Date.parse(`${date}T00:00:00Z`)
}

export function isBelgianBusinessDay(date: string): boolean {
  const weekday = new Date(epochOf(date)).getUTCDay()
  return weekday !== 0 && weekday !== 6 && belgianHolidayOn(date) === null
}

/** The `count`-th business day after `date` (`date` itself never counts). */
export function addBelgianBusinessDays(date: string, count: number): string {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number, got ${count}`)
  let t = epochOf(date)
  let left = count
  while (left > 0) {
    t += DAY_MS
    if (isBelgianBusinessDay(isoDate(t))) left--
  }
  return isoDate(t)
}

export function blankSimExpectedDelivery(orderedOn: string): string {
  return addBelgianBusinessDays(orderedOn, BLANK_SIM_DELIVERY_BUSINESS_DAYS)
}

/** Today's date in Belgium (the orders' time zone), whatever the desk machine's zone. */
export function belgianDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}
