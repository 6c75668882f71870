/**
 * A PORTNET forfait paid by bank transfer with a proof, clicked as people would: the counter clerk
 * receives the customer's proof (a PNG renamed .pdf is refused at the field, in French: the type
 * is read from the bytes, and the name must agree with it); the supervisor looks at it and rejects it with a reason; the clerk
 * receives a new proof (a real PDF); the supervisor looks at it and validates it, which settles
 * the invoice. The proofs are viewed in the app. Screenshots in test-results/e2e.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chooseFile,
  createCustomer,
  describedText,
  heading,
  keepFile,
  login,
  logout,
  madBill,
  openCustomer,
  type PaymentsDesk,
  paymentsPanel,
  shot,
  startPaymentsDesk,
  today,
  transferOrderFiles,
  visible,
} from './paymentSteps'

const CUSTOMER = 'Sud Transit Maritime SARL'
const FILE_LABEL = 'Preuve (PDF, JPEG ou PNG, 5 Mo au plus)'
const REASON =
  'L’avis montre 3 000,00 DH au lieu de 3 600,00 DH : merci d’envoyer l’avis du virement complet.'
let desk: PaymentsDesk
let page: Page
let invoice: { id: string; invoiceNumber: string }
let firstProof: Buffer
let secondProof: Buffer

const proofsTable = () => paymentsPanel(page).getByRole('table', { name: 'Preuves de virement' })
const reviewQueue = () => page.getByRole('table', { name: 'Virements à valider' })

/** "Preuve de virement" on the invoice's line, the form filled, a file chosen. */
async function openProofForm(file: { name: string; mimeType: string; buffer: Buffer }) {
  await paymentsPanel(page)
    .getByRole('button', { name: `Preuve de virement ${invoice.invoiceNumber}` })
    .click()
  const dialog = await visible(
    page.getByRole('dialog', { name: `Preuve de virement — facture ${invoice.invoiceNumber}` }),
  )
  await expect(dialog.getByLabel('Montant viré').inputValue()).resolves.toBe('3600,00')
  await expect(dialog.getByLabel('Date du virement').inputValue()).resolves.toBe(
    today().split('-').reverse().join('/'),
  )
  await dialog.getByLabel('Référence bancaire').fill('VIR-2026-118204')
  await chooseFile(page, dialog.getByLabel(FILE_LABEL), file)
  await visible(dialog.getByText(file.name))
  return dialog
}

/** The supervisor's queue, from the navigation. */
async function openReviewQueue() {
  await page.getByRole('navigation').getByRole('link', { name: 'Virements à valider' }).first().click()
  await visible(heading(page, 'Virements à valider'))
}

describe('bank transfer with a proof, as a clerk and a supervisor', () => {
  beforeAll(async () => {
    desk = await startPaymentsDesk('C04')
    page = desk.page
    const customerId = createCustomer(desk, {
      kind: 'company',
      companyName: CUSTOMER,
      email: 'finance@sud-transit.example.ma',
      address: { street: '5 rue du Port', postalCode: '90000', city: 'Tanger', country: 'MA' },
    })
    invoice = madBill(desk, customerId, 'Forfait PORTNET Transit 2027', 300000, 'portnet')
    const order = { payer: CUSTOMER, reference: 'VIR-2026-118204', date: today() }
    // The customer first sends a photo of a partial order (wrong amount), then the bank's PDF.
    firstProof = (await transferOrderFiles(desk.app.browser, { ...order, amount: '3 000,00 DH' })).png
    secondProof = (await transferOrderFiles(desk.app.browser, { ...order, amount: '3 600,00 DH' })).pdf
    keepFile('payments-transfer-proof-1.png', firstProof)
    keepFile('payments-transfer-proof-2.pdf', secondProof)
  })

  afterAll(async () => {
    await desk?.close()
  })

  it('refuses a PNG renamed .pdf at the field, in French', async () => {
    await login(page, 'marie')
    await openCustomer(page, CUSTOMER)
    await visible(paymentsPanel(page).getByText('3 600,00 DH'))
    const dialog = await openProofForm({
      name: 'avis-virement.pdf',
      mimeType: 'application/pdf',
      buffer: firstProof,
    })
    await dialog.getByRole('button', { name: 'Enregistrer la preuve' }).click()
    const message = 'Le contenu du fichier ne correspond pas à son extension.'
    await visible(dialog.getByText(message))
    expect(await describedText(page, dialog.getByLabel(FILE_LABEL))).toContain(message)
    await shot(desk.app, 'payments-transfer-01-renamed-png-refused', { focus: dialog })
    expect(desk.app.core.services.payments.transfers.list({ invoiceId: invoice.id }).items).toEqual([])
  })

  it('receives the same image under its real name', async () => {
    const dialog = page.getByRole('dialog')
    await chooseFile(page, dialog.getByLabel(FILE_LABEL), {
      name: 'avis-virement.png',
      mimeType: 'image/png',
      buffer: firstProof,
    })
    await dialog.getByRole('button', { name: 'Enregistrer la preuve' }).click()
    await visible(page.getByText('Preuve enregistrée : un superviseur la validera.'))
    await dialog.waitFor({ state: 'detached' })
    await visible(
      proofsTable().getByRole('row').filter({ hasText: 'avis-virement.png' }).getByText('En attente'),
    )
    await shot(desk.app, 'payments-transfer-02-proof-pending', { focus: paymentsPanel(page) })
  })

  it('the supervisor views the image and rejects it with a reason', async () => {
    await logout(page)
    await login(page, 'claire')
    await openReviewQueue()
    const row = reviewQueue().getByRole('row').filter({ hasText: 'avis-virement.png' })
    await visible(row.getByText('3 600,00 DH', { exact: true }))
    // Whose proof, and what it pays: the customer, their number, the invoice and what is still due.
    const customer = desk.app.core.services.customers.get(
      desk.app.core.services.billing.invoice(invoice.id).customerId,
    )
    await visible(row.getByText(CUSTOMER, { exact: true }))
    await visible(row.getByText(`n° ${customer.customerNumber}`, { exact: true }))
    await visible(row.getByText(invoice.invoiceNumber, { exact: true }))
    await visible(row.getByText('reste dû 3 600,00 DH', { exact: true }))
    await shot(desk.app, 'payments-transfer-03-queue')
    await row.getByRole('button', { name: 'avis-virement.png', exact: true }).click()
    const viewer = await visible(page.getByRole('dialog', { name: 'avis-virement.png' }))
    await visible(viewer.getByText(`${CUSTOMER} · n° ${customer.customerNumber}`))
    await visible(viewer.getByText(`${invoice.invoiceNumber} · reste dû 3 600,00 DH`))
    const image = await visible(viewer.getByRole('img', { name: 'avis-virement.png' }))
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await shot(desk.app, 'payments-transfer-04-view-image', { focus: viewer })
    await page.keyboard.press('Escape')
    await viewer.waitFor({ state: 'detached' })

    await row.getByRole('button', { name: 'Rejeter avis-virement.png' }).click()
    const reject = await visible(page.getByRole('dialog', { name: 'Rejeter la preuve' }))
    await reject.getByLabel('Motif du rejet').fill(REASON)
    await shot(desk.app, 'payments-transfer-05-reject-reason', { focus: reject })
    await reject.getByRole('button', { name: 'Rejeter', exact: true }).click()
    await visible(page.getByText('Preuve rejetée.'))
    // Decided: out of the queue (the demo data may leave other proofs in it).
    await row.waitFor({ state: 'detached' })
    expect(desk.app.core.services.billing.balance(invoice.id).dueMinor).toBe(360000)
  })

  it('the clerk sees the reason and receives a new proof, a real PDF', async () => {
    await logout(page)
    await login(page, 'marie')
    await openCustomer(page, CUSTOMER)
    const rejected = proofsTable().getByRole('row').filter({ hasText: 'avis-virement.png' })
    await visible(rejected.getByText('Rejeté'))
    await visible(rejected.getByText(REASON))
    const dialog = await openProofForm({
      name: 'avis-execution-virement.pdf',
      mimeType: 'application/pdf',
      buffer: secondProof,
    })
    await dialog.getByRole('button', { name: 'Enregistrer la preuve' }).click()
    await visible(page.getByText('Preuve enregistrée : un superviseur la validera.'))
    await visible(
      proofsTable()
        .getByRole('row')
        .filter({ hasText: 'avis-execution-virement.pdf' })
        .getByText('En attente'),
    )
    await shot(desk.app, 'payments-transfer-06-second-proof', { focus: paymentsPanel(page) })
  })

  it('the supervisor views the PDF and validates it: the invoice is settled', async () => {
    await logout(page)
    await login(page, 'claire')
    await openReviewQueue()
    const row = reviewQueue().getByRole('row').filter({ hasText: 'avis-execution-virement.pdf' })
    await row.getByRole('button', { name: 'avis-execution-virement.pdf', exact: true }).click()
    const viewer = await visible(page.getByRole('dialog', { name: 'avis-execution-virement.pdf' }))
    const frame = await visible(viewer.locator('iframe[title="avis-execution-virement.pdf"]'))
    expect(await frame.getAttribute('src')).toMatch(/^blob:/)
    const [proof] = desk.app.core.services.payments.transfers.list({
      invoiceId: invoice.id,
      pending: true,
    }).items
    await visible(viewer.getByText(proof!.sha256))
    // Chromium's PDF viewer draws the page a moment after the frame loads.
    await page.waitForTimeout(1500)
    await shot(desk.app, 'payments-transfer-07-view-pdf', { focus: viewer })
    await page.keyboard.press('Escape')
    await viewer.waitFor({ state: 'detached' })

    await row.getByRole('button', { name: 'Valider avis-execution-virement.pdf' }).click()
    await visible(page.getByText('Virement validé : la facture est réglée.'))
    await row.waitFor({ state: 'detached' })
    expect(desk.app.core.services.billing.balance(invoice.id).dueMinor).toBe(0)

    await openCustomer(page, CUSTOMER)
    await visible(paymentsPanel(page).getByText('Aucune facture à régler.'))
    await visible(
      proofsTable().getByRole('row').filter({ hasText: 'avis-execution-virement.pdf' }).getByText('Validé'),
    )
    await visible(proofsTable().getByRole('row').filter({ hasText: 'avis-virement.png' }).getByText('Rejeté'))
    for (const header of ['Reçue le', 'Facture', 'Fichier', 'Montant', 'État'])
      await visible(proofsTable().getByRole('columnheader', { name: header, exact: true }))
    await shot(desk.app, 'payments-transfer-08-settled', { focus: paymentsPanel(page) })
  })

  it('a decided proof still opens, read-only, from the customer’s payments panel', async () => {
    await proofsTable().getByRole('button', { name: 'Voir avis-virement.png' }).click()
    const viewer = await visible(page.getByRole('dialog', { name: 'avis-virement.png' }))
    await visible(viewer.getByText('Rejeté'))
    await visible(viewer.getByText(REASON))
    const image = await visible(viewer.getByRole('img', { name: 'avis-virement.png' }))
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    // Read-only: nothing to decide any more.
    await expect(viewer.getByRole('button', { name: /Valider|Rejeter/ }).count()).resolves.toBe(0)
    await shot(desk.app, 'payments-transfer-09-decided-proof-viewer', { focus: viewer })
    await page.keyboard.press('Escape')
    await viewer.waitFor({ state: 'detached' })
  })
})
