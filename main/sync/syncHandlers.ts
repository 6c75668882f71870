import type { SyncStatus } from '../../preload/contract'
import { AppError } from '../ipc/appError'
import type { Handlers } from '../ipc/router'
import type { HubLinkStore } from './hubLinkStore'
import { enrolWithHub, HubHttpError, httpTransport } from './hubTransport'
import type { SyncService } from './syncService'

type SyncHandlers = Pick<
  Handlers,
  | 'sync.status'
  | 'sync.now'
  | 'sync.connect'
  | 'sync.issues'
  | 'sync.retry'
  | 'sync.discard'
  | 'conflicts.list'
  | 'conflicts.resolve'
>

export function syncHandlers(deps: {
  sync: SyncService
  deskId: string
  linkStore: HubLinkStore | null
}): SyncHandlers {
  const { sync } = deps
  return {
    'sync.status': () => sync.status(),
    'sync.now': () => sync.runNow(),
    /**
     * Enrols this desk with a hub (admin only): trades the one-time code for the desk's credential,
     * saves the link (0600 file, encrypted by the OS keychain in the desktop app) and syncs with
     * that hub from now on, also after a restart. A refused code is a field error on `code`; a hub
     * that cannot be reached (or is not a hub) is OFFLINE.
     */
    'sync.connect': async ({ hubUrl, code }): Promise<SyncStatus> => {
      let enrolled: Awaited<ReturnType<typeof enrolWithHub>>
      try {
        enrolled = await enrolWithHub(hubUrl, code, deps.deskId)
      } catch (error) {
        if (error instanceof HubHttpError && (error.status === 403 || error.status === 400))
          throw AppError.field('code', 'validation.enrolmentRefused')
        throw new AppError('OFFLINE', { hubUrl })
      }
      if (
        typeof enrolled?.credential !== 'string' ||
        !enrolled.credential.startsWith(`${deps.deskId}.`) ||
        typeof enrolled.site !== 'string'
      ) {
        throw new AppError('OFFLINE', { hubUrl })
      }
      const link = { hubUrl, credential: enrolled.credential, site: enrolled.site }
      deps.linkStore?.save(link)
      await sync.switchHub(link, httpTransport(hubUrl, enrolled.credential))
      return sync.runNow()
    },
    'sync.issues': () => sync.issues(),
    'sync.retry': ({ seq }, ctx) => sync.retry(ctx.actor(), seq),
    'sync.discard': ({ seq, reason }, ctx) => sync.discard(ctx.actor(), seq, reason),
    'conflicts.list': ({ status }) => sync.conflicts(status),
    'conflicts.resolve': ({ id, choice, value }, ctx) => sync.resolve(ctx.actor(), id, choice, value),
  }
}
