/**
 * Bank transfer with proof (PORTNET seed): type checked by content, kept with its SHA-256,
 * rejected with a reason by a supervisor, then a new proof validated — only that settles; the
 * proof, the decisions and the payment reach the hub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import { type RunningHub, startHub } from '../../hub/server'
import { renderPdf, sha256Hex } from '../../main/documents/pdf'
import { httpTransport } from '../../main/sync/hubTransport'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

describe('transfer with proof', () => {
  let store: HubStore
  let hub: RunningHub
  let desk: TestDesk
  let invoiceId: string

  beforeAll(async () => {
    store = await openHubStore({})
    hub = await startHub({ store, logLevel: false })
    desk = await tempDesk({ deskId: 'T02' })
    const { code } = await createEnrolmentCode(store.db, 'T02', 'site')
    const { credential } = await enrolDesk(store.db, code, 'T02')
    desk.core.services.sync.attach(
      'hub',
      { hubUrl: hub.url, site: 'site' },
      httpTransport(hub.url, credential),
    )
    await desk.login('marie', 'counter')
    await desk.login('claire', 'supervisor')
    const { customer } = await desk.ok(
      'customers.create',
      {
        kind: 'company',
        companyName: 'Atlas Transit SARL',
        address: { street: '12 bd Zerktouni', postalCode: '20000', city: 'Casablanca', country: 'MA' },
      },
      'counter',
    )
    invoiceId = desk.core.services.billing.issueInvoice(
      { staffId: null, deskId: 'T02' },
      {
        customerId: customer.id,
        kind: 'service',
        label: 'Forfait PORTNET 2027',
        issueDate: '2026-11-22',
        currency: 'MAD',
        totalNetMinor: 500000,
        totalVatMinor: 100000,
      },
    ).id
  })

  afterAll(async () => {
    desk.dispose()
    await hub.close()
    await store.close()
  })

  const submit = (fileName: string, bytes: Buffer, amountMinor = 600000) =>
    desk.call(
      'payments.transferSubmit',
      {
        invoiceId,
        amountMinor,
        transferDate: '2026-11-20',
        bankReference: 'VIR-2026-1120-77',
        file: { fileName, base64: bytes.toString('base64') },
      },
      'counter',
    )

  it('refuses a file that is not a PDF, JPEG or PNG by its content, whatever its name', async () => {
    const text = await submit('preuve.pdf', Buffer.from('not really a pdf'))
    expect(JSON.stringify(text)).toContain('validation.fileType')
    const over = await submit('preuve.png', PNG, 600001)
    expect(JSON.stringify(over)).toContain('validation.amountOverBalance')
    expect((await desk.ok('payments.transferList', {}, 'counter')).items).toHaveLength(0)
  })

  it('rejected with a reason settles nothing; a new proof validated settles, once', async () => {
    const pdf = await renderPdf({ content: ['Ordre de virement 6 000,00 MAD'] })
    const first = await desk.ok(
      'payments.transferSubmit',
      {
        invoiceId,
        amountMinor: 600000,
        transferDate: '2026-11-20',
        file: { fileName: 'virement.pdf', base64: pdf.bytes.toString('base64') },
      },
      'counter',
    )
    expect(first).toMatchObject({
      status: 'pending',
      mimeType: 'application/pdf',
      sha256: pdf.sha256,
      fileHere: true,
    })
    const file = await desk.ok('payments.transferFile', { id: first.id }, 'counter')
    expect(sha256Hex(Buffer.from(file.base64, 'base64'))).toBe(pdf.sha256)

    // A counter agent may not decide.
    const forbidden = await desk.call(
      'payments.transferReview',
      { proofId: first.id, decision: 'validated' },
      'counter',
    )
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const noReason = await desk.call(
      'payments.transferReview',
      { proofId: first.id, decision: 'rejected' },
      'supervisor',
    )
    expect(JSON.stringify(noReason)).toContain('reason')

    const rejected = await desk.ok(
      'payments.transferReview',
      { proofId: first.id, decision: 'rejected', reason: 'Montant illisible' },
      'supervisor',
    )
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Montant illisible', paymentId: null })
    expect(desk.core.services.billing.balance(invoiceId).dueMinor).toBe(600000)
    const again = await desk.call(
      'payments.transferReview',
      { proofId: first.id, decision: 'validated' },
      'supervisor',
    )
    expect(JSON.stringify(again)).toContain('validation.transferAlreadyReviewed')

    const second = await submit('photo.png', PNG)
    expect(second).toMatchObject({ ok: true })
    const proof = (second as { data: { id: string } }).data
    const queue = (await desk.ok('payments.transferList', { pending: true }, 'supervisor')).items
    expect(queue.map((p) => p.id)).toEqual([proof.id])
    // The supervisor sees whose proof it is and what it pays.
    const invoice = desk.core.services.billing.invoice(invoiceId)
    const customer = desk.core.services.customers.get(invoice.customerId)
    expect(queue[0]).toMatchObject({
      customerName: 'Atlas Transit SARL',
      customerNumber: customer.customerNumber,
      invoiceNumber: invoice.invoiceNumber,
      invoiceDueMinor: 600000,
    })
    const validated = await desk.ok(
      'payments.transferReview',
      { proofId: proof.id, decision: 'validated' },
      'supervisor',
    )
    expect(validated.status).toBe('validated')
    expect(desk.core.services.billing.balance(invoiceId).dueMinor).toBe(0)
    const rows = desk.core.services.repo.sqlite
      .prepare('SELECT method, amount_minor AS a, reference FROM payments WHERE invoice_id = ?')
      .all(invoiceId)
    expect(rows).toEqual([{ method: 'transfer', a: 600000, reference: 'VIR-2026-1120-77' }])

    await desk.ok('sync.now', {}, 'supervisor')
    const held = (await store.db.execute(
      "SELECT entity, count(*)::int AS n FROM entities WHERE entity IN ('transfer_proof', 'transfer_review', 'payment') GROUP BY entity ORDER BY entity" as never,
    )) as unknown as { rows: { entity: string; n: number }[] }
    expect(held.rows).toEqual([
      { entity: 'payment', n: 1 },
      { entity: 'transfer_proof', n: 2 },
      { entity: 'transfer_review', n: 2 },
    ])
    expect(
      (await desk.call('payments.transferList', { pending: true }, 'supervisor')) as unknown,
    ).toMatchObject({ ok: true, data: { items: [] } })
  })
})
