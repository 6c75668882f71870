/**
 * The agent's side of a card payment, clicked as a person would: on the customer's page, ask for
 * an invoice's balance by card (Monetico), open the payment link as the customer would (the
 * sandbox bank page, 3-D Secure challenge), and see the invoice settled after sync. A hub with
 * the sandboxes runs beside the desk, as in demo mode. Screenshots in test-results/e2e.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerInput } from '../../preload/contract'
import type { E2eApp } from './harness'
import { type PaymentsDesk, startPaymentsDesk, visible } from './paymentSteps'

let app: E2eApp
let page: Page
let desk: PaymentsDesk
let customerId: string
let invoiceId: string

describe('payments, as a counter clerk', () => {
  beforeAll(async () => {
    desk = await startPaymentsDesk('C01')
    ;({ app, page } = desk)
    const actor = desk.actor
    const saved = app.core.services.customers.create(
      actor,
      customerInput.parse({
        kind: 'person',
        firstName: 'Hélène',
        lastName: 'Kerbrat',
        email: 'helene.kerbrat@example.org',
        address: { street: '4 quai Valin', postalCode: '17000', city: 'La Rochelle', country: 'FR' },
      }),
    )
    customerId = saved.customer.id
    const invoice = app.core.services.billing.issueInvoice(actor, {
      customerId,
      kind: 'contract',
      label: 'Facture de contrat Annuel',
      issueDate: '2026-11-22',
      currency: 'EUR',
      totalNetMinor: 126667,
      totalVatMinor: 25333,
    })
    invoiceId = invoice.id
    app.core.services.billing.recordPayment(actor, { invoiceId, method: 'cheque', amountMinor: 67000 })
    await app.core.services.sync.runNow()
  })

  afterAll(async () => {
    await desk?.close()
  })

  it('logs in and sees what the customer owes', async () => {
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('marie')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await visible(page.getByRole('heading', { level: 1, name: 'Capitainerie' }))
    await page.evaluate((id) => {
      window.location.hash = `#/harbour/customers/${id}`
    }, customerId)
    const panel = page
      .getByRole('region', { name: 'Paiements' })
      .or(page.locator('[aria-labelledby="payments-panel-title"]'))
    await visible(panel.getByText('850,00 €'))
    await app.screenshot('payments-01-customer-due')
  })

  it('asks for the balance by card (Monetico)', async () => {
    await page
      .getByRole('button', { name: /Demander le paiement/ })
      .first()
      .click()
    await visible(page.getByRole('dialog'))
    await expect(page.getByRole('dialog').getByLabel('Moyen de paiement').first().inputValue()).resolves.toBe(
      'Carte bancaire (Monetico)',
    )
    await app.screenshot('payments-02-request-form')
    await page.getByRole('button', { name: 'Créer la demande' }).click()
    await visible(page.getByText('Demande de paiement créée.'))
    await visible(page.getByRole('table', { name: 'Demandes de paiement' }).getByText('En attente'))
    await app.screenshot('payments-03-request-pending')
  })

  it('the customer pays on the bank page with 3-D Secure; after sync the invoice is settled', async () => {
    await app.core.services.sync.runNow()
    const [request] = app.core.services.payments.requests.ofInvoice(invoiceId)
    expect(request?.payUrl).toContain('/pay/')
    const customer = await app.browser.newPage()
    await customer.goto(request!.payUrl!)
    await customer.getByLabel('Numéro de carte').waitFor()
    await customer.screenshot({ path: 'test-results/e2e/payments-04-bank-page.png', fullPage: true })
    await customer.getByLabel('Numéro de carte').fill('4970 1000 0000 0014')
    await customer.getByLabel('Date d’expiration (MM/AA)').fill('12/29')
    await customer.getByLabel('Cryptogramme visuel').fill('123')
    await customer.getByRole('button', { name: 'Payer' }).click()
    await customer.getByLabel('Code de vérification').fill('123456')
    await customer.screenshot({ path: 'test-results/e2e/payments-05-3ds.png', fullPage: true })
    await customer.getByRole('button', { name: 'Valider' }).click()
    await customer.getByText('Paiement reçu, merci.').waitFor()
    await customer.screenshot({ path: 'test-results/e2e/payments-06-back.png', fullPage: true })
    await customer.close()

    // As the clerk would: sync now from the status bar; the panel reads again.
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click()
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).isEnabled()
    await page.evaluate(() => {
      window.location.hash = '#/harbour'
    })
    await visible(page.getByRole('heading', { level: 1, name: 'Capitainerie' }))
    await page.evaluate((id) => {
      window.location.hash = `#/harbour/customers/${id}`
    }, customerId)
    await visible(page.getByRole('table', { name: 'Demandes de paiement' }).getByText('Payé'))
    await visible(page.getByText('Aucune facture à régler.'))
    expect(app.core.services.billing.balance(invoiceId).dueMinor).toBe(0)
    await app.screenshot('payments-07-settled')
  })
})
