/** Offset of `timeZone` from UTC at `utcMs`, in milliseconds (Paris in winter: +3 600 000). */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs))
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(utcMs / 1000) * 1000
}

/** The UTC instant at which local `day` (`YYYY-MM-DD`) starts in `timeZone`. */
export function startOfDayUtc(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const naive = Date.UTC(y, m - 1, d)
  // Two passes settle days whose midnight sits next to a daylight-saving change.
  let guess = naive - offsetAt(naive, timeZone)
  guess = naive - offsetAt(guess, timeZone)
  return new Date(guess)
}

/** [start, end) of a local day as UTC ISO strings, for range queries on stored instants. */
export function dayRangeUtc(day: string, timeZone: string): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
  return { from: startOfDayUtc(day, timeZone).toISOString(), to: startOfDayUtc(next, timeZone).toISOString() }
}
