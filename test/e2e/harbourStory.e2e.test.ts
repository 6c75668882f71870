/**
 * The seed's story (002), clicked as a counter clerk: a boat for a customer, put on a free berth
 * with an annual contract, printed and signed in three steps; the contract invoice of 1 520,00 €;
 * a cheque of 670,00 € → 850,00 € due on the account; 850,00 € by card terminal → 0,00 €; the
 * statement PDF shows the same totals. Screenshots: test-results/e2e/story-*.png.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addBoat,
  type HarbourClerk,
  heading as headingOn,
  logInAsClerk,
  makeAnnualContract,
  signContract,
  visible,
} from './harbourSteps'
import { type E2eApp, screenshotDir, startE2eApp } from './harness'

let app: E2eApp
let page: Page
let customerId: string
let contractId: string

const heading = (name: string | RegExp) => headingOn(page, name)
const clerk = (): HarbourClerk => ({ app, page, shots: 'story' })
const account = () => page.locator('[aria-labelledby="invoicing-account-title"]')
const money = async (id: string) => (await page.getByTestId(id).textContent())?.replace(/\s/g, ' ')

describe('the seed story: contract, invoice, cheque, card, statement', () => {
  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    await logInAsClerk(page)
  })

  afterAll(async () => {
    await app?.close()
  })

  it('creates the customer (Alt+N, Enter saves)', async () => {
    await page.keyboard.press('Alt+KeyN')
    await visible(heading('Nouveau client'))
    await page.getByLabel('Prénom', { exact: true }).fill('Aurèle')
    await page.getByLabel('Nom', { exact: true }).fill('Kervadec')
    await page.getByLabel('E-mail', { exact: true }).fill('a.kervadec@example.org')
    await page.getByLabel('Téléphone 1', { exact: true }).fill('06 12 48 73 95')
    await page.getByLabel('Adresse', { exact: true }).fill('3 rue de l’Escale')
    await page.getByLabel('Code postal', { exact: true }).fill('17000')
    await page.getByLabel('Ville', { exact: true }).fill('La Rochelle')
    await page.getByLabel('Ville', { exact: true }).press('Enter')
    await visible(heading('Aurèle Kervadec'))
    await visible(page.getByText(/Client C01-\d{6} créé\./))
    customerId = new URL(page.url()).hash.split('/').at(-1) ?? ''
    expect(customerId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  it('adds a boat on the customer page (metres typed, Enter saves)', async () => {
    await addBoat(clerk())
  })

  it('makes an annual contract on a free berth the boat fits; a bad period is refused at the field', async () => {
    contractId = await makeAnnualContract(clerk())
  })

  it('downloads the contract PDF, then signs in the three steps, in order', async () => {
    await signContract(clerk())
  })

  it('issues the contract invoice of 1 520,00 € from the customer account', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/harbour/customers/${customerId}`)
    await visible(heading('Aurèle Kervadec'))
    await account().getByRole('combobox', { name: 'Contrat à facturer' }).click()
    await page.getByRole('option', { name: /Fleur de sel/ }).click()
    await account().getByRole('button', { name: 'Facturer l’échéance suivante' }).click()
    await visible(account().getByRole('button', { name: /^Régler la facture/ }))
    await expect.poll(() => money('account-due')).toBe('1 520,00 €')
    await app.screenshot('story-06-contract-invoiced')
  })

  it('takes a cheque of 670,00 €: the account shows 850,00 € due', async () => {
    await account()
      .getByRole('button', { name: /^Régler la facture/ })
      .click()
    const dialog = await visible(page.getByRole('dialog'))
    await dialog.locator('label', { hasText: 'Chèque' }).click()
    await dialog.getByLabel('Montant').fill('670,00')
    await dialog.getByLabel('N° du chèque').fill('0424242')
    await dialog.getByLabel('Banque').fill('Crédit Maritime')
    await dialog.getByLabel('Tireur').fill('Aurèle Kervadec')
    await dialog.getByLabel('Tireur').press('Enter')
    await visible(dialog.getByText('670,00 € reçus ; reste dû sur la facture : 850,00 €.'))
    await dialog.getByRole('button', { name: 'Fermer' }).click()
    await expect.poll(() => money('account-due')).toBe('850,00 €')
    expect(await money('account-invoiced')).toBe('1 520,00 €')
    expect(await money('account-paid')).toBe('670,00 €')
    await app.screenshot('story-07-account-850-due')
  })

  it('pays 850,00 € on the card terminal (prefilled with the balance): balance 0,00 €', async () => {
    await account()
      .getByRole('button', { name: /^Régler la facture/ })
      .click()
    const dialog = await visible(page.getByRole('dialog'))
    expect(await dialog.getByLabel('Montant').inputValue()).toBe('850,00')
    await dialog.locator('label', { hasText: 'Carte (TPE)' }).click()
    await dialog.getByLabel('N° d’autorisation').fill('A1B2C3')
    await dialog.getByLabel('N° d’autorisation').press('Enter')
    await visible(dialog.getByText('850,00 € reçus ; reste dû sur la facture : 0,00 €.'))
    await dialog.getByRole('button', { name: 'Fermer' }).click()
    await expect.poll(() => money('account-due')).toBe('0,00 €')
    expect(await money('account-paid')).toBe('1 520,00 €')
    await app.screenshot('story-08-account-settled')
  })

  it('the statement PDF shows the same totals', async () => {
    const year = new Date().getFullYear()
    const statement = await app.core.services.invoicing.account.statement({
      customerId,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    })
    const file = join(screenshotDir, 'story-09-statement.pdf')
    writeFileSync(file, Buffer.from(statement.base64, 'base64'))
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      file,
      join(screenshotDir, 'story-09-statement'),
    ])
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    expect(text).toMatch(/Facture de contrat Annuel\s+1 520,00 €\s+1 520,00 €\s+0,00 €/)
    expect(text).toMatch(/Total facturé\s+1 520,00 €/)
    expect(text).toMatch(/Total réglé\s+1 520,00 €/)
    expect(text).toMatch(/Solde dû\s+0,00 €/)
    const invoice = app.core.database.sqlite
      .prepare('SELECT id FROM invoices WHERE contract_id = ?')
      .get(contractId) as { id: string }
    const pdf = await app.core.services.invoicing.invoices.pdf(invoice.id)
    const invoiceFile = join(screenshotDir, 'story-10-invoice.pdf')
    writeFileSync(invoiceFile, Buffer.from(pdf.base64, 'base64'))
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      invoiceFile,
      join(screenshotDir, 'story-10-invoice'),
    ])
    expect(execFileSync('pdftotext', ['-layout', invoiceFile, '-']).toString()).toMatch(
      /Total TTC\s+1 520,00 €/,
    )
  })
})
