/**
 * The fleet block of a company's page, as a telecom agent meets it: a demo business customer found
 * with the global search shows its lines by status, billing accounts and pending operator requests
 * (the figures of the database), and opens its SIM inventory and the requests screen; a person has
 * no fleet block. In English, the panel and the Excel export's column titles follow the interface.
 * Screenshots in test-results/e2e.
 */
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2eApp, screenshotDir, startE2eApp } from './harness'

let app: E2eApp
let page: Page
const ACCOUNT = 'Brasserie Vandenbroucke SA'

async function visible(locator: Locator, timeout = 20_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout })
  return locator
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const panel = (name = 'Flotte mobile') => page.getByRole('region', { name })
const sql = <T>(query: string, ...params: unknown[]) =>
  app.core.database.sqlite
    .prepare(query)
    .pluck()
    .get(...params) as T

async function openFromSearch(text: string, name: string): Promise<void> {
  await page.keyboard.press('Control+KeyK')
  const search = await visible(page.getByRole('textbox', { name: 'Recherche globale de clients' }))
  await search.fill(text)
  await visible(page.getByRole('dialog').getByRole('button', { name: new RegExp(name) }))
  await search.press('Enter')
  await visible(heading(name))
}

describe('fleet block of the customer page, as a telecom agent', () => {
  let customerId: string

  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('youssef')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await visible(page.getByRole('link', { name: 'Flottes mobiles' }))
    customerId = sql<string>('SELECT id FROM customers WHERE company_name = ?', ACCOUNT)
  }, 120_000)

  afterAll(async () => {
    await app?.close()
  })

  it('shows the business customer’s lines by status, billing accounts and pending requests', async () => {
    // The global search matches the start of a name.
    await openFromSearch('Brasserie Vanden', ACCOUNT)
    const block = await visible(panel())
    const count = (status: string) =>
      sql<number>('SELECT count(*) FROM fleet_lines WHERE customer_id = ? AND status = ?', customerId, status)
    const expected: Record<string, number> = {
      PENDING: count('PENDING'),
      ACTIVE: count('ACTIVE'),
      SUSPENDED: count('SUSPENDED'),
      STOPPED: count('STOPPED'),
      billingAccounts: sql('SELECT count(*) FROM fleet_billing_accounts WHERE customer_id = ?', customerId),
      pendingRequests: sql(
        `SELECT count(*) FROM provisioning_requests r JOIN fleet_lines l ON l.id = r.line_id
         WHERE l.customer_id = ? AND r.state IN ('queued', 'sent')`,
        customerId,
      ),
    }
    expected.total = expected.PENDING! + expected.ACTIVE! + expected.SUSPENDED! + expected.STOPPED!
    expect(expected.total).toBeGreaterThan(50)
    expect(expected.ACTIVE).toBeGreaterThan(0)
    for (const [id, n] of Object.entries(expected))
      await expect
        .poll(() => block.getByTestId(`fleet-panel-${id}`).textContent())
        .toBe(n.toLocaleString('fr'))
    for (const label of [
      'Lignes',
      'En attente',
      'Actives',
      'Suspendues',
      'Arrêtées',
      'Comptes de facturation',
    ])
      await visible(block.getByText(label, { exact: true }))
    await app.screenshot('fleetPanel-01-customer-page')
    await block.screenshot({ path: join(screenshotDir, 'fleetPanel-02-panel.png') })
  })

  it('opens the customer’s SIM inventory', async () => {
    await panel().getByRole('link', { name: 'Inventaire des cartes SIM' }).click()
    await visible(heading(ACCOUNT))
    await visible(page.getByRole('table', { name: 'Vue d’ensemble des cartes SIM' }).getByRole('row').nth(5))
    expect(page.url()).toContain(`#/telecom/fleets/${customerId}`)
    await app.screenshot('fleetPanel-03-inventory')
  })

  it('opens the requests screen', async () => {
    await page.goBack()
    await visible(panel())
    await panel().getByRole('link', { name: 'Demandes réseau' }).click()
    await visible(heading('Demandes réseau'))
    expect(page.url()).toContain('#/telecom/requests')
  })

  it('has no fleet block for a person', async () => {
    const person = app.core.database.sqlite
      .prepare("SELECT id, display_name AS name FROM customers WHERE kind = 'person' ORDER BY id LIMIT 1")
      .get() as { id: string; name: string }
    await page.evaluate((hash) => {
      window.location.hash = hash
    }, `#/telecom/customers/${person.id}`)
    await visible(heading(person.name))
    // The blocks below the panels' place are there: the page is complete, and has no fleet block.
    await visible(page.getByRole('heading', { level: 2, name: 'Historique' }))
    expect(await panel().count()).toBe(0)
  })

  it('follows the interface language: the panel, and the Excel export’s column titles', async () => {
    await page.getByRole('radiogroup', { name: 'Langue de l’interface' }).getByText('EN').click()
    await page.evaluate((hash) => {
      window.location.hash = hash
    }, `#/telecom/customers/${customerId}`)
    const block = await visible(panel('Mobile fleet'))
    await visible(block.getByText('Suspended', { exact: true }))
    await block.getByRole('link', { name: 'SIM inventory' }).click()
    await visible(page.getByRole('table', { name: /SIM/ }).getByRole('row').nth(5))
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: /Excel/ }).click()
    const file = await download
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await file.path())!)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('Number')
    expect(sheet.getRow(1).getCell(3).value).toBe('Tariff plan')
    expect(sheet.rowCount).toBe(
      sql<number>('SELECT count(*) FROM fleet_lines WHERE customer_id = ?', customerId) + 1,
    )
  })
})
