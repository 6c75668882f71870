/**
 * Steps shared by the harbour e2e tests (harbour.e2e, harbourStory.e2e): the clerk logs in, adds
 * a boat on the customer page, makes an annual contract on a free berth and signs it in the three
 * steps. Each test names its screenshots and PDFs with its own prefix (`harbour-…`, `story-…`).
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { fillDate } from './dates'
import { type E2eApp, screenshotDir } from './harness'

/** The desk in Chromium and the prefix of the screenshots the steps take. */
export interface HarbourClerk {
  app: E2eApp
  page: Page
  shots: string
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })

/** Reduced motion, then Marie logs in and lands on the harbour office. */
export async function logInAsClerk(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await visible(page.getByRole('button', { name: 'Se connecter' }))
  await page.getByLabel('Identifiant').fill('marie')
  await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
  await visible(heading(page, 'Capitainerie'))
}

/** On Aurèle Kervadec's page, with no boat yet: adds "Fleur de sel" (metres typed, Enter saves). */
export async function addBoat({ app, page, shots }: HarbourClerk): Promise<void> {
  await visible(heading(page, 'Aurèle Kervadec'))
  const panel = page.getByRole('region', { name: 'Bateaux' })
  await visible(panel.getByText('Aucun bateau.'))
  await panel.getByRole('button', { name: 'Ajouter un bateau' }).click()
  const dialog = await visible(page.getByRole('dialog', { name: 'Nouveau bateau' }))
  await dialog.getByLabel('Nom du bateau').fill('Fleur de sel')
  await dialog.getByLabel('Immatriculation').fill('lr 424242')
  await dialog.getByLabel('Longueur (m)').fill('8,5')
  await dialog.getByLabel('Largeur (m)').fill('3,2')
  await dialog.getByLabel('Tirant d’eau (m)').fill('1,5')
  await fillDate(dialog.getByLabel('Fin d’assurance'), '2026-03-31')
  await app.screenshot(`${shots}-01-boat-form`)
  await dialog.getByLabel('Tirant d’eau (m)').press('Enter')
  await dialog.waitFor({ state: 'hidden' })
  await visible(panel.getByRole('cell', { name: 'Fleur de sel', exact: true }))
  await visible(panel.getByText('LR 424242'))
  await visible(panel.getByText(/Assurance expirée/))
  await app.screenshot(`${shots}-02-boat-panel`)
}

/**
 * From the boat panel: an annual contract on the first free berth the boat fits, after a period
 * ending before its start is refused at the field. Returns the new contract's id.
 */
export async function makeAnnualContract({ app, page, shots }: HarbourClerk): Promise<string> {
  await page
    .getByRole('region', { name: 'Bateaux' })
    .getByRole('link', { name: 'Nouveau contrat' })
    .first()
    .click()
  await visible(heading(page, 'Nouveau contrat'))
  const client = page.getByRole('combobox', { name: 'Client' })
  await expect.poll(() => client.inputValue()).toContain('Kervadec')
  await page.getByRole('combobox', { name: 'Bateau' }).click()
  await page.getByRole('option', { name: /Fleur de sel/ }).click()
  const start = await page.getByLabel('Début').inputValue()
  const year = /\d{4}/.exec(start)![0] // shown DD/MM/YYYY
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
  await fillDate(page.getByLabel('Fin (dernière nuit)'), `${Number(year) - 1}-12-31`)
  await page.getByRole('button', { name: 'Créer le contrat' }).click()
  await visible(page.getByText('La fin est avant le début.'))
  await app.screenshot(`${shots}-03-contract-form-error`)
  await fillDate(page.getByLabel('Fin (dernière nuit)'), `${year}-12-31`)
  await app.screenshot(`${shots}-04-contract-form`)
  await page.getByRole('button', { name: 'Créer le contrat' }).click()

  await visible(heading(page, new RegExp(`^Contrat CT-${year}-C01-\\d{5}$`)))
  const contractId = decodeURIComponent(page.url().split('/contracts/')[1]!.split('?')[0]!)
  expect(berthCode).toMatch(/^[A-F]\d{2}$/)
  await visible(page.getByText('À signer').first())
  return contractId
}

/** On the contract page: downloads the draft PDF, then records the three signature steps in order. */
export async function signContract({ app, page, shots }: HarbourClerk): Promise<void> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le PDF' }).click(),
  ])
  mkdirSync(screenshotDir, { recursive: true })
  const draftPath = join(screenshotDir, `${shots}-contract-draft.pdf`)
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
  await app.screenshot(`${shots}-05-contract-signed`)
}
