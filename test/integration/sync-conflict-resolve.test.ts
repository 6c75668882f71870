import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import { type RunningHub, startHub } from '../../hub/server'
import { httpTransport } from '../../main/sync/hubTransport'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

describe('resolving a conflict on a name', () => {
  let store: HubStore
  let hub: RunningHub
  const desks: TestDesk[] = []

  beforeAll(async () => {
    store = await openHubStore({})
    hub = await startHub({ store, logLevel: false })
    for (const deskId of ['A1', 'B1']) {
      const desk = await tempDesk({ deskId })
      const { code } = await createEnrolmentCode(store.db, deskId, 'site')
      const { credential } = await enrolDesk(store.db, code, deskId)
      desk.core.services.sync.attach(
        'hub',
        { hubUrl: hub.url, site: 'site' },
        httpTransport(hub.url, credential),
      )
      await desk.login('claire')
      desks.push(desk)
    }
  })

  afterAll(async () => {
    for (const desk of desks) desk.dispose()
    await hub.close()
    await store.close()
  })

  it('keeps the chosen value everywhere and the shown name follows it', async () => {
    const [a, b] = desks as [TestDesk, TestDesk]
    const person = (lastName: string) => ({
      kind: 'person' as const,
      firstName: 'Ana',
      lastName,
      address: { street: '1 quai Duperré', postalCode: '17000', city: 'La Rochelle', country: 'FR' },
    })
    const { customer } = await a.ok('customers.create', person('Lopez'))
    await a.ok('sync.now', {})
    await b.ok('sync.now', {})

    await a.ok('customers.update', { id: customer.id, customer: person('Lopes') })
    await b.ok('customers.update', { id: customer.id, customer: person('López') })
    await a.ok('sync.now', {})
    await b.ok('sync.now', {})
    await a.ok('sync.now', {})

    const [conflict] = await a.ok('conflicts.list', {})
    expect(conflict?.field).toBe('lastName')
    const keep = conflict!.theirs === 'Lopes' ? 'theirs' : 'yours'
    await a.ok('conflicts.resolve', { id: conflict!.id, choice: keep })
    await a.ok('sync.now', {})
    await b.ok('sync.now', {})

    for (const desk of [a, b]) {
      const seen = await desk.ok('customers.get', { id: customer.id })
      expect(seen.lastName).toBe('Lopes')
      expect(seen.displayName).toBe('Ana Lopes')
      expect(await desk.ok('conflicts.list', { status: 'open' })).toHaveLength(0)
    }
    expect((await b.ok('customers.search', { query: 'lopes' })).map((c) => c.id)).toContain(customer.id)
  })
})
