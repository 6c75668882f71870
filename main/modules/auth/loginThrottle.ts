import type { Clock } from '../../app/clock'

const MAX_FAILURES = 5
const BLOCK_MS = 60_000

/**
 * Slows down password guessing at a desk: after five wrong passwords in a row for a login, that
 * login is refused for a minute. Kept in memory: a restart clears it, which is fine for a desk.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; blockedUntil: number }>()

  constructor(private readonly clock: Clock) {}

  blocked(username: string): boolean {
    const entry = this.failures.get(username.toLowerCase())
    return !!entry && entry.blockedUntil > this.clock.now().getTime()
  }

  failed(username: string): void {
    const key = username.toLowerCase()
    const entry = this.failures.get(key) ?? { count: 0, blockedUntil: 0 }
    entry.count += 1
    if (entry.count >= MAX_FAILURES) {
      entry.blockedUntil = this.clock.now().getTime() + BLOCK_MS
      entry.count = 0
    }
    this.failures.set(key, entry)
  }

  succeeded(username: string): void {
    this.failures.delete(username.toLowerCase())
  }
}
