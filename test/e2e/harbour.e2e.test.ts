/**
 * The harbour office, clicked as a counter clerk would: a boat for a customer, an annual contract
 * on a free berth it fits, the contract PDF, the three signature steps, the signed PDF downloaded
 * byte-identical, and the berth plan showing the boat. Screenshots in test-results/e2e/harbour-*.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerInput } from '../../preload/contract'
import { personInput } from '../helpers/customers'
import { type E2eApp, screenshotDir, startE2eApp } from './harness'

let app: E2eApp
let page: Page
let customerId: string
let contractId: string

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })

describe('harbour, as a counter clerk', () => {
  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const saved = app.core.services.customers.create(
      { staffId: null, deskId: 'C01' },
      customerInput.parse(
        personInput({ firstName: 'Aurèle', lastName: 'Kervadec', email: 'a.kervadec@example.org' }),
      ),
    )
    customerId = saved.customer.id
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('marie')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await visible(heading('Capitainerie'))
  })

  afterAll(async () => {
    await app?.close()
  })

  it('adds a boat on the customer page (metres typed, Enter saves)', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/harbour/customers/${customerId}`)
    await visible(heading('Aurèle Kervadec'))
    const panel = page.getByRole('region', { name: 'Bateaux' })
    await visible(panel.getByText('Aucun bateau.'))
    await panel.getByRole('button', { name: 'Ajouter un bateau' }).click()
    const dialog = await visible(page.getByRole('dialog', { name: 'Nouveau bateau' }))
    await dialog.getByLabel('Nom du bateau').fill('Fleur de sel')
    await dialog.getByLabel('Immatriculation').fill('lr 424242')
    await dialog.getByLabel('Longueur (m)').fill('8,5')
    await dialog.getByLabel('Largeur (m)').fill('3,2')
    await dialog.getByLabel('Tirant d’eau (m)').fill('1,5')
    await dialog.getByLabel('Fin d’assurance').fill('2026-03-31')
    await app.screenshot('harbour-01-boat-form')
    await dialog.getByLabel('Tirant d’eau (m)').press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await visible(panel.getByRole('cell', { name: 'Fleur de sel', exact: true }))
    await visible(panel.getByText('LR 424242'))
    await visible(panel.getByText(/Assurance expirée/))
    await app.screenshot('harbour-02-boat-panel')
  })

  it('makes an annual contract on a free berth the boat fits; a bad period is refused at the field', async () => {
    await page
      .getByRole('region', { name: 'Bateaux' })
      .getByRole('link', { name: 'Nouveau contrat' })
      .first()
      .click()
    await visible(heading('Nouveau contrat'))
    const client = page.getByRole('combobox', { name: 'Client' })
    await expect.poll(() => client.inputValue()).toContain('Kervadec')
    await page.getByRole('combobox', { name: 'Bateau' }).click()
    await page.getByRole('option', { name: /Fleur de sel/ }).click()
    const start = await page.getByLabel('Début').inputValue()
    const year = start.slice(0, 4)
    await page.getByRole('combobox', { name: 'Place' }).click()
    const firstBerth = page.getByRole('option').first()
    await visible(firstBerth)
    const berthLabel = (await firstBerth.textContent()) ?? ''
    const berthCode = berthLabel.split(' ')[0]!
    await firstBerth.click()
    await page.getByLabel('Port d’attache').fill('La Rochelle')
    await page.getByLabel('Chèque à la capitainerie').check()
    await visible(page.getByTestId('quote-total').getByText('1 520,00 €'))

    // The end before the start: refused by main, shown under the end date.
    await page.getByLabel('Fin (dernière nuit)').fill(`${Number(year) - 1}-12-31`)
    await page.getByRole('button', { name: 'Créer le contrat' }).click()
    await visible(page.getByText('La fin est avant le début.'))
    await app.screenshot('harbour-03-contract-form-error')
    await page.getByLabel('Fin (dernière nuit)').fill(`${year}-12-31`)
    await app.screenshot('harbour-04-contract-form')
    await page.getByRole('button', { name: 'Créer le contrat' }).click()

    await visible(heading(new RegExp(`^Contrat CT-${year}-C01-\\d{5}$`)))
    contractId = decodeURIComponent(page.url().split('/contracts/')[1]!.split('?')[0]!)
    expect(berthCode).toMatch(/^[A-F]\d{2}$/)
    await visible(page.getByText('À signer').first())
  })

  it('downloads the contract PDF, then signs in the three steps, in order', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le PDF' }).click(),
    ])
    mkdirSync(screenshotDir, { recursive: true })
    const draftPath = join(screenshotDir, 'harbour-contract-draft.pdf')
    await download.saveAs(draftPath)
    expect(readFileSync(draftPath).subarray(0, 5).toString()).toBe('%PDF-')

    const step1 = page.getByRole('checkbox', { name: /^1\. Le client a téléchargé/ })
    const step2 = page.getByRole('checkbox', { name: /^2\. Le client a lu/ })
    const step3 = page.getByRole('checkbox', { name: /^3\. Le client accepte/ })
    await expect.poll(() => step2.isDisabled()).toBe(true)
    // Controlled by the recorded step: it turns checked when the desk answers, not on click.
    await step1.click()
    await expect.poll(() => step1.isChecked()).toBe(true)
    await expect.poll(() => step2.isDisabled()).toBe(false)
    await step2.click()
    await expect.poll(() => step2.isChecked()).toBe(true)
    await expect.poll(() => step3.isDisabled()).toBe(false)
    await step3.click()
    await expect.poll(() => step3.isChecked()).toBe(true)
    await visible(page.getByText(/^Contrat signé le/))
    await visible(page.getByText('Signé', { exact: true }).first())
    await app.screenshot('harbour-05-contract-signed')
  })

  it('downloads the signed PDF again, byte for byte the archived one', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Contrat signé (PDF)' }).click(),
    ])
    const path = join(screenshotDir, 'harbour-contract-signed.pdf')
    await download.saveAs(path)
    const archived = app.core.services.harbour.services.contracts.signedPdf(contractId)
    expect(readFileSync(path).equals(Buffer.from(archived.base64, 'base64'))).toBe(true)
  })

  it('shows the boat on the berth plan, and who is there on click', async () => {
    const contract = app.core.services.harbour.services.contracts.get(contractId)
    await page.goto(
      `${new URL(page.url()).origin}/#/harbour/berths?date=${contract.startDate.slice(0, 4)}-05-01`,
    )
    await visible(heading('Plan des places'))
    const cell = page.getByRole('button', { name: `Place ${contract.berthCode} : Contrat, Fleur de sel` })
    await visible(cell)
    await visible(page.getByRole('list', { name: 'Légende' }).getByText('Hors service'))
    await app.screenshot('harbour-06-berth-plan')
    await cell.click()
    const drawer = await visible(page.getByRole('dialog', { name: `Place ${contract.berthCode}` }))
    await visible(drawer.getByText('Aurèle Kervadec'))
    await visible(drawer.getByText(contract.contractNumber))
    await app.screenshot('harbour-07-berth-drawer')
    await page.keyboard.press('Escape')
    // The demo marina in late November 2026: contracts, winter seasonals, visitors on pontoon F.
    await page.goto(`${new URL(page.url()).origin}/#/harbour/berths?date=2026-11-22`)
    await visible(page.getByRole('button', { name: /^Place F\d{2} : Visiteur/ }).first())
    await app.screenshot('harbour-08-berth-plan-demo')
  })
})
