import {
  type ChannelName,
  type Contract,
  contract,
  type OutputOf,
  type ParsedInputOf,
  type Role,
} from '../../preload/contract'
import { toFieldIssues } from '../../preload/contract/fieldIssues'
import { type Language, messageFor, type WireError, type WireResult } from '../../preload/errors'
import type { Session, SessionStore } from '../modules/auth/sessions'
import type { Actor } from '../repo/repository'
import { RepositoryError } from '../repo/repository'
import { AppError } from './appError'

/** Who is calling: one Electron window or one browser tab. */
export interface CallContext {
  connectionId: string
  host: 'electron' | 'browser'
}

export interface HandlerContext extends CallContext {
  session: Session | null
  /** The author of writes; throws UNAUTHENTICATED for public channels without a session. */
  actor(): Actor
}

export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>,
  ctx: HandlerContext,
) => OutputOf<C> | Promise<OutputOf<C>>

export type Handlers = { [C in ChannelName]: Handler<C> }

export interface RouterDeps {
  sessions: SessionStore
  deskId: string
  log?: (entry: Record<string, unknown>) => void
}

export interface Router {
  call(ctx: CallContext, channel: string, input: unknown): Promise<WireResult<unknown>>
}

function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(contract, name)
}

function allowed(access: Contract[ChannelName]['access'], session: Session | null): WireError['code'] | null {
  if (access === 'public') return null
  if (!session) return 'UNAUTHENTICATED'
  if (access === 'session') return null
  if (session.locked) return 'LOCKED'
  return (access as readonly Role[]).includes(session.role) ? null : 'FORBIDDEN'
}

function wireError(error: unknown, language: Language, log: RouterDeps['log'], channel: string): WireError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: messageFor(error.code, language),
      ...(error.details ? { details: error.details } : {}),
    }
  }
  if (error instanceof RepositoryError) {
    return {
      code: error.code,
      message: messageFor(error.code, language),
      ...(error.details ? { details: error.details } : {}),
    }
  }
  // Unexpected: log it for the team, give the renderer a message and no stack.
  log?.({
    level: 'error',
    channel,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  })
  return { code: 'INTERNAL', message: messageFor('INTERNAL', language) }
}

/**
 * The single entry of every channel call, whatever the transport: checks the channel exists,
 * validates the input with the contract's schema, checks the caller's role, then runs the handler.
 * Nothing reaches a handler unvalidated, and every failure comes back as `{ code, message, details }`.
 */
export function createRouter(handlers: Handlers, deps: RouterDeps): Router {
  const language: Language = 'fr'
  return {
    async call(ctx, channel, input) {
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: messageFor('UNKNOWN_CHANNEL', language) },
        }
      }
      const def = contract[channel]
      const session = deps.sessions.get(ctx.connectionId)
      const denied = allowed(def.access, session)
      if (denied) return { ok: false, error: { code: denied, message: messageFor(denied, language) } }

      // reportInput lets toFieldIssues tell a missing field (required) from a wrong type.
      const parsed = def.input.safeParse(input ?? {}, { reportInput: true })
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: messageFor('VALIDATION', language),
            details: { fields: toFieldIssues(parsed.error) },
          },
        }
      }
      // Only the staff's own work counts as activity: a tab polling a public channel (session
      // status, app info) must not keep an unattended session from locking.
      if (session && !session.locked && def.access !== 'public') deps.sessions.touch(session)
      const handlerCtx: HandlerContext = {
        ...ctx,
        session,
        actor: () => {
          if (!session) throw new AppError('UNAUTHENTICATED')
          return { staffId: session.staffId, deskId: deps.deskId }
        },
      }
      try {
        const handler = handlers[channel] as Handler<ChannelName>
        const data = await handler(parsed.data as never, handlerCtx)
        return { ok: true, data }
      } catch (error) {
        return { ok: false, error: wireError(error, language, deps.log, channel) }
      }
    },
  }
}
