/**
 * Demo out of the box: a desk with no hub link starts a hub in-process (PGlite in its data
 * folder), enrols with it and syncs; once `sync.connect` points it at another hub, that hub is used
 * (with the desk's whole history and that hub's whole feed), and still after a restart.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_FILE, lockFolder } from '../../hub/db/folderLock'
import { openHubStore } from '../../hub/db/open'
import { entities } from '../../hub/db/schema'
import type { HubDb } from '../../hub/db/types'
import { createEnrolmentCode } from '../../hub/enrolment'
import { type RunningHub, startHub } from '../../hub/server'
import { connectDesk, LOCAL_HUB_DIR } from '../../main/sync/connectDesk'
import { HubLinkStore } from '../../main/sync/hubLinkStore'
import { openTestStore, STORE_KINDS, type TestStore } from '../fixtures/hub-harness'
import { personInput } from '../helpers/customers'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

const hasCustomer = async (db: HubDb, id: string) =>
  (
    await db
      .select()
      .from(entities)
      .where(and(eq(entities.entity, 'customer'), eq(entities.entityId, id)))
  ).length === 1

// The "real" hub the desk is pointed at: PostgreSQL when there is one, else PGlite.
const realKind = STORE_KINDS[STORE_KINDS.length - 1]!

describe('a desk with no hub configured', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-hub-demo-'))
  const linkFile = join(dir, 'hub-link.json')
  const localHubDir = join(dir, LOCAL_HUB_DIR)
  let desk: TestDesk
  let closeSync: () => Promise<void>
  let real: TestStore
  let realHub: RunningHub
  let other: TestDesk | null = null
  let demoCustomer: string
  let hubCustomer: string
  const options = (linkStore: HubLinkStore) => ({
    dataDir: dir,
    deskId: 'C01',
    deskName: 'Guichet du port',
    linkStore,
    intervalMs: 60_000,
  })

  beforeAll(async () => {
    const linkStore = new HubLinkStore(linkFile)
    desk = await tempDesk({ deskId: 'C01', dir, hubLinkStore: linkStore })
    closeSync = await connectDesk(desk.core, options(linkStore))
    await desk.login('admin')
    real = await openTestStore(realKind)
    realHub = await startHub({ store: real.store, logLevel: false })
  }, 60_000)
  afterAll(async () => {
    await closeSync?.()
    desk?.core.close()
    other?.dispose()
    await realHub?.close()
    await real?.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('starts a local hub on loopback, already enrolled, and syncs with it', async () => {
    const status = await desk.ok('sync.status', {})
    expect(status).toMatchObject({ mode: 'demo', site: 'Guichet du port (démo)' })
    expect(status.hubUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(existsSync(join(localHubDir, LOCK_FILE))).toBe(true)
    expect(existsSync(linkFile)).toBe(false) // nothing to keep: it enrols again at each start

    demoCustomer = (await desk.ok('customers.create', personInput({ lastName: 'Démo' }))).customer.id
    expect(await desk.ok('sync.now', {})).toMatchObject({ online: true, pending: 0, lastError: null })
  })

  it('switches to another hub with sync.connect: sends it the whole history and pulls its whole feed', async () => {
    // Another desk already works with that hub.
    other = await tempDesk({ deskId: 'C02' })
    await other.login('admin')
    const forC02 = await createEnrolmentCode(real.store.db, 'C02', 'Agdal')
    await other.ok('sync.connect', { hubUrl: realHub.url, code: forC02.code })
    hubCustomer = (await other.ok('customers.create', personInput({ lastName: 'Agdal' }))).customer.id
    expect(await other.ok('sync.now', {})).toMatchObject({ pending: 0, online: true })
    // That hub restarts: its feed's current position is now where the desk's cursor on the demo
    // hub happens to stand or beyond, so only starting the new hub's feed afresh brings it all.
    await realHub.close()
    realHub = await startHub({ store: real.store, logLevel: false })

    const { code } = await createEnrolmentCode(real.store.db, 'C01', 'Port Sainte Marie')
    const status = await desk.ok('sync.connect', { hubUrl: realHub.url, code })
    expect(status).toMatchObject({
      mode: 'hub',
      hubUrl: realHub.url,
      site: 'Port Sainte Marie',
      online: true,
    })
    expect(status).toMatchObject({ pending: 0, rejected: 0 })
    // What the desk made in demo mode reached the new hub…
    expect(await hasCustomer(real.store.db, demoCustomer)).toBe(true)
    // …and what the new hub held before reached the desk, although its change numbers are lower
    // than where the desk's cursor stood on the demo hub.
    expect((await desk.ok('customers.get', { id: hubCustomer })).lastName).toBe('Agdal')

    const later = (await desk.ok('customers.create', personInput({ lastName: 'Après' }))).customer.id
    expect(await desk.ok('sync.now', {})).toMatchObject({ online: true, pending: 0 })
    expect(await hasCustomer(real.store.db, later)).toBe(true)

    // The local demo hub got the first customer and nothing after the switch.
    await closeSync()
    desk.core.close()
    const local = await openHubStore({ dataDir: localHubDir })
    try {
      expect(await hasCustomer(local.db, demoCustomer)).toBe(true)
      expect(await hasCustomer(local.db, later)).toBe(false)
    } finally {
      await local.close()
    }
  })

  it('uses the hub it was pointed at after a restart, and starts no local hub', async () => {
    const linkStore = new HubLinkStore(linkFile)
    expect(linkStore.load()).toMatchObject({ hubUrl: realHub.url, site: 'Port Sainte Marie' })
    desk = await tempDesk({ deskId: 'C01', dir, hubLinkStore: linkStore })
    closeSync = await connectDesk(desk.core, options(linkStore))
    await desk.login('admin')
    const status = await desk.ok('sync.now', {})
    expect(status).toMatchObject({ mode: 'hub', hubUrl: realHub.url, online: true, pending: 0 })
    expect(existsSync(join(localHubDir, LOCK_FILE))).toBe(false)
  })
})

describe('a desk whose sync cannot start still starts, with sync off until it is enrolled', () => {
  it.each([
    ['its saved hub link is unreadable', 'hub link unreadable'],
    ['its demo hub folder is held by another process', 'local demo hub not started'],
  ])('%s', async (_, logged) => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-hub-demo-off-'))
    const linkStore = new HubLinkStore(join(dir, 'hub-link.json'))
    const held = logged === 'hub link unreadable' ? null : lockFolder(join(dir, LOCAL_HUB_DIR))
    if (!held) writeFileSync(linkStore.file, '{"v":1,"encrypted":"…"}')
    const desk = await tempDesk({ deskId: 'C01', dir, hubLinkStore: linkStore })
    const log: Record<string, unknown>[] = []
    try {
      const close = await connectDesk(desk.core, {
        dataDir: dir,
        deskId: 'C01',
        deskName: 'Guichet',
        linkStore,
        intervalMs: 60_000,
        log: (entry) => log.push(entry),
      })
      await desk.login('admin')
      expect(await desk.ok('sync.status', {})).toMatchObject({ mode: 'none', online: false })
      expect(log).toEqual([expect.objectContaining({ level: 'error', msg: expect.stringContaining(logged) })])
      await close()
    } finally {
      held?.release()
      desk.dispose()
    }
  })
})
