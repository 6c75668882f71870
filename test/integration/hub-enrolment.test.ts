/**
 * Desk enrolment through the desk's own channel (`sync.connect`, as the settings screen calls it),
 * against a hub on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { desks } from '../../hub/db/schema'
import { createEnrolmentCode, revokeDesk } from '../../hub/enrolment'
import { type RunningHub, startHub } from '../../hub/server'
import { HubLinkStore } from '../../main/sync/hubLinkStore'
import type { WireResult } from '../../preload/errors'
import {
  closedPort,
  countRows,
  makeOp,
  openTestStore,
  post,
  pushBody,
  STORE_KINDS,
  type TestStore,
} from '../fixtures/hub-harness'
import { personInput } from '../helpers/customers'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

function errorOf(result: WireResult<unknown>) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`)
  return result.error
}

const CODE_REFUSED = { code: 'VALIDATION', fields: [{ path: 'code', key: 'validation.enrolmentRefused' }] }

describe.each(STORE_KINDS)('desk enrolment (%s)', (kind) => {
  let t: TestStore
  let hub: RunningHub
  const desksToDispose: TestDesk[] = []

  /** A desk whose hub link is kept in `<its data folder>/hub-link.json`, logged in as admin. */
  async function newDesk(deskId: string) {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-hub-enrol-'))
    const linkStore = new HubLinkStore(join(dir, 'hub-link.json'))
    const desk = await tempDesk({ deskId, dir, hubLinkStore: linkStore })
    desksToDispose.push(desk)
    await desk.login('admin')
    return { desk, linkStore }
  }

  beforeAll(async () => {
    t = await openTestStore(kind)
    hub = await startHub({ store: t.store, logLevel: false })
  })
  afterAll(async () => {
    for (const desk of desksToDispose) desk.dispose()
    await hub?.close()
    await t?.dispose()
  })

  it('trades a one-time code for a credential kept in a 0600 file, and syncs with it', async () => {
    const { code } = await createEnrolmentCode(t.store.db, 'C01', 'Port Sainte Marie')
    const { desk, linkStore } = await newDesk('C01')

    const status = await desk.ok('sync.connect', { hubUrl: hub.url, code })
    expect(status).toMatchObject({ mode: 'hub', hubUrl: hub.url, site: 'Port Sainte Marie', online: true })

    expect(statSync(linkStore.file).mode & 0o777).toBe(0o600)
    const link = linkStore.load()!
    expect(link).toMatchObject({ hubUrl: hub.url, site: 'Port Sainte Marie' })
    const [deskId, secret] = link.credential.split('.') as [string, string]
    expect(deskId).toBe('C01')
    expect(secret.length).toBeGreaterThanOrEqual(40)
    // The hub keeps only a hash of the secret.
    const [row] = await t.store.db.select().from(desks).where(eq(desks.id, 'C01'))
    expect(row!.credentialHash).toBe(createHash('sha256').update(secret).digest('hex'))
    expect(JSON.stringify(row)).not.toContain(secret)
    // Nothing but the desk's user can read the file, and it holds the link.
    expect(JSON.parse(readFileSync(linkStore.file, 'utf8'))).toEqual({ v: 1, link })

    // The credential works: a customer created at the desk reaches the hub.
    const entitiesBefore = await countRows(t.store.db, 'entities')
    await desk.ok('customers.create', personInput())
    const after = await desk.ok('sync.now', {})
    expect(after).toMatchObject({ online: true, pending: 0, lastError: null })
    expect(await countRows(t.store.db, 'entities')).toBe(entitiesBefore + 1)

    // The code is spent: using it again is refused, at the code field.
    const { desk: again } = await newDesk('C01')
    const reuse = errorOf(await again.call('sync.connect', { hubUrl: hub.url, code }))
    expect(reuse).toMatchObject({ code: 'VALIDATION', details: { fields: CODE_REFUSED.fields } })
  })

  it('refuses a wrong code, a code of another desk and an expired code, at the code field', async () => {
    const { desk, linkStore } = await newDesk('C03')
    const expectRefused = async (code: string) => {
      const error = errorOf(await desk.call('sync.connect', { hubUrl: hub.url, code }))
      expect(error).toMatchObject({ code: 'VALIDATION', details: { fields: CODE_REFUSED.fields } })
    }
    await expectRefused('ABCD-EFGH-JKMN')

    // Bound to its desk: C02's code does not enrol C03 (and is not spent by the attempt).
    const forC02 = await createEnrolmentCode(t.store.db, 'C02', 'Agdal')
    await expectRefused(forC02.code)

    // Expired: created 2 h ago, valid 1 h.
    const expired = await createEnrolmentCode(
      t.store.db,
      'C03',
      'Hay Riad',
      new Date(Date.now() - 7_200_000),
      1,
    )
    await expectRefused(expired.code)

    // Typed in lower case with spaces around, a valid code still works.
    const valid = await createEnrolmentCode(t.store.db, 'C03', 'Hay Riad')
    expect(linkStore.load()).toBeNull()
    const status = await desk.ok('sync.connect', { hubUrl: hub.url, code: ` ${valid.code.toLowerCase()} ` })
    expect(status).toMatchObject({ mode: 'hub', site: 'Hay Riad', online: true })

    // C02's code, untouched by C03's attempt, still enrols C02.
    const { desk: c02 } = await newDesk('C02')
    expect(await c02.ok('sync.connect', { hubUrl: hub.url, code: forC02.code })).toMatchObject({
      online: true,
    })
  })

  it('lets only an administrator enrol the desk', async () => {
    const { code } = await createEnrolmentCode(t.store.db, 'C05', 'Marina')
    const { desk, linkStore } = await newDesk('C05')
    for (const user of ['marie', 'claire']) {
      await desk.login(user, user)
      const error = errorOf(await desk.call('sync.connect', { hubUrl: hub.url, code }, user))
      expect(error.code).toBe('FORBIDDEN')
    }
    expect(errorOf(await desk.call('sync.connect', { hubUrl: hub.url, code }, 'nobody')).code).toBe(
      'UNAUTHENTICATED',
    )
    expect(linkStore.load()).toBeNull()
    // The refused calls did not spend the code.
    expect(await desk.ok('sync.connect', { hubUrl: hub.url, code })).toMatchObject({ mode: 'hub' })
  })

  it('answers OFFLINE when the hub cannot be reached, and keeps no link', async () => {
    const { desk, linkStore } = await newDesk('C06')
    const hubUrl = `http://127.0.0.1:${await closedPort()}`
    const error = errorOf(await desk.call('sync.connect', { hubUrl, code: 'ABCD-EFGH-JKMN' }))
    expect(error).toMatchObject({ code: 'OFFLINE', details: { hubUrl } })
    expect(linkStore.load()).toBeNull()
    expect(await desk.ok('sync.status', {})).toMatchObject({ mode: 'none', online: false })
  })

  it('refuses a revoked desk (403, shown in its status) until it is enrolled again; the old credential is then dead', async () => {
    const { code } = await createEnrolmentCode(t.store.db, 'C07', 'Kénitra')
    const { desk, linkStore } = await newDesk('C07')
    await desk.ok('sync.connect', { hubUrl: hub.url, code })
    const oldCredential = linkStore.load()!.credential

    expect(await revokeDesk(t.store.db, 'C07')).toBe(true)
    await desk.ok('customers.create', personInput({ lastName: 'Révoqué' }))
    const status = await desk.ok('sync.now', {})
    expect(status).toMatchObject({ online: false, pending: 1 })
    expect(status.lastError).toMatch(/403/)
    expect(status.lastError).toMatch(/desk revoked/)
    const push = await post(`${hub.url}/v1/sync/push`, pushBody('C07', [makeOp('C07')]), oldCredential)
    expect(push.status).toBe(403)

    // A new code re-admits it; the operation that waited is then sent.
    const renewed = await createEnrolmentCode(t.store.db, 'C07', 'Kénitra')
    const back = await desk.ok('sync.connect', { hubUrl: hub.url, code: renewed.code })
    expect(back).toMatchObject({ online: true, pending: 0, lastError: null })
    expect(linkStore.load()!.credential).not.toBe(oldCredential)
    const replaced = await post(`${hub.url}/v1/sync/push`, pushBody('C07', [makeOp('C07')]), oldCredential)
    expect(replaced.status).toBe(401)
  })

  it('cancels the unused codes of a revoked desk', async () => {
    const { code } = await createEnrolmentCode(t.store.db, 'C08', 'Salé')
    await revokeDesk(t.store.db, 'C08')
    const { desk } = await newDesk('C08')
    const error = errorOf(await desk.call('sync.connect', { hubUrl: hub.url, code }))
    expect(error).toMatchObject({ code: 'VALIDATION', details: { fields: CODE_REFUSED.fields } })
  })
})
