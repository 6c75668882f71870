/**
 * Every area's demo data goes through the hub as it is: a fresh demo desk (customers, fleets,
 * provisioning, fleet desk, harbour, invoicing, payments) pushes its whole history to its local hub
 * with nothing rejected and no conflict. Yes/no fields travel as 1/0 (the hub only takes text,
 * numbers and null), and a record created then changed in the same history is not a conflict.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../main/demo/seedDemo'
import { connectDesk } from '../../main/sync/connectDesk'
import { HubLinkStore } from '../../main/sync/hubLinkStore'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

describe('a demo desk with every area', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-demo-sync-'))
  let desk: TestDesk
  let closeSync: () => Promise<void>

  beforeAll(async () => {
    const linkStore = new HubLinkStore(join(dir, 'hub-link.json'))
    desk = await tempDesk({ deskId: 'D01', dir, hubLinkStore: linkStore, lockAfterMinutes: 0 })
    seedDemoData(desk.core, { scale: 1, seed: 1 })
    closeSync = await connectDesk(desk.core, {
      dataDir: dir,
      deskId: 'D01',
      deskName: 'Guichet démo',
      linkStore,
      intervalMs: 600_000,
    })
    await desk.login('admin')
  }, 240_000)
  afterAll(async () => {
    await closeSync?.()
    desk?.core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('pushes its whole history to the hub: nothing rejected, no conflict', async () => {
    let status = await desk.ok('sync.now', {})
    for (let i = 0; i < 20 && status.pending > 0; i++) status = await desk.ok('sync.now', {})
    const issues = (await desk.ok('sync.issues', {})).slice(0, 5)
    expect(issues.map((i) => `${i.entity}: ${i.message}`)).toEqual([])
    expect(status).toMatchObject({ pending: 0, rejected: 0, openConflicts: 0, lastError: null })
  }, 240_000)
})
