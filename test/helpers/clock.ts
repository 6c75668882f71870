import { type Clock, fixedClock } from '../../main/app/clock'

export interface ShiftableClock extends Clock {
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void
  /** Moves the clock forward by whole minutes. */
  advanceMinutes(minutes: number): void
}

/**
 * A `fixedClock` (one second per reading, so every write gets its own instant) that a test can
 * also jump forward or back, e.g. past the inactivity lock or before the last clock seen.
 */
export function shiftableClock(start: Date | string, stepMs = 1000): ShiftableClock {
  const base = fixedClock(start, stepMs)
  let offset = 0
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      offset += ms
    },
    advanceMinutes: (minutes) => {
      offset += minutes * 60_000
    },
  }
}
