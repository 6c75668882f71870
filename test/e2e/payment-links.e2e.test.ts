/**
 * Sending a card payment link from the customer's page, by email then by SMS, as an agent would;
 * the customer opens the SMS link (after sync the agent sees it opened), then pays from it; after
 * sync the link shows paid, the receipt is mailed once and downloadable from the panel. Screenshots
 * in test-results/e2e.
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

describe('payment links, as an agent', () => {
  beforeAll(async () => {
    desk = await startPaymentsDesk('C02')
    ;({ app, page } = desk)
    const actor = desk.actor
    const saved = app.core.services.customers.create(
      actor,
      customerInput.parse({
        kind: 'person',
        firstName: 'Yann',
        lastName: 'Le Goff',
        email: 'yann.legoff@example.org',
        phones: [{ type: 'mobile', number: '06 98 76 54 32' }],
        address: { street: '2 rue Saint-Nicolas', postalCode: '17000', city: 'La Rochelle', country: 'FR' },
      }),
    )
    customerId = saved.customer.id
    invoiceId = app.core.services.billing.issueInvoice(actor, {
      customerId,
      kind: 'service',
      label: 'Grutage et stationnement à terre',
      issueDate: '2026-11-22',
      currency: 'EUR',
      totalNetMinor: 35000,
      totalVatMinor: 7000,
    }).id
    app.core.services.payments.requests.create(actor, {
      invoiceId,
      gateway: 'monetico',
      email: 'yann.legoff@example.org',
      idempotencyKey: 'e2e-link-0001',
    })
    await app.core.services.sync.runNow()
  })

  afterAll(async () => {
    await desk?.close()
  })

  it('sends the link by email from the payments panel', async () => {
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('marie')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await visible(page.getByRole('heading', { level: 1, name: 'Capitainerie' }))
    await page.evaluate((id) => {
      window.location.hash = `#/harbour/customers/${id}`
    }, customerId)
    const requests = await visible(page.getByRole('table', { name: 'Demandes de paiement' }))
    await visible(requests.getByText('Lien créé'))
    await requests.getByRole('button', { name: 'Envoyer le lien' }).click()
    const dialog = await visible(page.getByRole('dialog'))
    await expect(dialog.getByLabel('Destinataire').inputValue()).resolves.toBe('yann.legoff@example.org')
    await app.screenshot('payment-links-01-send-email')
    await dialog.getByLabel('Destinataire').press('Enter')
    await visible(page.getByText('Lien envoyé.'))
    await visible(requests.getByText(/^Lien envoyé à yann\.legoff@example\.org le .+$/))
    const sink = (await app.core.services.invoicing.mailer.demoSink())!
    expect((await sink.waitFor('yann.legoff@example.org')).text).toContain('/pay/')
    await app.screenshot('payment-links-02-sent')
  })

  it('a refused number is shown at the field, then the SMS goes to the customer’s mobile', async () => {
    const requests = page.getByRole('table', { name: 'Demandes de paiement' })
    await requests.getByRole('button', { name: 'Envoyer le lien' }).click()
    const dialog = await visible(page.getByRole('dialog'))
    await dialog.getByText('SMS', { exact: true }).click()
    await dialog.getByLabel('Destinataire').fill('+999 1234 5678')
    await dialog.getByLabel('Destinataire').press('Enter')
    await visible(dialog.getByText('L’envoi a échoué', { exact: false }))
    await app.screenshot('payment-links-03-sms-refused')
    await dialog.getByLabel('Destinataire').fill('')
    await dialog.getByLabel('Destinataire').press('Enter')
    await dialog.waitFor({ state: 'detached' })
    const sandbox = (await app.core.services.payments.sms.demoSandbox())!
    expect(sandbox.messages('+33698765432')[0]?.text).toContain('/pay/')
  })

  it('the customer opens the SMS link: after sync the agent sees the link opened, and when', async () => {
    const sandbox = (await app.core.services.payments.sms.demoSandbox())!
    const url = sandbox.messages('+33698765432')[0]!.text.match(/https?:\/\/\S+\/pay\/\w+/)![0]
    const customer = await app.browser.newPage()
    await customer.goto(url)
    // The hub's page posts itself to the bank: the customer is on the card page, and leaves.
    await customer.getByLabel('Numéro de carte').waitFor()
    await customer.close()
    await app.core.services.sync.runNow()
    await page.reload()
    const requests = await visible(page.getByRole('table', { name: 'Demandes de paiement' }))
    // One badge (the request's state), the link's story on one muted line under it.
    await visible(requests.getByText(/^Lien ouvert le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/))
    // Opened again: the same record, counted.
    expect((await fetch(url)).status).toBe(200)
    await app.core.services.sync.runNow()
    await page.reload()
    await visible(page.getByText(/^Lien ouvert le .+ — 2 fois, dernière le .+$/))
    await app.screenshot('payment-links-04-opened')
  })

  it('paid from the SMS link: after sync, paid, receipt mailed once and downloadable', async () => {
    const sandbox = (await app.core.services.payments.sms.demoSandbox())!
    const url = sandbox.messages('+33698765432')[0]!.text.match(/https?:\/\/\S+\/pay\/\w+/)![0]
    const customer = await app.browser.newPage()
    await customer.goto(url)
    await customer.getByLabel('Numéro de carte').fill('4970 1000 0000 0022')
    await customer.getByLabel('Date d’expiration (MM/AA)').fill('12/29')
    await customer.getByLabel('Cryptogramme visuel').fill('123')
    await customer.getByRole('button', { name: 'Payer' }).click()
    await customer.getByText('Paiement reçu, merci.').waitFor()
    await customer.close()
    await app.core.services.sync.runNow()
    expect(await app.core.services.payments.links.mailReceipts()).toBe(1)
    await page.reload()
    const requests = await visible(page.getByRole('table', { name: 'Demandes de paiement' }))
    await visible(requests.getByText('Reçu envoyé par e-mail à yann.legoff@example.org'))
    const download = page.waitForEvent('download')
    await requests.getByRole('button', { name: 'Reçu' }).click()
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/)
    await app.screenshot('payment-links-05-paid-receipt')
  })
})
