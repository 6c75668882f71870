import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../../main/documents/pdf'
import { type TestDesk, tempDesk } from '../helpers/tempCore'
import { craneAndPower, errorOf, newCustomer, pdfText } from './invoicing-helpers'

describe('invoicing at the counter: service invoices, payments, receipts, credit notes', () => {
  let desk: TestDesk
  let customerId: string
  beforeAll(async () => {
    desk = await tempDesk()
    await desk.login('marie')
    await desk.login('claire', 'sup')
    customerId = (
      await newCustomer(desk, { firstName: 'Anne', lastName: 'Marin', email: 'anne.marin@example.fr' })
    ).id
  })
  afterAll(() => desk.dispose())

  it('issues a service invoice numbered in the desk series, VAT per rate, with its PDF archived', async () => {
    const invoice = await desk.ok('invoicing.invoices.issueService', { customerId, lines: craneAndPower })
    // 2,5 × 80,00 = 200,00 ; 123,456 × 0,27 = 33,33312 → 33,33 ; base 233,33 → VAT 46,666 → 46,67
    expect(invoice).toMatchObject({
      invoiceNumber: '2026-T01-000001',
      issueDate: '2026-11-22',
      kind: 'service',
      label: 'Facture de prestation',
      totalNetMinor: 23_333,
      totalVatMinor: 4_667,
      totalGrossMinor: 28_000,
      dueMinor: 28_000,
      status: 'unpaid',
      vatBreakdown: [{ vatRateBp: 2000, netMinor: 23_333, vatMinor: 4_667 }],
    })
    expect(invoice.lines.map((l) => l.lineNetMinor)).toEqual([20_000, 3_333])

    const pdf = await desk.ok('invoicing.invoices.pdf', { id: invoice.id })
    expect(sha256Hex(Buffer.from(pdf.base64, 'base64'))).toBe(invoice.pdfSha256)
    const again = await desk.ok('invoicing.invoices.pdf', { id: invoice.id })
    expect(again.base64).toBe(pdf.base64)
    const text = await pdfText(pdf)
    const issuer = desk.core.services.harbour.issuer()
    for (const expected of [
      'FACTURE',
      '2026-T01-000001',
      '22/11/2026',
      'Anne Marin',
      'Grutage aller-retour',
      '200,00 €',
      '33,33 €',
      '233,33 €',
      '46,67 €',
      '280,00 €',
      'Indemnité forfaitaire pour frais de recouvrement',
      issuer.name,
    ]) {
      expect(text).toContain(expected)
    }

    const next = await desk.ok('invoicing.invoices.issueService', {
      customerId,
      label: 'Gardiennage',
      lines: [{ label: 'Gardiennage hiver', quantity: '1', unitPrice: '150', vatRate: '20' }],
    })
    expect(next.invoiceNumber).toBe('2026-T01-000002')
  })

  it('refuses bad lines at their field, in French', async () => {
    const result = await desk.call('invoicing.invoices.issueService', {
      customerId,
      lines: [
        { label: '', quantity: '0', unitPrice: '12,345', vatRate: '120' },
        { label: 'Eau', quantity: '1', unitPrice: '-3', vatRate: '20' },
      ],
    })
    const error = errorOf(result)
    expect(error.code).toBe('VALIDATION')
    const byPath = Object.fromEntries((error.details?.fields ?? []).map((f) => [f.path, f.key]))
    expect(byPath).toMatchObject({
      'lines.0.label': 'validation.required',
      'lines.0.quantity': 'validation.quantity',
      'lines.0.unitPrice': 'validation.amountDecimals',
      'lines.0.vatRate': 'validation.vatRate',
      'lines.1.unitPrice': 'validation.amountNotNegative',
    })
    const none = await desk.call('invoicing.invoices.issueService', { customerId, lines: [] })
    expect(errorOf(none).details?.fields?.[0]).toMatchObject({ path: 'lines', key: 'validation.noLines' })
  })

  it('takes counter payments: one invoice each, partial, never above the balance, each with its receipt', async () => {
    const invoice = await desk.ok('invoicing.invoices.issueService', {
      customerId,
      label: 'Facture de contrat Annuel',
      lines: [{ label: 'Amarrage annuel', quantity: '1', unitPrice: '1266,67', vatRate: '20' }],
    })
    expect(invoice.totalGrossMinor).toBe(152_000)

    const over = await desk.call('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'cash',
      amount: '1520,01',
    })
    expect(errorOf(over).details?.fields?.[0]).toMatchObject({
      path: 'amount',
      key: 'validation.amountOverBalance',
    })

    for (const [amount, key] of [
      ['0', 'validation.amountPositive'],
      ['-5', 'validation.amountPositive'],
      ['10,005', 'validation.amountDecimals'],
      ['dix', 'validation.amountFormat'],
    ] as const) {
      const bad = await desk.call('invoicing.payments.record', {
        invoiceId: invoice.id,
        method: 'cash',
        amount,
      })
      expect(errorOf(bad).details?.fields?.[0], amount).toMatchObject({ path: 'amount', key })
    }
    const noCheque = await desk.call('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'cheque',
      amount: '670',
      chequeNumber: '',
      bank: 'Crédit Maritime',
      drawer: 'Anne Marin',
    })
    expect(errorOf(noCheque).details?.fields?.[0]).toMatchObject({
      path: 'chequeNumber',
      key: 'validation.chequeNumber',
    })

    const cheque = await desk.ok('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'cheque',
      amount: '670,00',
      chequeNumber: '1234567',
      bank: 'Crédit Maritime',
      drawer: 'Anne Marin',
    })
    expect(cheque.invoice).toMatchObject({ paidMinor: 67_000, dueMinor: 85_000, status: 'partly_paid' })
    expect(cheque.payment).toMatchObject({ method: 'cheque', reference: '1234567', amountMinor: 67_000 })
    const receipt = await pdfText(await desk.ok('invoicing.payments.receipt', { id: cheque.payment.id }))
    for (const expected of [
      'REÇU DE PAIEMENT',
      invoice.invoiceNumber,
      '670,00 €',
      '850,00 €',
      'Chèque n° 1234567',
    ]) {
      expect(receipt).toContain(expected)
    }

    const cash = await desk.ok('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'cash',
      amount: '50',
      tendered: '100',
    })
    expect(cash.changeMinor).toBe(5_000)
    const tooLittle = await desk.call('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'cash',
      amount: '50',
      tendered: '20',
    })
    expect(errorOf(tooLittle).details?.fields?.[0]).toMatchObject({
      path: 'tendered',
      key: 'validation.tenderedTooLow',
    })

    const card = await desk.ok('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'card_terminal',
      amount: '800',
      authorisation: 'a1b2c3',
    })
    expect(card.invoice).toMatchObject({ dueMinor: 0, status: 'paid' })
    expect(card.payment.reference).toBe('A1B2C3')

    const paid = await desk.call('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'transfer',
      amount: '1',
      reference: 'VIR-2026-001',
      transferDate: '2026-11-20',
    })
    expect(errorOf(paid).details?.fields?.[0]).toMatchObject({
      path: 'invoiceId',
      key: 'validation.invoicePaid',
    })
  })

  it('a supervisor cancels a payment with a reason: a reversal row, the original kept', async () => {
    const invoice = await desk.ok('invoicing.invoices.issueService', {
      customerId,
      lines: [{ label: 'Eau', quantity: '10', unitPrice: '3', vatRate: '20' }],
    })
    const { payment } = await desk.ok('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'transfer',
      amount: '36',
      reference: 'VIR-778',
      transferDate: '2026-11-21',
    })
    const clerk = await desk.call('invoicing.payments.cancel', {
      paymentId: payment.id,
      reason: 'Virement rejeté',
    })
    expect(errorOf(clerk).code).toBe('FORBIDDEN')
    const short = await desk.call('invoicing.payments.cancel', { paymentId: payment.id, reason: 'x' }, 'sup')
    expect(errorOf(short).details?.fields?.[0]).toMatchObject({
      path: 'reason',
      key: 'validation.reasonTooShort',
    })

    const after = await desk.ok(
      'invoicing.payments.cancel',
      { paymentId: payment.id, reason: 'Virement rejeté' },
      'sup',
    )
    expect(after).toMatchObject({ paidMinor: 0, dueMinor: 3_600, status: 'unpaid' })
    expect(after.payments).toHaveLength(2)
    expect(after.payments[0]).toMatchObject({
      id: payment.id,
      amountMinor: 3_600,
      cancelledBy: after.payments[1]!.id,
    })
    expect(after.payments[1]).toMatchObject({
      amountMinor: -3_600,
      reversesId: payment.id,
      reason: 'Virement rejeté',
    })
    const twice = await desk.call(
      'invoicing.payments.cancel',
      { paymentId: payment.id, reason: 'encore' },
      'sup',
    )
    expect(errorOf(twice).details?.fields?.[0]?.key).toBe('validation.paymentAlreadyCancelled')
    const rows = desk.core.database.sqlite
      .prepare('SELECT count(*) AS n FROM payments WHERE invoice_id = ?')
      .get(invoice.id)
    expect(rows).toEqual({ n: 2 })
  })

  it('a supervisor credits an invoice: a credit note with its own number, then no payment is taken on it', async () => {
    const invoice = await desk.ok('invoicing.invoices.issueService', {
      customerId,
      lines: [
        { label: 'Grutage', quantity: '1', unitPrice: '120', vatRate: '20' },
        { label: 'Taxe de séjour', quantity: '2', unitPrice: '0,88', vatRate: '0' },
      ],
    })
    expect(
      errorOf(
        await desk.call('invoicing.invoices.creditNote', {
          invoiceId: invoice.id,
          reason: 'Erreur de tarif',
        }),
      ).code,
    ).toBe('FORBIDDEN')
    const credit = await desk.ok(
      'invoicing.invoices.creditNote',
      { invoiceId: invoice.id, reason: 'Erreur de tarif' },
      'sup',
    )
    expect(credit).toMatchObject({
      kind: 'credit_note',
      creditedInvoiceId: invoice.id,
      creditedInvoiceNumber: invoice.invoiceNumber,
      totalGrossMinor: -invoice.totalGrossMinor,
      totalVatMinor: -invoice.totalVatMinor,
      status: 'credit_note',
    })
    expect(credit.invoiceNumber).not.toBe(invoice.invoiceNumber)
    const text = await pdfText(await desk.ok('invoicing.invoices.pdf', { id: credit.id }))
    expect(text).toContain('AVOIR')
    expect(text).toContain(`Avoir sur la facture n° ${invoice.invoiceNumber}`)
    expect(text).toContain('-145,76 €')
    const original = await desk.ok('invoicing.invoices.get', { id: invoice.id })
    expect(original).toMatchObject({ status: 'credited', dueMinor: 0, creditNotes: [{ id: credit.id }] })
    const pay = await desk.call('invoicing.payments.record', {
      invoiceId: invoice.id,
      method: 'cash',
      amount: '10',
    })
    expect(errorOf(pay).details?.fields?.[0]?.key).toBe('validation.invoiceCredited')
    const payCredit = await desk.call('invoicing.payments.record', {
      invoiceId: credit.id,
      method: 'cash',
      amount: '10',
    })
    expect(errorOf(payCredit).details?.fields?.[0]?.key).toBe('validation.invoiceIsCreditNote')
    const again = await desk.call(
      'invoicing.invoices.creditNote',
      { invoiceId: invoice.id, reason: 'encore une fois' },
      'sup',
    )
    expect(errorOf(again).details?.fields?.[0]?.key).toBe('validation.invoiceCredited')
  })

  it('issued invoices stay as issued: the database refuses nothing, but no channel edits or deletes them', async () => {
    const names = Object.keys(desk.core.services.invoicing.handlers)
    expect(names.filter((n) => /\.(update|delete|edit)/i.test(n))).toEqual([])
  })

  it('the customer account: totals invoiced − paid = due, per invoice paid and balance, PDF links, keyset pages', async () => {
    const other = await newCustomer(desk, {
      firstName: 'Paul',
      lastName: 'Quai',
      email: 'paul.quai@example.fr',
    })
    const a = await desk.ok('invoicing.invoices.issueService', {
      customerId: other.id,
      label: 'Facture de contrat Annuel',
      lines: [{ label: 'Amarrage annuel', quantity: '1', unitPrice: '1266,67', vatRate: '20' }],
    })
    await desk.ok('invoicing.payments.record', {
      invoiceId: a.id,
      method: 'cheque',
      amount: '670',
      chequeNumber: '7654321',
      bank: 'Banque Populaire',
      drawer: 'Paul Quai',
    })
    const b = await desk.ok('invoicing.invoices.issueService', {
      customerId: other.id,
      lines: [{ label: 'Grutage', quantity: '1', unitPrice: '100', vatRate: '20' }],
    })
    const account = await desk.ok('invoicing.account', { customerId: other.id, limit: 1 })
    expect(account.totals).toEqual([
      {
        currency: 'EUR',
        invoicedMinor: 164_000,
        paidMinor: 67_000,
        dueMinor: 97_000,
        invoiceCount: 2,
      },
    ])
    expect(account.items).toHaveLength(1)
    expect(account.items[0]).toMatchObject({ id: b.id, dueMinor: 12_000 })
    expect(account.pdfs[b.id]).toBeTruthy()
    const second = await desk.ok('invoicing.account', {
      customerId: other.id,
      limit: 1,
      cursor: account.nextCursor!,
    })
    expect(second.items[0]).toMatchObject({
      id: a.id,
      totalGrossMinor: 152_000,
      paidMinor: 67_000,
      dueMinor: 85_000,
    })
    expect(second.nextCursor).toBeNull()

    const statement = await desk.ok('invoicing.statement', {
      customerId: other.id,
      from: '2026-01-01',
      to: '2026-12-31',
    })
    const text = await pdfText(statement)
    for (const expected of [
      'RELEVÉ DE COMPTE',
      a.invoiceNumber,
      b.invoiceNumber,
      '1 640,00 €',
      '670,00 €',
      '970,00 €',
      '850,00 €',
    ]) {
      expect(text).toContain(expected)
    }
    const badPeriod = await desk.call('invoicing.statement', {
      customerId: other.id,
      from: '2026-12-31',
      to: '2026-01-01',
    })
    expect(errorOf(badPeriod).details?.fields?.[0]).toMatchObject({
      path: 'to',
      key: 'validation.periodEndBeforeStart',
    })
  })
})
