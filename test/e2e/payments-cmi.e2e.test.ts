/**
 * A telecom agent takes a Maroc Telecom bill by card through CMI (MAD), clicked as a person would:
 * on the customer's page, ask for the bill by card, copy the link for the customer; the customer
 * pays on the CMI sandbox page (served by the hub, as in demo mode) with the 3-D Secure test card
 * and passes the challenge; the bank's callback reaches the hub, which answers ACTION=POSTAUTH;
 * after "Synchroniser maintenant" the desk shows the bill paid and its receipt. Then a declined
 * card: the desk shows it failed and nothing is settled. Screenshots in test-results/e2e.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  askPayment,
  createCustomer,
  download,
  expectPaidOff,
  login,
  madBill,
  openCustomer,
  type PaymentsDesk,
  payByCard,
  paymentsPanel,
  renderPdf,
  requestRow,
  sandboxLog,
  shot,
  shotOf,
  startPaymentsDesk,
  syncNow,
  visible,
} from './paymentSteps'

const CUSTOMER = 'Nadia Benjelloun'
let desk: PaymentsDesk
let page: Page
let mobile: { id: string; invoiceNumber: string }
let internet: { id: string; invoiceNumber: string }

/** The link "Copier le lien" put on the clipboard, as the agent would paste it to the customer. */
async function copyLink(row: ReturnType<typeof requestRow>): Promise<string> {
  await row.getByRole('button', { name: 'Copier le lien' }).click()
  await visible(row.getByRole('button', { name: 'Lien copié' }))
  return page.evaluate(() => navigator.clipboard.readText())
}

describe('CMI card payment with 3-D Secure (MAD), as a telecom agent', () => {
  beforeAll(async () => {
    desk = await startPaymentsDesk('T01')
    page = desk.page
    const customerId = createCustomer(desk, {
      kind: 'person',
      firstName: 'Nadia',
      lastName: 'Benjelloun',
      email: 'nadia.benjelloun@example.ma',
      address: { street: '27 rue Ibn Batouta', postalCode: '20250', city: 'Casablanca', country: 'MA' },
    })
    // The seed's June 2017 bill: 285,00 DH of which VAT (20 %) 47,50; an internet bill of 99,00 DH.
    mobile = madBill(desk, customerId, 'Facture mobile novembre 2026', 23750)
    internet = madBill(desk, customerId, 'Facture internet novembre 2026', 8250)
  })

  afterAll(async () => {
    await desk?.close()
  })

  it('logs in as an agent and finds what the customer owes', async () => {
    await login(page, 'youssef')
    await openCustomer(page, CUSTOMER)
    const open = paymentsPanel(page).getByRole('table', { name: 'Factures à régler' })
    await visible(open.getByRole('row').filter({ hasText: mobile.invoiceNumber }).getByText('285,00 DH'))
    await visible(open.getByRole('row').filter({ hasText: internet.invoiceNumber }).getByText('99,00 DH'))
    await shot(desk.app, 'payments-cmi-01-customer-due', { focus: paymentsPanel(page) })
  })

  it('asks for the mobile bill by card (CMI) and copies the link', async () => {
    await askPayment(page, mobile.invoiceNumber, 'Carte bancaire (CMI)', () =>
      shot(desk.app, 'payments-cmi-02-request-form', { focus: page.getByRole('dialog') }),
    )
    const row = requestRow(page, '285,00 DH')
    await visible(row.getByText('En attente'))
    await visible(row.getByText('Carte bancaire (CMI)'))
    await shot(desk.app, 'payments-cmi-03-request-pending', { focus: paymentsPanel(page) })
  })

  it('the customer pays on the CMI page, passes 3-D Secure; the hub answers ACTION=POSTAUTH', async () => {
    // The request reaches the hub at the next sync: the link works from then on.
    await syncNow(page)
    const link = await copyLink(requestRow(page, '285,00 DH'))
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/[0-9A-Z]{26}$/)
    const customer = await desk.app.browser.newPage()
    try {
      await customer.goto(link)
      await visible(customer.getByRole('heading', { name: 'CMI — paiement sécurisé (bac à sable)' }))
      await visible(customer.getByText('285,00 DH'))
      await payByCard(customer, '4970 1000 0000 0014', {
        challengeCode: '123456',
        shots: 'payments-cmi-04',
      })
      await visible(customer.getByText('Paiement reçu, merci.'))
      await shotOf(customer, 'payments-cmi-05-back-to-shop')
    } finally {
      await customer.close()
    }
    const [entry] = (await sandboxLog(desk.hub)).filter((e) => e.gateway === 'cmi')
    expect(entry).toMatchObject({ outcome: 'paid', answers: ['ACTION=POSTAUTH'] })
  })

  it('after sync the bill is settled, with the masked card and the receipt', async () => {
    await syncNow(page)
    const row = requestRow(page, '285,00 DH')
    await visible(row.getByText('Payé', { exact: true }))
    await visible(row.getByText('497010***0014'))
    // No longer among the bills to pay.
    await expectPaidOff(desk, mobile)
    await shot(desk.app, 'payments-cmi-06-settled', { focus: paymentsPanel(page) })

    const pdf = await download(page, row.getByRole('button', { name: 'Reçu' }), 'payments-cmi-07-receipt.pdf')
    const { text } = renderPdf(pdf, 'payments-cmi-07-receipt')
    expect(text).toContain(CUSTOMER)
    expect(text.replace(/\s+/g, ' ')).toMatch(/285,00/)
    // Headed by the bill's issuer, not by the desk's harbour.
    expect(text).toContain('Maroc Telecom')
    expect(text).not.toContain('Port Sainte Marie')
  })

  it('a declined card: the desk shows it failed, nothing is settled', async () => {
    await askPayment(page, internet.invoiceNumber, 'Carte bancaire (CMI)')
    await syncNow(page)
    const link = await copyLink(requestRow(page, '99,00 DH'))
    const customer = await desk.app.browser.newPage()
    try {
      await customer.goto(link)
      await payByCard(customer, '4970 1000 0000 0006')
      await visible(customer.getByText('Paiement non abouti.'))
      await shotOf(customer, 'payments-cmi-08-declined-back')
    } finally {
      await customer.close()
    }
    const refused = (await sandboxLog(desk.hub)).filter((e) => e.gateway === 'cmi' && e.outcome === 'refused')
    expect(refused).toEqual([expect.objectContaining({ answers: ['APPROVED'] })])

    await syncNow(page)
    const row = requestRow(page, '99,00 DH')
    await visible(row.getByText('Échoué'))
    // One state badge; what else is known (the link opened, the card) on one muted line.
    await expect(row.locator('.mantine-Badge-root').count()).resolves.toBe(1)
    await expect(row.getByText('Échec', { exact: true }).count()).resolves.toBe(0)
    await visible(row.getByText(/^Lien ouvert le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/))
    await expect(row.getByRole('button', { name: 'Reçu' }).count()).resolves.toBe(0)
    const open = paymentsPanel(page).getByRole('table', { name: 'Factures à régler' })
    await visible(open.getByRole('row').filter({ hasText: internet.invoiceNumber }).getByText('99,00 DH'))
    expect(desk.app.core.services.billing.balance(internet.id).dueMinor).toBe(9900)
    await shot(desk.app, 'payments-cmi-09-declined', { focus: paymentsPanel(page) })
  })
})
