/**
 * A telecom agent managing a business fleet, clicked as the seed's fleet manager would: add a SIM
 * through the whole wizard, activate it on a date (the demo operator, an in-process sandbox,
 * carries it out), swap its card, set two barrings, change the plan of three lines at once through
 * the review table, and export the inventory to Excel, read back. Screenshots in test-results/e2e.
 */
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withCheckDigit } from '../../main/modules/fleet/lineRules'
import { fillDate } from './dates'
import { type E2eApp, startE2eApp } from './harness'

let app: E2eApp
let page: Page
const ICCID = withCheckDigit('893203777000000001')
const NEW_ICCID = withCheckDigit('893203777000000002')
const ACCOUNT = 'Brasserie Vandenbroucke SA'

async function visible(locator: Locator, timeout = 20_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout })
  return locator
}

async function describedText(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? []
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const cont = () => page.getByRole('button', { name: 'Continuer' }).click()

/** Reloads the line until `text` shows: the operator answers asynchronously. */
async function eventually(locator: () => Locator, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout
  for (;;) {
    if (await locator().isVisible()) return
    if (Date.now() > until) throw new Error(`not visible after ${timeout} ms`)
    await page.waitForTimeout(1500)
    await page.reload()
    await page.waitForLoadState('networkidle').catch(() => {})
  }
}

describe('business fleet, as a telecom agent', () => {
  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('youssef')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
  }, 120_000)

  afterAll(async () => {
    await app?.close()
  })

  it('lists business accounts and opens an account’s SIM inventory', async () => {
    await page.getByRole('link', { name: 'Flottes mobiles' }).click()
    await visible(heading('Comptes business'))
    await app.screenshot('fleet-01-accounts')
    await page.getByRole('row', { name: new RegExp(ACCOUNT) }).click()
    await visible(heading(ACCOUNT))
    await visible(page.getByRole('table', { name: 'Vue d’ensemble des cartes SIM' }).getByRole('row').nth(5))
    await app.screenshot('fleet-02-inventory')
  })

  it('adds a SIM through the whole wizard, in the seed’s order', async () => {
    await page.getByRole('button', { name: 'Ajouter une carte SIM' }).click()
    await visible(heading('Ajouter une carte SIM'))
    const iccid = page.getByLabel('Numéro de carte SIM (ICCID)')
    await iccid.fill(`${ICCID.slice(0, -1)}${(Number(ICCID.at(-1)) + 1) % 10}`)
    await cont()
    await expect.poll(() => describedText(iccid)).toContain('chiffre de contrôle')
    await app.screenshot('fleet-03-wizard-iccid-error')
    await iccid.fill(ICCID)
    await iccid.press('Enter')

    await visible(page.getByRole('radio', { name: 'Non' }))
    await cont()

    await page.getByLabel('Description').fill('Commercial Bruxelles')
    await page.getByLabel('Prénom').fill('Zoé')
    await page.getByLabel('Nom', { exact: true }).fill('Vandermeulen')
    await page.getByLabel('E-mail').fill('zoe.vandermeulen@example.be')
    await app.screenshot('fleet-04-wizard-user')
    await cont()

    await page.getByRole('radio', { name: /^Mobile Start —/ }).check()
    await cont()
    await page.getByRole('checkbox', { name: /Voice National 100 min/ }).check()
    await cont()
    await page.getByRole('radio', { name: /^BA\d+ — Brasserie Vandenbroucke SA — Siège/ }).check()
    await cont()
    await page.getByRole('combobox', { name: 'Nouveau numéro' }).click()
    await page.getByRole('option').first().click()
    await cont()
    await visible(page.getByRole('heading', { name: 'Récapitulatif' }))
    await expect
      .poll(() => page.getByRole('table', { name: 'Récapitulatif' }).textContent())
      .toContain('Mobile Start')
    await app.screenshot('fleet-05-wizard-summary')
    await page.getByRole('button', { name: 'Créer la ligne' }).click()
    await visible(page.getByText('En attente', { exact: true }))
    await visible(page.getByText(ICCID.replace(/(\d{4})(?=\d)/g, '$1 ')))
    await app.screenshot('fleet-06-line-pending')
  })

  it('activates it on a date; the operator carries it out', async () => {
    await page.getByRole('button', { name: 'Activer' }).click()
    const today = new Date().toISOString().slice(0, 10)
    await fillDate(page.getByLabel('Date d’activation'), today)
    await page.getByRole('button', { name: 'Programmer l’activation' }).click()
    const [y, m, d] = today.split('-')
    await visible(page.getByText(`La carte SIM sera activée le ${d}/${m}/${y}.`).first())
    await app.screenshot('fleet-07-activation-requested')
    await eventually(() => page.getByText('Active', { exact: true }))
    await app.screenshot('fleet-08-line-active')
  })

  it('swaps the SIM card; the old one can never be used again', async () => {
    await page.getByRole('button', { name: 'Remplacer la carte SIM' }).click()
    const input = page.getByLabel('Nouveau numéro de carte SIM (ICCID)')
    await input.fill(ICCID)
    await page.getByRole('button', { name: 'Demander le remplacement' }).click()
    await expect.poll(() => describedText(input)).toContain('déjà été utilisée')
    await input.fill(NEW_ICCID)
    await page.getByRole('button', { name: 'Demander le remplacement' }).click()
    await visible(page.getByText('Remplacement de la carte SIM demandé à l’opérateur.'))
    await eventually(() => page.getByText(NEW_ICCID.replace(/(\d{4})(?=\d)/g, '$1 ')))
    await app.screenshot('fleet-09-swapped')
  })

  it('sets two barrings', async () => {
    await page.getByRole('tab', { name: 'Restrictions' }).click()
    await page.getByRole('checkbox', { name: 'SMS sortants' }).check()
    await page.getByRole('checkbox', { name: 'Tout à l’étranger' }).check()
    await page.getByRole('button', { name: 'Appliquer les restrictions' }).click()
    await visible(page.getByText('Restrictions demandées à l’opérateur.'))
    await app.screenshot('fleet-10-barrings')
    const requested = app.core.database.sqlite
      .prepare(
        "SELECT payload FROM provisioning_requests WHERE action = 'barrings' ORDER BY created_at DESC LIMIT 1",
      )
      .pluck()
      .get() as string
    expect(JSON.parse(requested).barrings).toEqual(['outgoingSms', 'abroadAll'])
    // The operator confirms, and the line shows them ticked after a reload.
    const applied = () =>
      app.core.database.sqlite
        .prepare('SELECT barrings FROM fleet_lines WHERE iccid = ?')
        .pluck()
        .get(NEW_ICCID)
    await expect.poll(applied, { timeout: 30_000, interval: 500 }).toBe('["outgoingSms","abroadAll"]')
    await page.reload()
    await page.getByRole('tab', { name: 'Restrictions' }).click()
    await expect.poll(() => page.getByRole('checkbox', { name: 'SMS sortants' }).isChecked()).toBe(true)
  })

  it('changes the plan of three lines at once through the review table', async () => {
    await page.getByRole('link', { name: ACCOUNT }).click()
    await visible(heading(ACCOUNT))
    await page.getByRole('combobox', { name: 'Statut' }).click()
    await page.getByRole('option', { name: 'Active', exact: true }).click()
    const table = page.getByRole('table', { name: 'Vue d’ensemble des cartes SIM' })
    await visible(table.getByRole('row').nth(4))
    const boxes = table.getByRole('checkbox', { name: /^Sélectionner 04/ })
    for (const i of [0, 1, 2]) await boxes.nth(i).check()
    await visible(page.getByText('3 lignes sélectionnées'))
    await page.getByRole('button', { name: 'Changer le plan tarifaire' }).click()
    await page.getByRole('combobox', { name: 'Nouveau plan tarifaire' }).click()
    await page.getByRole('option', { name: 'Mobile Europe' }).click()
    await page.getByRole('button', { name: 'Vérifier' }).click()
    const review = page.getByRole('table', { name: 'Changements à appliquer' })
    await visible(review)
    expect(await review.getByRole('row').count()).toBe(4)
    expect(await review.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining(['Numéro', 'Plan précédent', 'Nouveau plan']),
    )
    await app.screenshot('fleet-11-bulk-review')
    await page.getByRole('button', { name: 'Appliquer à 3 lignes' }).click()
    await visible(page.getByText(/\d demandes? envoyées? à l’opérateur\./))
    await app.screenshot('fleet-12-bulk-applied')
  })

  it('exports the filtered inventory to Excel and the file reads back', async () => {
    const total = app.core.database.sqlite
      .prepare(
        "SELECT count(*) FROM fleet_lines l JOIN customers c ON c.id = l.customer_id WHERE c.company_name = ? AND l.status = 'ACTIVE'",
      )
      .pluck()
      .get(ACCOUNT) as number
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Exporter vers Excel' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^cartes-sim-.*\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await file.path())!)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('Numéro')
    expect(sheet.rowCount).toBe(total + 1)
    for (let r = 2; r <= sheet.rowCount; r++) expect(sheet.getRow(r).getCell(4).value).toBe('ACTIVE')
  })
})
