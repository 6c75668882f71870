/**
 * The harbour office, clicked as a counter clerk would: a boat for a customer, an annual contract
 * on a free berth it fits, the contract PDF, the three signature steps, the signed PDF downloaded
 * byte-identical, and the berth plan showing the boat. Screenshots in test-results/e2e/harbour-*.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerInput } from '../../preload/contract'
import { personInput } from '../helpers/customers'
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
const clerk = (): HarbourClerk => ({ app, page, shots: 'harbour' })

describe('harbour, as a counter clerk', () => {
  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    const saved = app.core.services.customers.create(
      { staffId: null, deskId: 'C01' },
      customerInput.parse(
        personInput({ firstName: 'Aurèle', lastName: 'Kervadec', email: 'a.kervadec@example.org' }),
      ),
    )
    customerId = saved.customer.id
    await logInAsClerk(page)
  })

  afterAll(async () => {
    await app?.close()
  })

  it('adds a boat on the customer page (metres typed, Enter saves)', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/harbour/customers/${customerId}`)
    await addBoat(clerk())
  })

  it('makes an annual contract on a free berth the boat fits; a bad period is refused at the field', async () => {
    contractId = await makeAnnualContract(clerk())
  })

  it('downloads the contract PDF, then signs in the three steps, in order', async () => {
    await signContract(clerk())
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
