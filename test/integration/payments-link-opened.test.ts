/**
 * A payment link opened by the customer: the hub records the opening (GET /pay/:id only — not a
 * HEAD, not a link preview, not the bank's return pages), once per link with a count, and the
 * record reaches the desk by sync like a payment outcome: the link shows `opened`, then `paid`.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import type { HubPaymentsConfig } from '../../hub/payments/config'
import { LINK_OPEN_ENTITY, MAX_COUNTED_OPENINGS, recordOpening } from '../../hub/payments/linkOpenings'
import { type RunningHub, startHub } from '../../hub/server'
import { PaymentBrowser } from '../helpers/paymentBrowser'
import { createMarie, deskAtHub, MONETICO_SANDBOX, serviceInvoice } from '../helpers/paymentsHub'
import type { TestDesk } from '../helpers/tempCore'

const config: HubPaymentsConfig = {
  publicUrl: '',
  monetico: MONETICO_SANDBOX,
}

describe('payment link opened by the customer', () => {
  let store: HubStore
  let hub: RunningHub
  let desk: TestDesk
  let customerId: string

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await store.db.execute(query)) as unknown as { rows: T[] }).rows
  const openings = (requestId: string) =>
    rows<{ fields: { firstOpenedAt: string; lastOpenedAt: string; openCount: number } }>(
      sql`SELECT fields FROM entities WHERE entity = ${LINK_OPEN_ENTITY} AND entity_id = ${requestId}`,
    )
  const feed = (requestId: string) =>
    rows<{ kind: string; fields: Record<string, unknown>; clocks: Record<string, string> }>(
      sql`SELECT kind, fields, clocks FROM changes WHERE entity = ${LINK_OPEN_ENTITY} AND entity_id = ${requestId} ORDER BY hub_seq`,
    )
  const linkOf = async (requestId: string) =>
    (await desk.ok('payments.linksOfCustomer', { customerId })).find((l) => l.requestId === requestId)!

  async function request(grossMinor: number) {
    const inv = serviceInvoice(desk, 'P03', customerId, grossMinor)
    const made = await desk.ok('payments.requestCreate', {
      invoiceId: inv.id,
      gateway: 'monetico',
      email: 'marie@example.org',
      idempotencyKey: `k-${inv.id}`,
    })
    await desk.ok('sync.now', {})
    return made
  }

  beforeAll(async () => {
    store = await openHubStore({})
    hub = await startHub({ store, logLevel: 'silent', payments: config, paymentSandboxes: true })
    desk = await deskAtHub(store.db, hub.url, 'P03')
    customerId = await createMarie(desk)
  })

  afterAll(async () => {
    desk.dispose()
    await hub.close()
    await store.close()
  })

  it('GET twice: one opening record (count 2); previews, HEAD and return pages count nothing; opened then paid on the desk', async () => {
    const req = await request(85000)
    expect(await linkOf(req.id)).toMatchObject({ state: 'created', opened: null })

    // Not the customer opening the page: nothing recorded.
    expect((await fetch(req.payUrl!, { method: 'HEAD' })).status).toBe(200)
    const preview = await fetch(req.payUrl!, {
      headers: { 'user-agent': 'facebookexternalhit/1.1 Facebot Twitterbot/1.0' },
    })
    expect(await preview.text()).toContain('Continuer vers la banque')
    await fetch(`${hub.url}/pay/${req.id}/result?status=ok`)
    await fetch(`${hub.url}/pay/${req.id}/result`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=err',
    })
    expect(await openings(req.id)).toEqual([])

    const first = await fetch(req.payUrl!)
    expect(await first.text()).toContain('Continuer vers la banque')
    const second = await fetch(req.payUrl!)
    expect(second.status).toBe(200)
    const [record] = await openings(req.id)
    expect(record!.fields.openCount).toBe(2)
    expect(record!.fields.lastOpenedAt >= record!.fields.firstOpenedAt).toBe(true)
    expect((await openings(req.id)).length).toBe(1)
    // One record in the feed: created once, then its count and latest opening updated.
    const changes = await feed(req.id)
    expect(changes.map((c) => c.kind)).toEqual(['create', 'update'])
    expect(Object.keys(changes[1]!.fields).sort()).toEqual(['lastOpenedAt', 'openCount', 'updatedAt'])

    expect((await linkOf(req.id)).state).toBe('created') // not before the desk syncs
    await desk.ok('sync.now', {})
    const opened = await linkOf(req.id)
    expect(opened.state).toBe('opened')
    expect(opened.opened).toEqual({
      firstAt: record!.fields.firstOpenedAt,
      lastAt: record!.fields.lastOpenedAt,
      count: 2,
    })
    // Pulled again (idempotent): nothing changes.
    await desk.ok('sync.now', {})
    expect((await linkOf(req.id)).opened?.count).toBe(2)

    const browser = new PaymentBrowser()
    await browser.open(req.payUrl!)
    const back = await browser.payWithCard('4970100000000022')
    expect(back.html).toContain('Paiement reçu')
    await desk.ok('sync.now', {})
    const paid = await linkOf(req.id)
    expect(paid.state).toBe('paid')
    expect(paid.opened?.count).toBe(3)

    // A paid link's page is not an opening any more.
    expect(await (await fetch(req.payUrl!)).text()).toContain('déjà reçu')
    expect((await openings(req.id))[0]!.fields.openCount).toBe(3)
  })

  it('an unknown link records nothing; two openings at the same instant still reach the desk in order', async () => {
    expect((await fetch(`${hub.url}/pay/01JZZZZZZZZZZZZZZZZZZZZZZZ`)).status).toBe(404)
    expect(
      await rows(
        sql`SELECT 1 FROM entities WHERE entity = ${LINK_OPEN_ENTITY} AND entity_id = '01JZZZZZZZZZZZZZZZZZZZZZZZ'`,
      ),
    ).toEqual([])

    const req = await request(12000)
    const at = new Date()
    expect(await recordOpening(store.db, req.id, at)).toBe('first')
    expect(await recordOpening(store.db, req.id, at)).toBe('again')
    const [created, updated] = await feed(req.id)
    expect(updated!.clocks.openCount! > created!.clocks.openCount!).toBe(true)
    await desk.ok('sync.now', {})
    expect((await linkOf(req.id)).opened?.count).toBe(2)
  })

  it('a link reloaded without end stops counting at the cap: the feed does not grow', async () => {
    const req = await request(5000)
    await fetch(req.payUrl!)
    await store.db.execute(
      sql`UPDATE entities SET fields = fields || ${JSON.stringify({ openCount: MAX_COUNTED_OPENINGS })}::jsonb
          WHERE entity = ${LINK_OPEN_ENTITY} AND entity_id = ${req.id}`,
    )
    expect(await recordOpening(store.db, req.id)).toBe('capped')
    expect((await fetch(req.payUrl!)).status).toBe(200)
    expect((await feed(req.id)).length).toBe(1)
  })
})
