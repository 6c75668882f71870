import type { SessionInfo } from '../../../preload/contract'
import type { Clock } from '../../app/clock'
import { AppError } from '../../ipc/appError'
import type { Handlers } from '../../ipc/router'
import type { SettingsService } from '../settings/settingsService'
import { LoginThrottle } from './loginThrottle'
import type { Session, SessionStore } from './sessions'
import type { StaffService } from './staffService'

type AuthHandlers = Pick<
  Handlers,
  'auth.session' | 'auth.login' | 'auth.logout' | 'auth.lock' | 'auth.unlock' | 'staff.list' | 'staff.create'
>

export function authHandlers(deps: {
  staff: StaffService
  sessions: SessionStore
  settings: SettingsService
  clock: Clock
}): AuthHandlers {
  const { staff, sessions, settings } = deps
  const throttle = new LoginThrottle(deps.clock)
  const info = (s: Session): SessionInfo => {
    const desk = settings.get()
    return {
      staff: { id: s.staffId, username: s.username, displayName: s.displayName, role: s.role },
      deskId: desk.deskId,
      deskName: desk.deskName,
      locked: s.locked,
      lockAfterMinutes: desk.lockAfterMinutes,
    }
  }
  return {
    'auth.session': (_input, ctx) => (ctx.session ? info(ctx.session) : null),
    'auth.login': async ({ username, password }, ctx) => {
      if (throttle.blocked(username)) throw new AppError('TOO_MANY_ATTEMPTS')
      const who = await staff.authenticate(username, password)
      if (!who) {
        throttle.failed(username)
        throw new AppError('BAD_CREDENTIALS')
      }
      throttle.succeeded(username)
      return info(
        sessions.start(ctx.connectionId, {
          staffId: who.id,
          username: who.username,
          displayName: who.displayName,
          role: who.role,
        }),
      )
    },
    'auth.logout': (_input, ctx) => {
      sessions.end(ctx.connectionId)
      return { ok: true }
    },
    'auth.lock': (_input, ctx) => {
      if (ctx.session) ctx.session.locked = true
      return { ok: true }
    },
    'auth.unlock': async ({ password }, ctx) => {
      const session = ctx.session!
      if (throttle.blocked(session.username)) throw new AppError('TOO_MANY_ATTEMPTS')
      if (!(await staff.checkPassword(session.staffId, password))) {
        throttle.failed(session.username)
        throw AppError.field('password', 'validation.wrongPassword')
      }
      throttle.succeeded(session.username)
      session.locked = false
      sessions.touch(session)
      return info(session)
    },
    'staff.list': () => staff.list(),
    'staff.create': (input, ctx) => staff.create(ctx.actor(), input),
  }
}
