/**
 * When to try again. Pure functions of the attempt count or elapsed time, so the schedule is
 * table-tested and the same after a restart (nothing is kept in memory).
 */

const SECOND = 1000
const MINUTE = 60 * SECOND

/** After a send without an answer (time-out, 5xx): 5 s, 10 s, 20 s … capped at 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10 * MINUTE, 5 * SECOND * 2 ** Math.max(0, attempts - 1))
}

/** How long to wait before asking the operator again about an order it accepted. */
export function pollDelayMs(sinceSentMs: number): number {
  // A quarter of the time already waited: quick for orders completing in seconds, calm for slow ones.
  return Math.min(5 * MINUTE, Math.max(2 * SECOND, Math.round(sinceSentMs / 4)))
}

/**
 * A scheduled order is asked about again from the start of its date. Midnight in Brussels is
 * 22:00 or 23:00 UTC the day before; asking from 22:00 UTC is early enough in both seasons.
 */
export function scheduledPollAt(scheduledFor: string): string {
  const day = new Date(`${scheduledFor}T00:00:00.000Z`)
  return new Date(day.getTime() - 2 * 60 * MINUTE).toISOString()
}

/** While the operator cannot be reached, the whole queue waits: 2 s, 4 s … capped at one minute. */
export function offlineProbeDelayMs(consecutive: number): number {
  return Math.min(MINUTE, 2 * SECOND * 2 ** Math.max(0, consecutive - 1))
}

/** After this many sends without an answer a request is failed as NO_ANSWER (it can be retried). */
export const MAX_ATTEMPTS = 8
