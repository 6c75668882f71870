/*
 * The business day of an instant at a desk: a payment taken at 00:30 in Paris belongs to that
 * day's cash-up even though it is still "yesterday" in UTC.
 */

const formats = new Map<string, Intl.DateTimeFormat>()

/** `YYYY-MM-DD` of `instant` (UTC ISO-8601) in `timeZone` (IANA, e.g. `Europe/Paris`). */
export function businessDay(instant: string, timeZone: string): string {
  let format = formats.get(timeZone)
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formats.set(timeZone, format)
  }
  return format.format(new Date(instant))
}

/** The desk's time zone: `GUICHET_TIME_ZONE`, else Paris (the demo harbour). */
export function deskTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.GUICHET_TIME_ZONE?.trim()
  if (!zone) return 'Europe/Paris'
  // Throws a RangeError for an unknown zone: a misconfigured desk must not guess its day.
  new Intl.DateTimeFormat('en', { timeZone: zone })
  return zone
}
