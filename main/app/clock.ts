/** The time source of every service, injectable so that date rules can be tested. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function fixedClock(start: Date | string, stepMs = 0): Clock {
  let t = new Date(start).getTime()
  return {
    now: () => {
      const d = new Date(t)
      t += stepMs
      return d
    },
  }
}
