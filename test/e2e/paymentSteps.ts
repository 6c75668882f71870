/**
 * Steps shared by the payments e2e tests (CMI card, FATOURATI/AmanPay references, transfer
 * proofs): a desk in Chromium with a hub and its bank sandboxes beside it (as in demo mode), the
 * clerk's clicks (log in, find a customer, ask for a payment, sync now), the customer's or
 * tester's side on the sandbox pages, and the PDFs the desk hands out, rendered to PNG to be
 * looked at. Screenshots and PDFs go to test-results/e2e.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import { DEMO_PAYMENTS_CONFIG } from '../../hub/payments/sandbox/demoConfig'
import type { SandboxLogEntry } from '../../hub/payments/sandbox/sandboxes'
import { type RunningHub, startHub } from '../../hub/server'
import { DEMO_BILLERS } from '../../main/demo/seedPayments'
import type { HarbourIssuer } from '../../main/modules/harbour/harbourIssuer'
import { keepInvoiceIssuer } from '../../main/modules/invoicing/invoiceIssuers'
import { httpTransport } from '../../main/sync/hubTransport'
import { customerInput } from '../../preload/contract'
import { type E2eApp, screenshotDir, startE2eApp } from './harness'

export const PASSWORD = 'guichet-demo'

export interface PaymentsDesk {
  app: E2eApp
  page: Page
  hub: RunningHub
  store: HubStore
  /** The desk's own actor, for arranging data through services before the clicks. */
  actor: { staffId: null; deskId: string }
  close(): Promise<void>
}

/** A desk enrolled with an in-process hub that mounts the bank sandboxes (demo settings). */
export async function startPaymentsDesk(deskId: string): Promise<PaymentsDesk> {
  const app = await startE2eApp({ deskId, seedScale: 0.05 })
  const page = app.page
  await page.emulateMedia({ reducedMotion: 'reduce' })
  // "Copier le lien" writes to the clipboard; the test reads it back as the agent would paste it.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const store = await openHubStore({})
  const hub = await startHub({
    store,
    logLevel: false,
    payments: DEMO_PAYMENTS_CONFIG,
    paymentSandboxes: true,
  })
  const { code } = await createEnrolmentCode(store.db, deskId, 'e2e')
  const { credential } = await enrolDesk(store.db, code, deskId)
  app.core.services.sync.attach('hub', { hubUrl: hub.url, site: 'e2e' }, httpTransport(hub.url, credential))
  return {
    app,
    page,
    hub,
    store,
    actor: { staffId: null, deskId },
    async close() {
      await app.close()
      await hub.close()
      await store.close()
    },
  }
}

/** Today as the desk dates an invoice (the series is chronological: never before the last one). */
export const today = () => new Date().toISOString().slice(0, 10)

/** A customer with an address, made through the customers service. */
export function createCustomer(desk: PaymentsDesk, input: Record<string, unknown>): string {
  return desk.app.core.services.customers.create(desk.actor, customerInput.parse(input)).customer.id
}

/** An issued invoice (amounts in minor units), as invoicing would have made it. */
export function issueInvoice(
  desk: PaymentsDesk,
  input: { customerId: string; label: string; currency: string; netMinor: number; vatMinor: number },
  issuer?: HarbourIssuer,
): { id: string; invoiceNumber: string } {
  const invoice = desk.app.core.services.billing.issueInvoice(
    desk.actor,
    {
      customerId: input.customerId,
      kind: 'service',
      label: input.label,
      issueDate: today(),
      currency: input.currency,
      totalNetMinor: input.netMinor,
      totalVatMinor: input.vatMinor,
    },
    // Issued under its biller, as the demo's bills are: its receipt and slip are headed by it.
    issuer ? { attach: (unit, row) => keepInvoiceIssuer(unit, desk.actor.deskId, row.id, issuer) } : {},
  )
  return { id: invoice.id, invoiceNumber: invoice.invoiceNumber }
}

/** A bill in dirhams of `netMinor` before VAT, with VAT at 20 % on top, issued by `biller`. */
export function madBill(
  desk: PaymentsDesk,
  customerId: string,
  label: string,
  netMinor: number,
  biller: keyof typeof DEMO_BILLERS = 'marocTelecom',
): { id: string; invoiceNumber: string } {
  return issueInvoice(
    desk,
    { customerId, label, currency: 'MAD', netMinor, vatMinor: netMinor / 5 },
    DEMO_BILLERS[biller],
  )
}

/** Settled: the invoice leaves the bills to pay in the payments panel, and nothing is due on it. */
export async function expectPaidOff(
  desk: PaymentsDesk,
  invoice: { id: string; invoiceNumber: string },
): Promise<void> {
  await paymentsPanel(desk.page)
    .getByRole('button', { name: `Demander le paiement ${invoice.invoiceNumber}` })
    .waitFor({ state: 'detached' })
  expect(desk.app.core.services.billing.balance(invoice.id).dueMinor).toBe(0)
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })
export const statusBar = (page: Page) => page.getByRole('status', { name: 'Barre d’état' })
export const paymentsPanel = (page: Page) => page.getByRole('region', { name: 'Paiements', exact: true })
export const requestsTable = (page: Page) => page.getByRole('table', { name: 'Demandes de paiement' })

export async function login(page: Page, username: string): Promise<void> {
  await visible(page.getByRole('button', { name: 'Se connecter' }))
  await page.getByLabel('Identifiant').fill(username)
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
  await visible(statusBar(page))
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Menu de l’utilisateur/ }).click()
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click()
  await visible(page.getByRole('button', { name: 'Se connecter' }))
}

/** Ctrl+K, the customer's name, Enter: the customer's page. */
export async function openCustomer(page: Page, name: string, typed = name.slice(0, 8)): Promise<void> {
  await page.keyboard.press('Control+KeyK')
  const search = await visible(page.getByRole('textbox', { name: 'Recherche globale de clients' }))
  await search.fill(typed)
  await visible(page.getByRole('dialog').getByRole('button', { name: new RegExp(name) }))
  await search.press('Enter')
  await visible(heading(page, name))
  await visible(paymentsPanel(page))
}

/** "Synchroniser maintenant" in the status bar, and wait for the run to end. */
export async function syncNow(page: Page): Promise<void> {
  const button = statusBar(page).getByRole('button', { name: 'Synchroniser maintenant' })
  await button.click()
  await expect.poll(() => button.getAttribute('data-loading'), { timeout: 30_000 }).toBeNull()
}

/**
 * Closes the notifications that piled up (steps run faster than a person reads), then a screenshot:
 * of the window as the clerk sees it, scrolled to `focus` when given (a full-page capture of a long
 * customer page draws the fixed header and status bar in the middle), else of the whole page.
 */
export async function shot(
  app: E2eApp,
  name: string,
  options: { keepNotifications?: boolean; focus?: Locator } = {},
): Promise<string> {
  const page = app.page
  if (!options.keepNotifications) {
    const close = page.locator('.mantine-Notification-root button')
    for (let i = 0; i < 10 && (await close.count()) > 0; i++)
      await close
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined)
  }
  if (!options.focus) return app.screenshot(name)
  await options.focus.scrollIntoViewIfNeeded()
  const file = join(screenshotDir, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}

/** A screenshot of another page (the customer's bank page, the operator's sandbox). */
export async function shotOf(page: Page, name: string): Promise<string> {
  const file = join(screenshotDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** "Demander le paiement" for one invoice, with the method chosen in the form; `beforeSubmit` takes its screenshot. */
export async function askPayment(
  page: Page,
  invoiceNumber: string,
  method: string,
  beforeSubmit?: () => Promise<unknown>,
) {
  await paymentsPanel(page)
    .getByRole('button', { name: `Demander le paiement ${invoiceNumber}` })
    .click()
  const dialog = await visible(
    page.getByRole('dialog', { name: `Demande de paiement — facture ${invoiceNumber}` }),
  )
  const select = dialog.getByLabel('Moyen de paiement').first()
  if ((await select.inputValue()) !== method) {
    await select.click()
    await page.getByRole('option', { name: method, exact: true }).click()
  }
  await expect(select.inputValue()).resolves.toBe(method)
  await beforeSubmit?.()
  await dialog.getByRole('button', { name: 'Créer la demande' }).click()
  await visible(page.getByText('Demande de paiement créée.'))
  await dialog.waitFor({ state: 'detached' })
}

/** The row of the requests table holding this text (a reference, an amount). */
export const requestRow = (page: Page, text: string | RegExp) =>
  requestsTable(page).getByRole('row').filter({ hasText: text })

/** What the desk hands out as a file: clicks the button, saves the download, returns its path. */
export async function download(page: Page, button: Locator, name: string): Promise<string> {
  const event = page.waitForEvent('download')
  await button.click()
  const file = join(screenshotDir, name)
  await (await event).saveAs(file)
  return file
}

/** The PDF's first page as test-results/e2e/<name>.png (pdftoppm), and its text (pdftotext). */
export function renderPdf(pdf: string, name: string): { png: string; text: string } {
  const prefix = join(screenshotDir, name)
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix])
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  return { png: `${prefix}.png`, text }
}

/** The sandboxes' log of notifications sent to the hub and what the hub answered. */
export async function sandboxLog(hub: RunningHub): Promise<SandboxLogEntry[]> {
  return (await (await fetch(`${hub.url}/sandbox/log`)).json()) as SandboxLogEntry[]
}

/** The customer on the bank's hosted page (Monetico or CMI sandbox): card, expiry, CVV, Payer. */
export async function payByCard(
  customer: Page,
  card: string,
  options: { shots?: string; challengeCode?: string } = {},
): Promise<void> {
  await customer.getByLabel('Numéro de carte').waitFor()
  if (options.shots) await shotOf(customer, `${options.shots}-bank-page`)
  await customer.getByLabel('Numéro de carte').fill(card)
  await customer.getByLabel('Date d’expiration (MM/AA)').fill('12/29')
  await customer.getByLabel('Cryptogramme visuel').fill('123')
  await customer.getByRole('button', { name: 'Payer' }).click()
  if (options.challengeCode) {
    await customer.getByLabel('Code de vérification').fill(options.challengeCode)
    if (options.shots) await shotOf(customer, `${options.shots}-3ds`)
    await customer.getByRole('button', { name: 'Valider' }).click()
  }
}

/** A transfer order as the customer's bank prints it, as HTML: made into a PNG or a PDF proof. */
function transferOrderHtml(o: { payer: string; amount: string; reference: string; date: string }): string {
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><body style="font:14px sans-serif;margin:32px;width:560px">
<h1 style="font-size:20px">Banque Atlantique du Maroc — avis d’exécution de virement</h1>
<table style="border-collapse:collapse" cellpadding="6">
<tr><td>Donneur d’ordre</td><td><b>${o.payer}</b></td></tr>
<tr><td>Bénéficiaire</td><td>PORTNET SA — RIB 011 780 0000123456789012 34</td></tr>
<tr><td>Montant</td><td><b>${o.amount}</b></td></tr>
<tr><td>Date d’exécution</td><td>${o.date}</td></tr>
<tr><td>Référence</td><td>${o.reference}</td></tr></table>
<p>Virement exécuté. Document généré pour les tests de Guichet.</p></body></html>`
}

/** The transfer order as a real PNG (a photo or scan of it) and as a real PDF. */
export async function transferOrderFiles(
  browser: Browser,
  o: { payer: string; amount: string; reference: string; date: string },
): Promise<{ png: Buffer; pdf: Buffer }> {
  const page = await browser.newPage({ viewport: { width: 640, height: 360 } })
  try {
    await page.setContent(transferOrderHtml(o))
    const png = await page.screenshot({ type: 'png' })
    const pdf = await page.pdf({ format: 'A5' })
    return { png, pdf }
  } finally {
    await page.close()
  }
}

/** Keeps a copy of a file the test hands the desk, next to the screenshots. */
export function keepFile(name: string, bytes: Buffer): string {
  const file = join(screenshotDir, name)
  writeFileSync(file, bytes)
  return file
}

/** Picks a file in a Mantine FileInput (a button that opens the browser's file chooser). */
export async function chooseFile(
  page: Page,
  input: Locator,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await input.click()
  await (await chooser).setFiles(file)
}

/** The text of the element(s) an input points to with aria-describedby: where Mantine puts its error. */
export async function describedText(page: Page, input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? []
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}
