/**
 * Schema versions, with the sync schema set to 3 for this file (the real one is still 1, which has
 * no "previous" to test): the hub accepts operations of versions 3 and 2 (and tells a version-2
 * desk to update), refuses 1 (UPDATE_REQUIRED) and 4 (HUB_TOO_OLD) without writing anything; a desk
 * stops pulling at a change of a newer version and asks to be updated.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { changes } from '../../hub/db/schema'
import { createEnrolmentCode } from '../../hub/enrolment'
import { HUB_SCHEMA_VERSION } from '../../hub/protocol'
import { type RunningHub, startHub } from '../../hub/server'
import { HubLinkStore } from '../../main/sync/hubLinkStore'
import {
  enrolInStore,
  makeOp,
  openTestStore,
  post,
  STORE_KINDS,
  syncTables,
  type TestStore,
} from '../fixtures/hub-harness'
import { personInput } from '../helpers/customers'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

vi.mock('../../hub/protocol', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../hub/protocol')>()
  return { ...actual, SYNC_SCHEMA_VERSION: 3, HUB_SCHEMA_VERSION: 3 }
})

describe.each(STORE_KINDS)('schema versions (%s)', (kind) => {
  let t: TestStore
  let hub: RunningHub
  let credential: string
  const push = (schemaVersion: number, opVersion = schemaVersion) =>
    post(
      `${hub.url}/v1/sync/push`,
      { deskId: 'C01', schemaVersion, ops: [makeOp('C01', { schemaVersion: opVersion })] },
      credential,
    )

  beforeAll(async () => {
    t = await openTestStore(kind)
    hub = await startHub({ store: t.store, logLevel: false })
    credential = await enrolInStore(t.store.db, 'C01')
  })
  afterAll(async () => {
    await hub?.close()
    await t?.dispose()
  })

  it('the hub under test runs version 3 and says it accepts 2 and 3', async () => {
    expect(HUB_SCHEMA_VERSION).toBe(3)
    expect(await (await fetch(`${hub.url}/health`)).json()).toMatchObject({
      schemaVersion: 3,
      acceptedSchemaVersions: [2, 3],
    })
  })

  it('applies the current version, and the previous one while telling that desk to update', async () => {
    const current = await push(3)
    expect(current.body).toMatchObject({ results: [{ status: 'applied' }], updateRequired: false })
    const previous = await push(2)
    expect(previous.body).toMatchObject({ results: [{ status: 'applied' }], updateRequired: true })
  })

  it.each([
    [1, 'UPDATE_REQUIRED', true],
    [4, 'HUB_TOO_OLD', false],
  ] as const)('refuses version %i (%s) and writes nothing', async (version, reason, updateRequired) => {
    const before = await syncTables(t.store.db)
    const response = await push(version)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ results: [{ status: 'rejected', reason }], updateRequired })
    expect(await syncTables(t.store.db)).toEqual(before)
  })

  describe('at the desk', () => {
    let desk: TestDesk
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'guichet-hub-schema-'))
      desk = await tempDesk({
        deskId: 'C02',
        dir,
        hubLinkStore: new HubLinkStore(join(dir, 'hub-link.json')),
      })
      await desk.login('admin')
      const { code } = await createEnrolmentCode(t.store.db, 'C02', 'Agdal')
      await desk.ok('sync.connect', { hubUrl: hub.url, code })
    })
    afterAll(() => desk?.dispose())
    const cursor = () =>
      (
        desk.core.database.sqlite.prepare("SELECT value FROM sync_state WHERE id = 'cursor'").get() as {
          value: string
        }
      ).value

    it('an operation refused as too old waits in the sync issues list, and the desk asks to be updated', async () => {
      await desk.ok('customers.create', personInput({ lastName: 'Ancien' }))
      desk.core.database.sqlite.prepare("UPDATE outbox SET schema_version = 1 WHERE state = 'pending'").run()
      const status = await desk.ok('sync.now', {})
      expect(status).toMatchObject({ updateRequired: true, rejected: 1, pending: 0 })
      const [issue] = await desk.ok('sync.issues', {})
      expect(issue).toMatchObject({ entity: 'customer', reason: 'UPDATE_REQUIRED' })
    })

    it('stops pulling at a change of a newer version, and asks to be updated', async () => {
      const before = Number(cursor())
      await t.store.db.insert(changes).values({
        entity: 'customer',
        entityId: 'from-a-newer-desk',
        kind: 'create',
        fields: { displayName: 'Nouveau', vesselName: 'Arrimage' },
        clocks: {},
        originDesk: 'C09',
        opId: null,
        schemaVersion: 4,
      })
      const status = await desk.ok('sync.now', {})
      expect(status.updateRequired).toBe(true)
      expect(Number(cursor())).toBe(before)
      // And again at the next sync: it never steps over data it does not understand.
      expect((await desk.ok('sync.now', {})).updateRequired).toBe(true)
      expect(Number(cursor())).toBe(before)
    })
  })
})
