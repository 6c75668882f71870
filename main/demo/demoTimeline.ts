import type { Clock } from '../app/clock'

/**
 * When demo customers were "created": spread over fixed years of office hours, so the same seed
 * gives the same timestamps whatever the day the seeder runs, and the list sorted by creation
 * date looks like a desk's real history. The period ends before the demo's "today" so that no
 * record is dated in the future of a desk opened now.
 */
export const DEMO_PERIOD_START = Date.UTC(2022, 0, 3) // a Monday
export const DEMO_PERIOD_WEEKS = 250 // up to early October 2026

const OPENING_HOUR_UTC = 7
const OPEN_SECONDS_PER_DAY = 10 * 3600
const WORKING_DAYS = DEMO_PERIOD_WEEKS * 5
const DAY_MS = 86_400_000

/** The instant of the `index`-th of `count` records, `jitter` in [0, 1): never decreasing with `index`. */
export function createdAtFor(index: number, count: number, jitter: number): number {
  const openSeconds = WORKING_DAYS * OPEN_SECONDS_PER_DAY
  const second = Math.floor(((index + jitter) / count) * openSeconds)
  const workingDay = Math.floor(second / OPEN_SECONDS_PER_DAY)
  const calendarDay = Math.floor(workingDay / 5) * 7 + (workingDay % 5)
  const secondOfDay = second % OPEN_SECONDS_PER_DAY
  return DEMO_PERIOD_START + calendarDay * DAY_MS + (OPENING_HOUR_UTC * 3600 + secondOfDay) * 1000
}

/** A clock the seeder sets before each write, so that each customer carries its own creation time. */
export class SettableClock implements Clock {
  private current: number

  constructor(start: number) {
    this.current = start
  }

  set(ms: number): void {
    this.current = ms
  }

  now(): Date {
    return new Date(this.current)
  }
}
