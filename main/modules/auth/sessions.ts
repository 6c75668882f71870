import type { Role } from '../../../preload/contract'
import type { Clock } from '../../app/clock'

export interface Session {
  staffId: string
  username: string
  displayName: string
  role: Role
  lastActivity: number
  locked: boolean
}

/**
 * Logged-in staff per connection (an Electron window, or a browser tab of the browser host).
 * A session left idle longer than the lock delay is locked: only unlock and logout then pass.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  constructor(
    private readonly clock: Clock,
    private readonly lockAfterMinutes: () => number,
  ) {}

  get(connectionId: string): Session | null {
    const session = this.sessions.get(connectionId)
    if (!session) return null
    const idleMs = this.clock.now().getTime() - session.lastActivity
    const limit = this.lockAfterMinutes()
    if (limit > 0 && idleMs > limit * 60_000) session.locked = true
    return session
  }

  start(connectionId: string, staff: Omit<Session, 'lastActivity' | 'locked'>): Session {
    const session = { ...staff, lastActivity: this.clock.now().getTime(), locked: false }
    this.sessions.set(connectionId, session)
    return session
  }

  touch(session: Session): void {
    session.lastActivity = this.clock.now().getTime()
  }

  end(connectionId: string): void {
    this.sessions.delete(connectionId)
  }
}
