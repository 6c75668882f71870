/**
 * A supervisor reconciles: the summary by day, method and desk, then a gateway settlement file —
 * refused row by row when invalid, then compared, every difference on screen.
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerInput } from '../../preload/contract/customers'
import { fillDate } from './dates'
import { type E2eApp, startE2eApp } from './harness'

let app: E2eApp
let page: Page

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

const HEADER = 'date;gateway;reference;authorisation;amount;currency;fee'
const csv = (lines: string[]) => ({
  name: 'cmi-reglements.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from([HEADER, ...lines].join('\n'), 'utf8'),
})

async function chooseFile(file: ReturnType<typeof csv>): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByLabel('Fichier CSV de règlement').click()
  await (await chooser).setFiles(file)
}

describe('reconciliation, as a supervisor', () => {
  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const actor = { staffId: null, deskId: 'C01' }
    const customer = app.core.services.customers.create(
      actor,
      customerInput.parse({
        kind: 'company',
        companyName: 'Atlas Transit SARL',
        address: { street: '12 bd Zerktouni', postalCode: '20000', city: 'Casablanca', country: 'MA' },
      }),
    )
    const billing = app.core.services.billing
    const paid = (reference: string, amountMinor: number, receivedAt: string) => {
      const invoiceId = billing.issueInvoice(actor, {
        customerId: customer.customer.id,
        kind: 'service',
        label: `Forfait ${reference}`,
        issueDate: '2026-11-19',
        currency: 'MAD',
        totalNetMinor: 100000,
        totalVatMinor: 20000,
      }).id
      return billing.recordPayment(actor, {
        invoiceId,
        method: 'card_cmi',
        amountMinor,
        reference,
        receivedAt,
      })
    }
    paid('CMI7Q2K9/482913', 120000, '2026-11-20T09:15:00.000Z')
    paid('CMI8W3M1/482977', 50000, '2026-11-20T10:40:00.000Z')
    paid('CMI9X4N2/483050', 30000, '2026-11-20T11:05:00.000Z')
  })

  afterAll(async () => {
    await app?.close()
  })

  it('logs in and shows payments by day, method and desk', async () => {
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('claire')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await page.getByRole('status', { name: 'Barre d’état' }).waitFor()
    await page.evaluate(() => {
      window.location.hash = '#/harbour/reconciliation'
    })
    await visible(page.getByRole('heading', { level: 1, name: 'Rapprochement des paiements' }))
    await fillDate(page.getByLabel('Du', { exact: true }), '2026-11-20')
    await fillDate(page.getByLabel('Au', { exact: true }), '2026-11-21')
    await page.getByLabel('Au', { exact: true }).press('Enter')
    const table = page.getByRole('table', { name: 'Rapprochement des paiements' })
    await visible(table.getByText('Carte bancaire (CMI)').first())
    expect(await table.textContent()).toMatch(/20\/11\/2026Carte bancaire \(CMI\)C013\s*2\s000,00/)
    await app.screenshot('reconciliation-01-summary')
  })

  it('refuses an invalid file line by line', async () => {
    await chooseFile(
      csv(['2026-11-20;cmi;CMI7Q2K9;482913;1200.00;MAD;18.00', '2026-11-31;visa;CMI0;;dix;MAD;']),
    )
    await page.getByRole('button', { name: 'Importer et comparer' }).click()
    await visible(page.getByText('Fichier refusé, rien n’a été enregistré : corrigez ces lignes.'))
    await visible(page.getByText('Passerelle inconnue (monetico, cmi, fatourati ou amanpay).'))
    await app.screenshot('reconciliation-02-invalid')
  })

  it('compares a settlement file and shows every difference', async () => {
    await chooseFile(
      csv([
        '2026-11-20;cmi;CMI7Q2K9;482913;1200.00;MAD;18.00',
        '2026-11-20;cmi;CMI8W3M1;482977;500.10;MAD;7.50',
        '2026-11-20;cmi;CMI5Z6P0;483101;99.00;MAD;1.50',
      ]),
    )
    await page.getByRole('button', { name: 'Importer et comparer' }).click()
    const differences = await visible(page.getByRole('table', { name: 'Écarts' }))
    await visible(differences.getByText('Montant différent'))
    await visible(differences.getByText('Dans le fichier, absent de Guichet'))
    await visible(differences.getByText('Dans Guichet, absent du fichier'))
    await visible(page.getByText(/1 règlement concorde\./))
    await app.screenshot('reconciliation-03-differences')

    await page.getByRole('button', { name: 'Importer et comparer' }).click()
    await visible(page.getByText(/Ce fichier a déjà été importé le/))
  })
})
