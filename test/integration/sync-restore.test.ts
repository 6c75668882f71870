/**
 * A hub restored from an older backup, step by step (the simulation does it at random): desks find
 * out, send their archived operations again, pull the feed again from its start, and all converge;
 * an operation that needs a record another desk has not re-sent yet waits (`deferred`). A plain
 * restart, on the other hand, costs nothing: no reset, nothing sent again.
 */
import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { ops } from '../../hub/db/schema'
import { customers } from '../../main/db/schema'
import { httpTransport } from '../../main/sync/hubTransport'
import { SyncEngine, type SyncRunResult } from '../../main/sync/syncEngine'
import { customerData, personInput } from '../helpers/customers'
import { customerDataOf, deskImage, hubImage, hubRows, type SyncDesk, syncDesk } from '../helpers/syncDesk'
import { hubBackends, SimHub } from '../helpers/syncHub'

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => undefined)
  cleanup = []
})

interface Node {
  desk: SyncDesk
  credential: string
  sync(): Promise<SyncRunResult>
}

async function setUp(backend: 'pglite' | 'postgres', deskIds: string[]) {
  const hub = await SimHub.create(backend)
  cleanup.push(() => hub.dispose())
  await hub.start()
  const nodes: Node[] = []
  for (const deskId of deskIds) {
    const desk = await syncDesk(deskId)
    cleanup.push(async () => desk.dispose())
    const credential = await hub.enrol(deskId)
    nodes.push({
      desk,
      credential,
      sync: () => new SyncEngine(desk.core.services.repo, httpTransport(hub.url, credential)).run(),
    })
  }
  return { hub, nodes }
}

function newCustomer(desk: SyncDesk, n: number) {
  return desk.core.services.customers.create(
    desk.actor,
    customerData(personInput({ firstName: `Prénom${n}`, lastName: `Nom${n}`, email: `r${n}@restore.test` })),
  ).customer
}

function invoiceFor(desk: SyncDesk, customerId: string) {
  return desk.core.services.billing.issueInvoice(desk.actor, {
    customerId,
    kind: 'service',
    label: 'Amarrage',
    issueDate: '2026-11-22',
    currency: 'MAD',
    totalNetMinor: 50_000,
    totalVatMinor: 10_000,
  })
}

const outboxStates = (desk: SyncDesk) =>
  desk.core.database.sqlite
    .prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state ORDER BY state')
    .all()

async function expectConverged(hub: SimHub, nodes: Node[]) {
  const images = nodes.map((n) => deskImage(n.desk.core))
  for (const image of images.slice(1)) expect(image).toEqual(images[0])
  expect(await hubImage(hub.db)).toEqual(deskImage(nodes[0]!.desk.core, { forHub: true }))
  for (const { desk } of nodes) {
    const acked = desk.core.database.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE state = 'acked'")
      .get() as { n: number }
    const [held] = await hubRows<{ n: number }>(
      hub.db,
      sql`SELECT count(*)::int AS n FROM ${ops} WHERE desk_id = ${desk.deskId}`,
    )
    expect(held!.n, desk.deskId).toBe(acked.n)
    expect(outboxStates(desk).filter((s) => (s as { state: string }).state !== 'acked')).toEqual([])
  }
}

describe.each(hubBackends())('a hub restored from an older backup (%s)', (backend) => {
  it('desks send their archived operations again and pull the feed again; everything converges', async () => {
    const { hub, nodes } = await setUp(backend, ['R1', 'R2'])
    const [a, b] = nodes as [Node, Node]
    newCustomer(a.desk, 1)
    await a.sync()
    await b.sync()
    await hub.snapshot()

    // After the backup: R1 creates a customer and invoices it; R2 pays that invoice and edits the
    // customer; both edit the first customer's email at once (a conflict record at the hub).
    const later = newCustomer(a.desk, 2)
    const invoice = invoiceFor(a.desk, later.id)
    await a.sync()
    await b.sync()
    b.desk.core.services.billing.recordPayment(b.desk.actor, {
      invoiceId: invoice.id,
      method: 'cash',
      amountMinor: 20_000,
    })
    const first = b.desk.core.database.sqlite
      .prepare('SELECT id FROM customers ORDER BY id LIMIT 1')
      .get() as {
      id: string
    }
    for (const [node, email] of [
      [a, 'a@restore.test'],
      [b, 'b@restore.test'],
    ] as const) {
      const current = node.desk.core.services.repo.db
        .select()
        .from(customers)
        .where(eq(customers.id, first.id))
        .get()!
      node.desk.core.services.customers.update(node.desk.actor, first.id, customerDataOf(current, { email }))
    }
    await b.sync()
    await a.sync()
    await b.sync()
    expect(b.desk.core.database.sqlite.prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({
      n: 1,
    })

    // The disk is lost; the hub comes back from the backup.
    await hub.restore(0)
    await hub.start()

    // R2 first: it finds the hub behind, sends its payment and edit again — they need R1's
    // invoice and customer, which the hub no longer has: deferred, kept pending.
    const r2 = await b.sync()
    expect(r2.reset).toBe(true)
    expect(r2.resent).toBeGreaterThan(0)
    expect(r2.deferred).toBeGreaterThan(0)
    expect(outboxStates(b.desk)).toContainEqual({ state: 'pending', n: r2.deferred })
    // ...and its copy of the conflict record, which the restored hub does not have, is gone.
    expect(b.desk.core.database.sqlite.prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({
      n: 0,
    })

    // R1 re-sends what it had; then R2's waiting operations go through.
    const r1 = await a.sync()
    expect(r1.resent).toBeGreaterThan(0)
    for (let round = 0; round < 3; round++) for (const node of nodes) await node.sync()

    await expectConverged(hub, nodes)
    const conflicts = await hubRows<{ field: string }>(
      hub.db,
      sql`SELECT fields->>'field' AS field FROM entities WHERE entity = 'sync_conflict'`,
    )
    expect(conflicts).toEqual([{ field: 'email' }])
    const paid = await hubRows<{ n: number }>(
      hub.db,
      sql`SELECT count(*)::int AS n FROM entities WHERE entity = 'payment'`,
    )
    expect(paid).toEqual([{ n: 1 }])
  }, 120_000)

  it('an operation missing below the highest the hub holds is found and sent again, alone', async () => {
    const { hub, nodes } = await setUp(backend, ['R3'])
    const [a] = nodes as [Node]
    newCustomer(a.desk, 1)
    // The second one is refused at first (a schema the hub does not know yet), the third goes through.
    newCustomer(a.desk, 2)
    a.desk.core.database.sqlite.prepare('UPDATE outbox SET schema_version = 99 WHERE seq = 2').run()
    newCustomer(a.desk, 3)
    const first = await a.sync()
    expect(first.rejected).toBe(1)
    await hub.snapshot()
    // Retried later (the desk was fixed): the hub now holds seq 1, 2 and 3 — the backup, 1 and 3.
    a.desk.core.database.sqlite
      .prepare("UPDATE outbox SET schema_version = 1, state = 'pending' WHERE seq = 2")
      .run()
    expect((await a.sync()).pushed).toBe(1)

    await hub.restore(0)
    await hub.start()
    const after = await a.sync()
    // Nothing above seq 3 is missing, yet seq 2 is: it goes again, and only it.
    expect(after.resent).toBe(1)
    await a.sync()
    await expectConverged(hub, nodes)
  }, 60_000)

  it('a desk that did not pull between the restore and a later restart still pulls everything again', async () => {
    const { hub, nodes } = await setUp(backend, ['R6', 'R7'])
    const [a, b] = nodes as [Node, Node]
    newCustomer(a.desk, 1)
    await a.sync()
    await hub.snapshot()
    newCustomer(a.desk, 2)
    newCustomer(a.desk, 3)
    await a.sync()
    await b.sync()

    await hub.restore(0)
    await hub.start()
    // R6 writes first, then finds the hub behind: its new customer takes the change number right
    // after the backup's last one, where R7's cursor had already gone in the lost timeline.
    newCustomer(a.desk, 4)
    expect((await a.sync()).resent).toBe(2)
    // A restart opens another epoch, starting above R7's cursor; R7 must not trust it.
    await hub.stop()
    await hub.start()
    expect((await b.sync()).reset).toBe(true)
    await a.sync()
    await expectConverged(hub, nodes)
    expect(b.desk.core.database.sqlite.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 4 })
  }, 60_000)

  it('a plain restart changes nothing: no reset, nothing sent again', async () => {
    const { hub, nodes } = await setUp(backend, ['R4', 'R5'])
    for (const [i, node] of nodes.entries()) newCustomer(node.desk, i + 1)
    for (const node of [...nodes, ...nodes]) await node.sync()
    await hub.stop()
    await hub.start()
    for (const node of nodes) {
      const result = await node.sync()
      expect(result).toMatchObject({ reset: false, resent: 0, pulled: 0, pushed: 0 })
    }
    await expectConverged(hub, nodes)
  }, 60_000)
})
