/**
 * The counter's money, clicked as a clerk: a service invoice, counter payments against it (a
 * cheque, then the card terminal), the customer account's totals, the receipt and the statement.
 * Screenshots land in test-results/e2e/invoicing-*.png.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerInput } from '../../preload/contract'
import { counterPaymentInput } from '../../preload/contract/invoicing'
import { type E2eApp, screenshotDir, startE2eApp } from './harness'

let app: E2eApp
let page: Page
let customerId: string
let madInvoiceId: string

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

async function describedText(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? []
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

/** The PDF's text through poppler, and a PNG of its first page next to the screenshots. */
function pdfFacts(base64: string, name: string): string {
  const file = join(screenshotDir, `${name}.pdf`)
  writeFileSync(file, Buffer.from(base64, 'base64'))
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(screenshotDir, name)])
  return execFileSync('pdftotext', ['-layout', file, '-']).toString()
}

const account = () =>
  page
    .getByRole('region', { name: 'Compte client' })
    .or(page.locator('[aria-labelledby="invoicing-account-title"]'))

describe('invoicing at the counter, as a clerk', () => {
  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const actor = { staffId: null, deskId: 'C01' }
    customerId = app.core.services.customers.create(
      actor,
      customerInput.parse({
        kind: 'person',
        title: 'mrs',
        firstName: 'Ombeline',
        lastName: 'Kervarec',
        email: 'ombeline.kervarec@example.org',
        phones: [{ type: 'mobile', number: '06 71 22 33 44' }],
        address: { street: '4 quai Duperré', postalCode: '17000', city: 'La Rochelle', country: 'FR' },
      }),
    ).customer.id
  })
  afterAll(async () => {
    await app?.close()
  })

  it('logs in and opens the customer account', async () => {
    await page.getByLabel('Identifiant').fill('marie')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await visible(page.getByRole('heading', { level: 1, name: 'Capitainerie' }))
    await page.goto(`${page.url().split('#')[0]}#/harbour/customers/${customerId}`)
    await visible(page.getByRole('heading', { level: 1, name: 'Ombeline Kervarec' }))
    await visible(account().getByText('Aucune facture pour ce client.'))
  })

  it('issues a service invoice from the account, refusing bad lines at their field', async () => {
    await account().getByRole('link', { name: 'Nouvelle facture de prestation' }).click()
    await visible(page.getByRole('heading', { level: 1, name: 'Nouvelle facture de prestation' }))
    await page.getByLabel('Libellé', { exact: true }).fill('Facture de contrat Annuel')
    await page.getByLabel('Désignation ligne 1').fill('Amarrage annuel ponton C')
    await page.getByLabel('Prix unitaire HT ligne 1').fill('1266,675')
    await page.getByLabel('Prix unitaire HT ligne 1').press('Enter')
    expect(await describedText(page.getByLabel('Prix unitaire HT ligne 1'))).toContain(
      'Deux décimales au plus.',
    )
    await page.getByLabel('Prix unitaire HT ligne 1').fill('1266,67')
    await visible(page.getByTestId('new-invoice-total').getByText('1 520,00 €'))
    await app.screenshot('invoicing-01-new-service-invoice')
    await page.getByLabel('Prix unitaire HT ligne 1').press('Enter')
    await visible(page.getByRole('heading', { level: 1, name: /^Facture 2026-C01-\d{6}$/ }))
    await visible(page.getByTestId('invoice-due').getByText('1 520,00 €'))
    await app.screenshot('invoicing-02-invoice-detail')
  })

  it('takes a cheque of 670,00 € (the cheque number is required at its field), then 850,00 € by card', async () => {
    await page.getByRole('button', { name: 'Régler' }).click()
    const dialog = page.getByRole('dialog')
    await visible(dialog.getByText('Reste dû : 1 520,00 €'))
    expect(await dialog.getByLabel('Montant').inputValue()).toBe('1520,00')
    await dialog.locator('label', { hasText: 'Chèque' }).click()
    await dialog.getByLabel('Montant').fill('670')
    await dialog.getByLabel('Banque').fill('Crédit Maritime')
    await dialog.getByLabel('Tireur').fill('Ombeline Kervarec')
    await dialog.getByLabel('Banque').press('Enter')
    expect(await describedText(dialog.getByLabel('N° du chèque'))).toContain('Numéro de chèque obligatoire')
    await app.screenshot('invoicing-03-cheque-without-number')
    await dialog.getByLabel('N° du chèque').fill('0456123')
    await dialog.getByLabel('Montant').fill('1600')
    await dialog.getByLabel('Montant').press('Enter')
    await visible(dialog.getByText('Le montant dépasse le reste dû.'))
    await dialog.getByLabel('Montant').fill('670,00')
    await dialog.getByLabel('Montant').press('Enter')
    await visible(dialog.getByText('670,00 € reçus ; reste dû sur la facture : 850,00 €.'))
    await app.screenshot('invoicing-04-cheque-recorded')
    await dialog.getByRole('button', { name: 'Fermer' }).click()
    await visible(page.getByTestId('invoice-due').getByText('850,00 €'))

    await page.getByRole('button', { name: 'Régler' }).click()
    await visible(dialog.getByText('Reste dû : 850,00 €'))
    await dialog.locator('label', { hasText: 'Carte (TPE)' }).click()
    await dialog.getByLabel('N° d’autorisation').fill('X7K2P9')
    await dialog.getByLabel('N° d’autorisation').press('Enter')
    await visible(dialog.getByText('850,00 € reçus ; reste dû sur la facture : 0,00 €.'))
    await dialog.getByRole('button', { name: 'Reçu' }).click()
    await visible(page.getByRole('button', { name: 'Télécharger' }))
    await app.screenshot('invoicing-05-receipt')
    await page.getByRole('button', { name: 'Télécharger' }).press('Escape')
  })

  it('the customer account shows 1 520,00 € invoiced, 1 520,00 € paid, 0,00 € due; the statement agrees', async () => {
    await page.goto(`${page.url().split('#')[0]}#/harbour/customers/${customerId}`)
    await visible(page.getByTestId('account-due').getByText('0,00 €'))
    const text = async (id: string) => (await page.getByTestId(id).textContent())?.replace(/\s/g, ' ')
    await expect.poll(() => text('account-invoiced')).toBe('1 520,00 €')
    expect(await text('account-paid')).toBe('1 520,00 €')
    await app.screenshot('invoicing-06-account-settled')

    const year = new Date().getFullYear()
    const statement = await app.core.services.invoicing.account.statement({
      customerId,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    })
    const printed = pdfFacts(statement.base64, 'invoicing-07-statement')
    expect(printed).toMatch(/Total facturé\s+1 520,00 €/)
    expect(printed).toMatch(/Total réglé\s+1 520,00 €/)
    expect(printed).toMatch(/Solde dû\s+0,00 €/)
  })

  it('with a Maroc Telecom bill too, the account shows one line of totals per currency, none mixed', async () => {
    const { billing, invoicing } = app.core.services
    madInvoiceId = billing.issueInvoice(
      { staffId: null, deskId: 'C01' },
      {
        customerId,
        kind: 'service',
        label: 'Facture mobile — octobre 2026',
        issueDate: invoicing.invoices.today(),
        currency: 'MAD',
        totalNetMinor: 0,
        totalVatMinor: 0,
        lines: [
          { label: 'Forfait mobile 20 Go', quantityMilli: 1000, unitNetMinor: 23_750, vatRateBp: 2000 },
        ],
      },
      {
        attach: (unit, row) =>
          invoicing.issuers.keep(unit, row.id, {
            name: 'Maroc Telecom',
            addressLines: ['Avenue Annakhil, Hay Riad', '10100 Rabat', 'Maroc'],
            currency: 'MAD',
            defaultVatRateBp: 2000,
          }),
      },
    ).id
    await page.reload()
    const totals = (name: string) => account().getByLabel(name)
    const eur = await visible(totals('Totaux en EUR'))
    const mad = await visible(totals('Totaux en MAD'))
    const text = async (where: Locator, id: string) =>
      (await where.getByTestId(id).textContent())?.replace(/\s/g, ' ')
    await expect.poll(() => text(mad, 'account-due')).toBe('285,00 DH')
    expect(await text(mad, 'account-invoiced')).toBe('285,00 DH')
    expect(await text(mad, 'account-paid')).toBe('0,00 DH')
    expect(await text(eur, 'account-invoiced')).toBe('1 520,00 €')
    expect(await text(eur, 'account-due')).toBe('0,00 €')
    await app.screenshot('invoicing-08-account-two-currencies')
  })

  it('the cash-up counts the € day only; 100,00 DH taken in cash stands apart as a warning line', async () => {
    await app.core.services.invoicing.payments.record(
      { staffId: null, deskId: 'C01' },
      counterPaymentInput.parse({ invoiceId: madInvoiceId, method: 'cash', amount: '100' }),
    )
    await page.goto(`${page.url().split('#')[0]}#/harbour/cashup`)
    await visible(page.getByRole('heading', { level: 1, name: 'Clôture de caisse' }))
    const total = async () => (await page.getByTestId('cashup-total').textContent())?.replace(/\s/g, ' ')
    await expect.poll(total).toBe('1 520,00 €')
    const other = await visible(page.getByTestId('cashup-other-currency'))
    expect((await other.textContent())?.replace(/\s/g, ' ')).toBe(
      'Hors caisse : 100,00 DH (1 opération) — autre devise, à remettre séparément.',
    )
    await app.screenshot('invoicing-09-cashup-other-currency')
  })
})
