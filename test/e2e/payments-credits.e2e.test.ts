/**
 * Customer credits to refund, clicked as a person would, on a fresh demo desk (the payments demo
 * seeds two credits): the supervisor opens "Avoirs à rembourser", refunds one by cheque with its
 * number and sees it move to the refunded ones; a counter clerk sees the list without the action.
 * Screenshots in test-results/e2e.
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2eApp, startE2eApp } from './harness'

let app: E2eApp
let page: Page

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

async function login(target: Page, username: string) {
  await visible(target.getByRole('button', { name: 'Se connecter' }))
  await target.getByLabel('Identifiant').fill(username)
  await target.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
  await target.getByLabel('Mot de passe', { exact: true }).press('Enter')
  await visible(target.getByRole('heading', { level: 1, name: 'Capitainerie' }))
}

describe('customer credits to refund', () => {
  beforeAll(async () => {
    app = await startE2eApp({ deskId: 'C01' })
    page = app.page
    await page.emulateMedia({ reducedMotion: 'reduce' })
  })

  afterAll(async () => {
    await app?.close()
  })

  it('the supervisor sees the open credits', async () => {
    await login(page, 'claire')
    await page.getByRole('navigation').getByRole('link', { name: 'Avoirs à rembourser' }).first().click()
    await visible(page.getByRole('heading', { level: 1, name: 'Avoirs à rembourser' }))
    const table = await visible(page.getByRole('table', { name: 'Avoirs à rembourser' }))
    await visible(table.getByText('Facture déjà réglée'))
    await visible(table.getByText('Trop-perçu'))
    await expect(table.getByRole('row').count()).resolves.toBe(3)
    await app.screenshot('payments-credits-01-open')
  })

  it('refunds one by cheque with its number; it moves to the refunded ones', async () => {
    const table = page.getByRole('table', { name: 'Avoirs à rembourser' })
    const row = table.getByRole('row').filter({ hasText: 'Facture déjà réglée' })
    const customer = (await row.getByRole('link').innerText()).trim()
    await row.getByRole('button', { name: /^Rembourser/ }).click()
    const dialog = await visible(page.getByRole('dialog'))
    await visible(dialog.getByText('l’avoir entier'))
    await dialog.getByText('Chèque', { exact: true }).click()
    await visible(dialog.getByText('Le numéro du chèque remis.'))
    // A cheque needs its number: refused at the field before anything is sent.
    await dialog.getByRole('button', { name: 'Enregistrer le remboursement' }).click()
    await visible(dialog.getByText('Champ obligatoire.'))
    await dialog.getByLabel('Référence').fill('0012345')
    await dialog.getByLabel('Note').fill('Chèque remis au guichet')
    await app.screenshot('payments-credits-02-refund-form')
    await dialog.getByRole('button', { name: 'Enregistrer le remboursement' }).click()
    await visible(page.getByText('Remboursement enregistré.'))
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    // The list is read again after the write: wait for the refunded credit to leave it.
    await table.getByText(customer).waitFor({ state: 'detached' })
    await expect(table.getByRole('row').count()).resolves.toBe(2)

    await page.getByText('Remboursés', { exact: true }).click()
    const refunded = await visible(table.getByRole('row').filter({ hasText: customer }))
    await visible(refunded.getByText('Remboursé', { exact: true }))
    await visible(refunded.getByText(/Chèque le .* · 0012345/))
    await expect(refunded.getByRole('button', { name: /^Rembourser/ }).count()).resolves.toBe(0)
    await app.screenshot('payments-credits-03-refunded')

    const stored = app.core.database.sqlite
      .prepare(
        `SELECT r.method, r.reference, r.amount_minor AS refunded, c.amount_minor AS credit
         FROM customer_credit_refunds r JOIN customer_credits c ON c.id = r.id`,
      )
      .all() as { method: string; reference: string; refunded: number; credit: number }[]
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ method: 'cheque', reference: '0012345' })
    expect(stored[0]!.refunded).toBe(stored[0]!.credit)
  })

  it('the customer page shows what is still owed to the customer', async () => {
    const table = page.getByRole('table', { name: 'Avoirs à rembourser' })
    await page.getByText('À rembourser', { exact: true }).first().click()
    const row = await visible(table.getByRole('row').filter({ hasText: 'Trop-perçu' }))
    await row.getByRole('link').click()
    const panel = await visible(page.locator('[aria-labelledby="credits-panel-title"]'))
    await visible(panel.getByText(/À rembourser au client : 100,00\sDH/))
    // Once on the page: the payments panel leaves credits to this panel.
    await expect(page.getByText(/rembourser au client/i).count()).resolves.toBe(1)
    await visible(panel.getByRole('button', { name: 'Rembourser' }))
    await panel.scrollIntoViewIfNeeded()
    await app.screenshot('payments-credits-04-customer-panel')
  })

  it('a counter clerk sees the credits but not the refund action', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' })
    const clerk = await context.newPage()
    await clerk.goto(app.host.launchUrl)
    await login(clerk, 'marie')
    await clerk.getByRole('navigation').getByRole('link', { name: 'Avoirs à rembourser' }).first().click()
    const table = await visible(clerk.getByRole('table', { name: 'Avoirs à rembourser' }))
    await visible(clerk.getByText('Seul un superviseur enregistre un remboursement.'))
    await visible(table.getByText('Trop-perçu'))
    await expect(table.getByRole('row').count()).resolves.toBe(2)
    await expect(clerk.getByRole('button', { name: /^Rembourser/ }).count()).resolves.toBe(0)
    await clerk.screenshot({ path: 'test-results/e2e/payments-credits-05-counter.png', fullPage: true })
    await context.close()
  })
})
