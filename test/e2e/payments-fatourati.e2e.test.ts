/**
 * A PORTNET forfait paid by reference, clicked as the counter clerk would: on the customer's page,
 * ask for the invoice by FATOURATI reference, print the slip (PDF, rendered to PNG and read: the
 * reference, the amount, the expiry); the tester pays the reference on the operator's sandbox page
 * (as from a banking app) and, after "Synchroniser maintenant", the invoice is settled with its
 * receipt. Then the same with an AmanPay code (cash at an agency). Screenshots in test-results/e2e.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfDateTime } from '../../main/documents/invoicePdfParts'
import {
  askPayment,
  createCustomer,
  download,
  expectPaidOff,
  login,
  madBill,
  openCustomer,
  type PaymentsDesk,
  paymentsPanel,
  renderPdf,
  requestRow,
  shot,
  shotOf,
  startPaymentsDesk,
  syncNow,
  visible,
} from './paymentSteps'

const CUSTOMER = 'Atlas Transit SARL'
let desk: PaymentsDesk
let page: Page
let forfait: { id: string; invoiceNumber: string }
let extension: { id: string; invoiceNumber: string }

/** The slip's date: `DD/MM/YYYY à HH:MM` in the desk's time zone, as on the receipt. */
const slipDate = (iso: string) => pdfDateTime(iso, desk.app.core.services.billing.timeZone)

/** How long a request may be paid, in ms (its expiry and creation are read a moment apart). */
const validity = (r: { expiresAt: string; createdAt: string }) =>
  Date.parse(r.expiresAt) - Date.parse(r.createdAt)

/** The reference shown in the request's row (what the clerk reads to the customer). */
async function referenceIn(method: string): Promise<string> {
  const cell = requestRow(page, method).getByRole('cell').nth(2)
  return ((await cell.textContent()) ?? '').trim()
}

/** The tester at the operator's counter (sandbox): types the reference, checks what is due, pays. */
async function payAtOperator(gateway: 'fatourati' | 'amanpay', typed: string, amount: string, shots: string) {
  const operator = await desk.app.browser.newPage()
  try {
    await operator.goto(`${desk.hub.url}/sandbox/${gateway}`)
    await operator.getByLabel(gateway === 'fatourati' ? 'Référence FATOURATI' : 'Code AmanPay').fill(typed)
    await operator.getByRole('button', { name: 'Rechercher' }).click()
    await visible(operator.getByText(amount, { exact: true }))
    // The expiry as a French date-time in the operator's zone, not an ISO instant.
    await visible(operator.getByText(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(heure du Maroc\)$/))
    await shotOf(operator, `${shots}-operator-due`)
    await operator.getByRole('button', { name: `Payer ${amount}` }).click()
    await visible(operator.getByText('Paiement effectué.'))
    await shotOf(operator, `${shots}-operator-paid`)
  } finally {
    await operator.close()
  }
}

describe('FATOURATI reference and AmanPay code, as a counter clerk', () => {
  beforeAll(async () => {
    desk = await startPaymentsDesk('C03')
    page = desk.page
    const customerId = createCustomer(desk, {
      kind: 'company',
      companyName: CUSTOMER,
      email: 'compta@atlas-transit.example.ma',
      address: { street: '12 bd Zerktouni', postalCode: '20000', city: 'Casablanca', country: 'MA' },
    })
    forfait = madBill(desk, customerId, 'Forfait PORTNET Import 2027', 500000, 'portnet')
    extension = madBill(desk, customerId, 'Transactions hors forfait', 100000, 'portnet')
  })

  afterAll(async () => {
    await desk?.close()
  })

  it('asks for the forfait by FATOURATI reference', async () => {
    await login(page, 'marie')
    await openCustomer(page, CUSTOMER)
    await visible(paymentsPanel(page).getByText('6 000,00 DH'))
    await askPayment(page, forfait.invoiceNumber, 'Référence FATOURATI', () =>
      shot(desk.app, 'payments-fatourati-01-request-form', { focus: page.getByRole('dialog') }),
    )
    const row = requestRow(page, 'Référence FATOURATI')
    await visible(row.getByText('En attente'))
    expect(await referenceIn('Référence FATOURATI')).toMatch(/^742101\d{10}$/)
    // A reference is paid at an agency or from a banking app: there is no link to copy or send.
    await expect(row.getByRole('button', { name: 'Copier le lien' }).count()).resolves.toBe(0)
    await expect(row.getByText('Lien créé').count()).resolves.toBe(0)
    await shot(desk.app, 'payments-fatourati-02-request-pending', { focus: paymentsPanel(page) })
  })

  it('prints the slip: reference, amount and expiry', async () => {
    const reference = await referenceIn('Référence FATOURATI')
    const pdf = await download(
      page,
      requestRow(page, 'Référence FATOURATI').getByRole('button', { name: 'Imprimer' }),
      'payments-fatourati-03-slip.pdf',
    )
    const { text } = renderPdf(pdf, 'payments-fatourati-03-slip')
    const [request] = desk.app.core.services.payments.requests.ofInvoice(forfait.id)
    expect(Math.abs(validity(request!) - 7 * 24 * 3_600_000)).toBeLessThan(1000)
    const flat = text.replace(/[ \t]+/g, ' ')
    expect(flat).toContain('Paiement par référence FATOURATI')
    // Issued by whoever issues the invoice and the receipt, not by the software.
    expect(flat).toContain('PORTNET S.A.')
    expect(flat).not.toContain('Port Sainte Marie')
    expect(flat).not.toContain('Guichet —')
    expect(flat).toContain(CUSTOMER)
    expect(flat).toContain(forfait.invoiceNumber)
    expect(flat).toMatch(/Montant à payer 6 000,00 DH/)
    expect(flat).toContain(`Valable jusqu’au ${slipDate(request!.expiresAt)}`)
    expect(flat).toContain(reference.replace(/(\d{4})(?=\d)/g, '$1 '))
  })

  it('paid from a banking app (sandbox); after sync the invoice is settled, with its receipt', async () => {
    const reference = await referenceIn('Référence FATOURATI')
    await syncNow(page)
    // Typed as printed on the slip, in groups of four.
    await payAtOperator(
      'fatourati',
      reference.replace(/(\d{4})(?=\d)/g, '$1 '),
      '6 000,00 DH',
      'payments-fatourati-04',
    )
    await syncNow(page)
    const row = requestRow(page, 'Référence FATOURATI')
    await visible(row.getByText('Payé', { exact: true }))
    await expectPaidOff(desk, forfait)
    // Paid: the slip is no longer offered (it would ask again for money); the receipt is.
    await expect(row.getByRole('button', { name: 'Imprimer' }).count()).resolves.toBe(0)
    await shot(desk.app, 'payments-fatourati-05-settled', { focus: paymentsPanel(page) })
    const pdf = await download(
      page,
      row.getByRole('button', { name: 'Reçu' }),
      'payments-fatourati-06-receipt.pdf',
    )
    expect(renderPdf(pdf, 'payments-fatourati-06-receipt').text).toContain(forfait.invoiceNumber)
  })

  it('an AmanPay code: one more click in the same form, paid in cash at an agency', async () => {
    await askPayment(page, extension.invoiceNumber, 'Code AmanPay', () =>
      shot(desk.app, 'payments-amanpay-01-request-form', { focus: page.getByRole('dialog') }),
    )
    await visible(requestRow(page, 'Code AmanPay').getByText('En attente'))
    const code = await referenceIn('Code AmanPay')
    expect(code).toMatch(/^\d{12}$/)
    const pdf = await download(
      page,
      requestRow(page, 'Code AmanPay').getByRole('button', { name: 'Imprimer' }),
      'payments-amanpay-02-slip.pdf',
    )
    const [request] = desk.app.core.services.payments.requests.ofInvoice(extension.id)
    expect(Math.abs(validity(request!) - 3 * 24 * 3_600_000)).toBeLessThan(1000)
    const flat = renderPdf(pdf, 'payments-amanpay-02-slip').text.replace(/[ \t]+/g, ' ')
    expect(flat).toContain('Paiement en espèces par code AmanPay')
    expect(flat).toMatch(/Montant à payer 1 200,00 DH/)
    expect(flat).toContain(`Valable jusqu’au ${slipDate(request!.expiresAt)}`)

    await syncNow(page)
    await payAtOperator('amanpay', code, '1 200,00 DH', 'payments-amanpay-03')
    await syncNow(page)
    await visible(requestRow(page, 'Code AmanPay').getByText('Payé', { exact: true }))
    await visible(paymentsPanel(page).getByText('Aucune facture à régler.'))
    await visible(requestRow(page, 'Code AmanPay').getByRole('button', { name: 'Reçu' }))
    await expect(
      requestRow(page, 'Code AmanPay').getByRole('button', { name: 'Imprimer' }).count(),
    ).resolves.toBe(0)
    expect(desk.app.core.services.billing.balance(extension.id).dueMinor).toBe(0)
    await shot(desk.app, 'payments-amanpay-04-settled', { focus: paymentsPanel(page) })
  })
})
