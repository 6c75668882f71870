import { join } from 'node:path'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import { type RunningHub, startHub } from '../../hub/server'
import type { Core } from '../app/core'
import { DEMO_LOCAL_HUB_KEYS, type GatewayKeys } from '../payments/gatewayKeys'
import type { HubLink, HubLinkStore } from './hubLinkStore'
import { httpTransport } from './hubTransport'

export interface DeskSyncOptions {
  dataDir: string
  deskId: string
  deskName: string
  linkStore: HubLinkStore
  intervalMs: number
  /** The gateway keys the local demo hub runs with (none: the sandboxes' demo keys). */
  gatewayKeys?: GatewayKeys
  log?: (entry: Record<string, unknown>) => void
}

/** The folder of the in-process demo hub's PGlite database, inside the desk's data folder. */
export const LOCAL_HUB_DIR = 'local-hub'

/**
 * Connects the desk to its hub and starts background sync. A desk enrolled with a hub uses it;
 * otherwise (a fresh demo) a hub is started in-process on loopback with PGlite in the data folder,
 * and the desk enrols with it, so sync works with no set-up; `sync.connect` later points the desk
 * at a real hub, which then replaces it (also at the next start). The desk never fails to start
 * because of sync: when the saved link cannot be read, or the demo hub cannot start, it works
 * offline (mode `none`) until an administrator enrols it again. Returns what to close at exit.
 */
export async function connectDesk(core: Core, options: DeskSyncOptions): Promise<() => Promise<void>> {
  const { sync } = core.services
  const log = options.log ?? (() => undefined)
  let link: HubLink | null
  try {
    link = options.linkStore.load()
  } catch (error) {
    log({
      level: 'error',
      msg: 'hub link unreadable: sync off until the desk is enrolled again',
      error: `${error}`,
    })
    return async () => sync.stop()
  }
  if (link) {
    sync.attach('hub', link, httpTransport(link.hubUrl, link.credential))
    sync.start(options.intervalMs)
    void sync.runNow()
    return async () => sync.stop()
  }

  let store: HubStore | null = null
  let hub: RunningHub | null = null
  try {
    store = await openHubStore({ dataDir: join(options.dataDir, LOCAL_HUB_DIR) })
    // The gateway sandboxes ride on the local hub, so that demo mode takes a card payment end to
    // end; the keys kept on the desk (encrypted, docs/payments.md) replace the demo ones.
    const keys = options.gatewayKeys?.forLocalHub(log) ?? DEMO_LOCAL_HUB_KEYS
    hub = await startHub({
      store,
      host: '127.0.0.1',
      port: 0,
      logLevel: false,
      payments: keys.config,
      paymentSandboxes: keys.sandboxes,
    })
    const site = `${options.deskName} (démo)`
    const { code } = await createEnrolmentCode(store.db, options.deskId, site)
    const { credential } = await enrolDesk(store.db, code, options.deskId)
    sync.attach('demo', { hubUrl: hub.url, site }, httpTransport(hub.url, credential))
    options.gatewayKeys?.localHubStarted(keys)
  } catch (error) {
    await hub?.close()
    await store?.close()
    log({ level: 'error', msg: 'local demo hub not started: sync off', error: `${error}` })
    return async () => sync.stop()
  }
  sync.start(options.intervalMs)
  void sync.runNow()
  const running = { hub, store }
  return async () => {
    sync.stop()
    options.gatewayKeys?.localHubStarted(null)
    // Lets a sync in flight finish against the local hub before it closes.
    await running.hub.close()
    await running.store.close()
  }
}
