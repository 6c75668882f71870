import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestDesk, tempDesk } from '../helpers/tempCore'
import { issueMarocTelecomBill, keepForEyes, newCustomer, pdfText } from './invoicing-helpers'

describe('an account in two currencies, and bills of another issuer', () => {
  let desk: TestDesk
  let customerId: string
  let eurId: string
  let madId: string
  let harbourName: string
  const actor = { staffId: null, deskId: 'T01' }

  beforeAll(async () => {
    desk = await tempDesk()
    await desk.login('marie')
    await desk.login('claire', 'sup')
    harbourName = desk.core.services.harbour.issuer().name
    customerId = (
      await newCustomer(desk, {
        firstName: 'Youssef',
        lastName: 'Alaoui',
        email: 'y.alaoui@example.ma',
        address: { street: '12 bd Zerktouni', postalCode: '20000', city: 'Casablanca', country: 'MA' },
      })
    ).id
    // The marina's invoice (EUR), issued at the counter.
    eurId = (
      await desk.ok('invoicing.invoices.issueService', {
        customerId,
        lines: [{ label: 'Amarrage passage', quantity: '1', unitPrice: '100', vatRate: '20' }],
      })
    ).id
    // A Maroc Telecom bill (MAD) the desk collects, issued with its biller's identity.
    madId = issueMarocTelecomBill(desk, actor, customerId, 'Facture mobile — octobre 2026', {
      label: 'Forfait mobile 20 Go',
      quantityMilli: 1000,
      unitNetMinor: 23_750,
      vatRateBp: 2000,
    }).id
  })
  afterAll(() => desk.dispose())

  it('the account has one line of totals per currency, none mixed', async () => {
    await desk.ok('invoicing.payments.record', { invoiceId: eurId, method: 'cash', amount: '20' })
    await desk.ok('invoicing.payments.record', { invoiceId: madId, method: 'cash', amount: '100' })
    const account = await desk.ok('invoicing.account', { customerId, limit: 20 })
    expect(account.totals).toEqual([
      { currency: 'EUR', invoicedMinor: 12_000, paidMinor: 2_000, dueMinor: 10_000, invoiceCount: 1 },
      { currency: 'MAD', invoicedMinor: 28_500, paidMinor: 10_000, dueMinor: 18_500, invoiceCount: 1 },
    ])
    // Each row in its own currency.
    expect(Object.fromEntries(account.items.map((i) => [i.id, i.currency]))).toEqual({
      [eurId]: 'EUR',
      [madId]: 'MAD',
    })
  })

  it('a customer without invoices shows one zero line in the harbour’s currency', async () => {
    const empty = await newCustomer(desk, {
      firstName: 'Léa',
      lastName: 'Vide',
      email: 'lea.vide@example.fr',
    })
    const account = await desk.ok('invoicing.account', { customerId: empty.id, limit: 20 })
    expect(account.totals).toEqual([
      { currency: 'EUR', invoicedMinor: 0, paidMinor: 0, dueMinor: 0, invoiceCount: 0 },
    ])
  })

  it('the statement totals each currency apart, and names the client’s country', async () => {
    const statement = await desk.ok('invoicing.statement', {
      customerId,
      from: '2026-01-01',
      to: '2026-12-31',
    })
    keepForEyes('statement-two-currencies.pdf', statement)
    const text = await pdfText(statement)
    for (const expected of [
      'Total facturé (EUR) 120,00 €',
      'Total réglé (EUR) 20,00 €',
      'Solde dû (EUR) 100,00 €',
      'Total facturé (MAD) 285,00 DH',
      'Total réglé (MAD) 100,00 DH',
      'Solde dû (MAD) 185,00 DH',
      'Maroc',
    ]) {
      expect(text).toContain(expected)
    }
    // Never a sum across currencies (120 + 285 = 405; 100 + 185 = 285 is the bill itself).
    expect(text).not.toContain('405,00')
    expect(text).not.toMatch(/\bMA\b/)
  })

  it('a receipt for a bill is headed by the bill’s issuer; a marina receipt by the harbour', async () => {
    const mad = await desk.ok('invoicing.invoices.get', { id: madId })
    const madReceipt = await desk.ok('invoicing.payments.receipt', { id: mad.payments[0]!.id })
    keepForEyes('receipt-mad.pdf', madReceipt)
    const madText = await pdfText(madReceipt)
    expect(madText).toContain('Maroc Telecom')
    expect(madText).toContain('Avenue Annakhil, Hay Riad')
    expect(madText).not.toContain(harbourName)
    expect(madText).toContain('100,00 DH')
    // The client's country is printed by name, in French.
    expect(madText).toContain('Casablanca Maroc')
    expect(madText).not.toMatch(/\bMA\b/)

    const eur = await desk.ok('invoicing.invoices.get', { id: eurId })
    const eurReceipt = await desk.ok('invoicing.payments.receipt', { id: eur.payments[0]!.id })
    keepForEyes('receipt-eur.pdf', eurReceipt)
    const eurText = await pdfText(eurReceipt)
    expect(eurText).toContain(harbourName)
    expect(eurText).not.toContain('Maroc Telecom')
    expect(eurText).toContain('20,00 €')
  })

  it('a gateway payment’s receipt (rendered on first opening) and the bill’s own PDF carry its issuer', async () => {
    const { billing } = desk.core.services
    const payment = billing.recordPayment(actor, {
      invoiceId: madId,
      method: 'card_cmi',
      amountMinor: 5_000,
      reference: 'CMI-123456',
      details: { maskedPan: '555555***4444', authorisation: '654321' },
    })
    const receipt = await desk.ok('invoicing.payments.receipt', { id: payment.id })
    const text = await pdfText(receipt)
    expect(text).toContain('Maroc Telecom')
    expect(text).not.toContain(harbourName)

    const pdf = await pdfText(await desk.ok('invoicing.invoices.pdf', { id: madId }))
    expect(pdf).toContain('Maroc Telecom')
    expect(pdf).not.toContain(harbourName)
  })

  it('invoices issued at the counter record the harbour as their issuer, at issue', async () => {
    const row = desk.core.database.sqlite
      .prepare('SELECT name, identity FROM invoice_issuers WHERE id = ?')
      .get(eurId) as { name: string; identity: string }
    expect(row.name).toBe(harbourName)
    expect(JSON.parse(row.identity)).toMatchObject({ name: harbourName, currency: 'EUR' })
  })

  it('a credit note of a bill is issued by the bill’s issuer', async () => {
    const bill = issueMarocTelecomBill(desk, actor, customerId, 'Facture internet — octobre 2026', {
      label: 'ADSL 20 Méga',
      quantityMilli: 1000,
      unitNetMinor: 8_250,
      vatRateBp: 2000,
    })
    const note = await desk.ok(
      'invoicing.invoices.creditNote',
      { invoiceId: bill.id, reason: 'Facture émise en double' },
      'sup',
    )
    const text = await pdfText(await desk.ok('invoicing.invoices.pdf', { id: note.id }))
    expect(text).toContain('Maroc Telecom')
    expect(text).not.toContain(harbourName)
  })
})
