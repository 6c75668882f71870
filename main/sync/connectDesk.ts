import { join } from 'node:path'
import { openHubStore } from '../../hub/db/open'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import { startHub } from '../../hub/server'
import type { Core } from '../app/core'
import type { HubLinkStore } from './hubLinkStore'
import { httpTransport } from './hubTransport'

export interface DeskSyncOptions {
  dataDir: string
  deskId: string
  deskName: string
  linkStore: HubLinkStore
  intervalMs: number
}

/**
 * Connects the desk to its hub and starts background sync. A desk enrolled with a hub uses it;
 * otherwise (a fresh demo) a hub is started in-process on loopback with PGlite in the data folder,
 * and the desk enrols with it, so sync works with no set-up. Returns what to close at exit.
 */
export async function connectDesk(core: Core, options: DeskSyncOptions): Promise<() => Promise<void>> {
  const { sync } = core.services
  const link = options.linkStore.load()
  if (link) {
    sync.attach('hub', link, httpTransport(link.hubUrl, link.credential))
    sync.start(options.intervalMs)
    void sync.runNow()
    return async () => sync.stop()
  }
  const store = await openHubStore({ dataDir: join(options.dataDir, 'local-hub') })
  const hub = await startHub({ store, host: '127.0.0.1', port: 0, logLevel: false })
  const site = `${options.deskName} (démo)`
  const { code } = await createEnrolmentCode(store.db, options.deskId, site)
  const { credential } = await enrolDesk(store.db, code, options.deskId)
  sync.attach('demo', { hubUrl: hub.url, site }, httpTransport(hub.url, credential))
  sync.start(options.intervalMs)
  void sync.runNow()
  return async () => {
    sync.stop()
    await hub.close()
    await store.close()
  }
}
