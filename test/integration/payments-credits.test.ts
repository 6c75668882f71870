/**
 * Customer credits to refund: the hub turns a card payment for an invoice already settled at the
 * counter into a credit, desks pull it, a supervisor refunds it (the whole credit, once), the refund
 * syncs like all money; a counter clerk sees the list but is refused the refund by main itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { processReport } from '../../hub/payments/settle'
import { type RunningHub, startHub } from '../../hub/server'
import { attachToHub, createMarie, serviceInvoice } from '../helpers/paymentsHub'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

const SUP = 'sup'
const CNT = 'cnt'

describe('customer credits: refund by a supervisor, synced', () => {
  let store: HubStore
  let hub: RunningHub
  let a: TestDesk
  let b: TestDesk
  let customerId: string

  /** An invoice paid by card at the hub after it was settled in cash at the counter: all of it a credit. */
  async function creditOf(grossMinor: number): Promise<string> {
    const actor = { staffId: null, deskId: 'P01' }
    const invoice = serviceInvoice(a, actor.deskId, customerId, grossMinor)
    const request = await a.ok(
      'payments.requestCreate',
      { invoiceId: invoice.id, gateway: 'monetico', idempotencyKey: `k-${invoice.id}` },
      SUP,
    )
    a.core.services.billing.recordPayment(actor, {
      invoiceId: invoice.id,
      method: 'cash',
      amountMinor: grossMinor,
    })
    await a.core.services.sync.runNow()
    const verdict = await processReport(store.db, {
      gateway: 'monetico',
      reference: request.reference,
      outcome: 'paid',
      amountMinor: grossMinor,
      currency: 'EUR',
      authorisation: '123456',
      maskedPan: '4970XXXXXXXX0022',
      detail: null,
      test: false,
      fields: { reference: request.reference, code: 'paiement', n: invoice.id },
      remoteAddress: null,
    })
    expect(verdict).toMatchObject({ kind: 'settled', paymentId: null })
    await a.core.services.sync.runNow()
    await b.core.services.sync.runNow()
    return (verdict as { creditId: string }).creditId
  }

  const refundRows = (desk: TestDesk, id: string) =>
    desk.core.database.sqlite.prepare('SELECT * FROM customer_credit_refunds WHERE id = ?').all(id) as Record<
      string,
      unknown
    >[]
  const refundOps = (desk: TestDesk, id: string) =>
    desk.core.database.sqlite
      .prepare("SELECT * FROM outbox WHERE entity = 'customer_credit_refund' AND entity_id = ?")
      .all(id) as { kind: string; fields: string; state: string; result: string | null }[]

  beforeAll(async () => {
    store = await openHubStore({})
    hub = await startHub({ store, logLevel: false })
    a = await tempDesk({ deskId: 'P01' })
    b = await tempDesk({ deskId: 'P02' })
    await attachToHub(store.db, hub.url, a, 'P01')
    await attachToHub(store.db, hub.url, b, 'P02')
    await a.login('claire', SUP)
    await a.login('marie', CNT)
    await b.login('claire', SUP)
    customerId = await createMarie(a, {}, SUP)
  }, 60_000)

  afterAll(async () => {
    a?.dispose()
    b?.dispose()
    await hub?.close()
    await store?.close()
  })

  it('lists the credit for every role, open, with its customer, origin and age', async () => {
    const id = await creditOf(20_000)
    const list = await a.ok('payments.creditList', { status: 'open' }, CNT)
    const credit = list.items.find((c) => c.id === id)
    expect(credit).toMatchObject({
      customerId,
      customerName: 'Marie Durand',
      amountMinor: 20_000,
      currency: 'EUR',
      reason: 'already_settled',
      status: 'open',
      refund: null,
      origin: { gateway: 'monetico', authorisation: '123456' },
    })
    expect(credit!.ageDays).toBeGreaterThanOrEqual(0)
    expect(credit!.invoiceNumber).toMatch(/^2026-P01-/)
    expect((await a.ok('payments.creditList', { status: 'refunded' }, CNT)).items).toEqual([])
    // The customer's page reads the same list, by customer.
    expect((await a.ok('payments.creditList', { customerId }, CNT)).items.map((c) => c.id)).toContain(id)
    expect((await a.ok('payments.customerOverview', { customerId }, CNT)).credits.map((c) => c.id)).toEqual([
      id,
    ])
  })

  it('a counter clerk may not refund: refused by main, in French, nothing written', async () => {
    const [credit] = (await a.ok('payments.creditList', { status: 'open' }, CNT)).items
    const result = await a.call('payments.creditRefund', { creditId: credit!.id, method: 'cash' }, CNT)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Votre rôle ne permet pas cette action.' },
    })
    expect(refundRows(a, credit!.id)).toEqual([])
    expect(refundOps(a, credit!.id)).toEqual([])
  })

  it('a cheque or a transfer needs its reference', async () => {
    const [credit] = (await a.ok('payments.creditList', { status: 'open' }, SUP)).items
    const result = await a.call('payments.creditRefund', { creditId: credit!.id, method: 'cheque' }, SUP)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.stringify(result)).toContain('"path":"reference"')
    expect(refundRows(a, credit!.id)).toEqual([])
  })

  it('a supervisor refunds the whole credit by cheque: one append-only row, audited, in the outbox', async () => {
    const [credit] = (await a.ok('payments.creditList', { status: 'open' }, SUP)).items
    const refunded = await a.ok(
      'payments.creditRefund',
      { creditId: credit!.id, method: 'cheque', reference: '0012345', note: 'Remis en main propre' },
      SUP,
    )
    expect(refunded).toMatchObject({
      id: credit!.id,
      status: 'refunded',
      refund: { method: 'cheque', reference: '0012345', note: 'Remis en main propre', deskId: 'P01' },
    })
    const [row] = refundRows(a, credit!.id)
    // The refund is the credit's amount, in its currency: never typed, never partial.
    expect(row).toMatchObject({
      amount_minor: credit!.amountMinor,
      currency: credit!.currency,
      method: 'cheque',
    })
    const ops = refundOps(a, credit!.id)
    expect(ops).toHaveLength(1)
    expect(ops[0]!.kind).toBe('append')
    expect(JSON.parse(ops[0]!.fields)).toMatchObject({
      amountMinor: credit!.amountMinor,
      currency: 'EUR',
      method: 'cheque',
      reference: '0012345',
      customerId,
    })
    const audit = a.core.database.sqlite
      .prepare(
        "SELECT action, staff_id FROM audit_log WHERE entity = 'customer_credit_refund' AND entity_id = ?",
      )
      .all(credit!.id) as { action: string; staff_id: string | null }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]!.action).toBe('payments.creditRefund')
    expect(audit[0]!.staff_id).not.toBeNull()
    expect((await a.ok('payments.creditList', { status: 'refunded' }, CNT)).items.map((c) => c.id)).toEqual([
      credit!.id,
    ])
    expect((await a.ok('payments.creditList', { status: 'open' }, CNT)).items).toEqual([])
    // The customer's payments panel no longer calls it owed.
    expect((await a.ok('payments.customerOverview', { customerId }, CNT)).credits).toEqual([])
  })

  it('refunding twice is refused at the field; nothing more is written', async () => {
    const [credit] = (await a.ok('payments.creditList', { status: 'refunded' }, SUP)).items
    const again = await a.call(
      'payments.creditRefund',
      { creditId: credit!.id, method: 'transfer', reference: 'VIR-2' },
      SUP,
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.stringify(again)).toContain('validation.creditAlreadyRefunded')
    expect(refundRows(a, credit!.id)).toHaveLength(1)
    expect(refundOps(a, credit!.id)).toHaveLength(1)
  })

  it('syncs: the hub takes the refund and another desk sees the credit refunded', async () => {
    const [credit] = (await a.ok('payments.creditList', { status: 'refunded' }, SUP)).items
    await a.core.services.sync.runNow()
    expect(refundOps(a, credit!.id)[0]!.state).toBe('acked')
    await b.core.services.sync.runNow()
    const seen = (await b.ok('payments.creditList', {}, SUP)).items.find((c) => c.id === credit!.id)
    expect(seen).toMatchObject({ status: 'refunded', refund: { method: 'cheque', deskId: 'P01' } })
    // Pulled from another desk, it is just as refunded here.
    const again = await b.call('payments.creditRefund', { creditId: credit!.id, method: 'cash' }, SUP)
    expect(JSON.stringify(again)).toContain('validation.creditAlreadyRefunded')
  })

  it('two desks refunding the same credit offline: the hub takes the first, refuses the second', async () => {
    const id = await creditOf(5_000)
    await a.ok('payments.creditRefund', { creditId: id, method: 'cash' }, SUP)
    await b.ok('payments.creditRefund', { creditId: id, method: 'transfer', reference: 'VIR-B' }, SUP)
    await a.core.services.sync.runNow()
    await b.core.services.sync.runNow()
    expect(refundOps(a, id)[0]!.state).toBe('acked')
    const [second] = refundOps(b, id)
    expect(second!.state).toBe('rejected')
    const held = (await store.db.execute(
      `SELECT fields FROM entities WHERE entity = 'customer_credit_refund' AND entity_id = '${id}'` as never,
    )) as unknown as { rows: { fields: { deskId: string; method: string } }[] }
    expect(held.rows).toHaveLength(1)
    expect(held.rows[0]!.fields).toMatchObject({ deskId: 'P01', method: 'cash' })
  })
  it('a cash refund is cash out of the day’s cash-up; once the day is closed it is refused at the field', async () => {
    const first = await creditOf(3_000)
    const second = await creditOf(2_000)
    const before = await a.ok('invoicing.cashup.day', {}, SUP)
    await a.ok('payments.creditRefund', { creditId: first, method: 'cash' }, SUP)
    const after = await a.ok('invoicing.cashup.day', {}, SUP)
    // The cash received is unchanged; the refund is its own line, negative, and leaves the till.
    expect(after.byMethod.cash).toEqual(before.byMethod.cash)
    expect(after.byMethod.cash_refund!.count).toBe((before.byMethod.cash_refund?.count ?? 0) + 1)
    expect(after.byMethod.cash_refund!.amountMinor).toBe(
      (before.byMethod.cash_refund?.amountMinor ?? 0) - 3_000,
    )
    expect(after.expectedCashMinor).toBe(before.expectedCashMinor - 3_000)
    expect(after.totalMinor).toBe(before.totalMinor - 3_000)

    const counted = (after.expectedCashMinor / 100).toFixed(2).replace('.', ',')
    const closed = await a.ok('invoicing.cashup.close', { day: after.day, countedCash: counted }, SUP)
    expect(closed.closed).toMatchObject({ differenceMinor: 0 })
    expect(closed.byMethod.cash_refund).toEqual(after.byMethod.cash_refund)
    expect(closed.expectedCashMinor).toBe(after.expectedCashMinor)

    const refused = await a.call('payments.creditRefund', { creditId: second, method: 'cash' }, SUP)
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.stringify(refused)).toContain('"path":"method"')
    expect(JSON.stringify(refused)).toContain('validation.cashRefundDayClosed')
    expect(refundRows(a, second)).toEqual([])
    // Money that does not leave the till is still refunded on a closed day.
    await a.ok('payments.creditRefund', { creditId: second, method: 'transfer', reference: 'VIR-C' }, SUP)
    expect(refundRows(a, second)).toHaveLength(1)
    // The closed day's figures do not move.
    expect((await a.ok('invoicing.cashup.day', { day: after.day }, SUP)).expectedCashMinor).toBe(
      after.expectedCashMinor,
    )
  })
})
