/**
 * A counter clerk's day with customers, clicked and typed as a person would, in Chromium through
 * the browser host. Steps run in order on one page; each leaves a screenshot in test-results/e2e.
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2eApp, startE2eApp } from './harness'

// Unusual names, so the demo data (whatever the seeder writes) never matches them by accident.
const FIRST_NAME = 'Zéphyrin'
const LAST_NAME = 'Quillebœuf'
const FULL_NAME = `${FIRST_NAME} ${LAST_NAME}`
const EMAIL = 'zephyrin.quilleboeuf@example.org'

let app: E2eApp
let page: Page

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

/** The text of the element(s) an input points to with aria-describedby: where Mantine puts its error. */
async function describedText(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? []
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })

describe('customers, as a counter clerk', () => {
  beforeAll(async () => {
    app = await startE2eApp()
    page = app.page
    // No transitions: screenshots show drawers and dialogs where they end up, not half-way.
    await page.emulateMedia({ reducedMotion: 'reduce' })
  })

  afterAll(async () => {
    await app?.close()
  })

  it('refuses a wrong password with a translated message, then logs in', async () => {
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('marie')
    await page.getByLabel('Mot de passe', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await visible(page.getByRole('alert').getByText('Identifiant ou mot de passe incorrect.'))
    await app.screenshot('01-login-bad-credentials')

    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await visible(heading('Capitainerie'))
    await visible(page.getByRole('status', { name: 'Barre d’état' }).getByText('Poste C01'))
    await app.screenshot('02-home')
  })

  it('creates a person with an email and a phone (Alt+N, Enter to save)', async () => {
    await page.keyboard.press('Alt+KeyN')
    await visible(heading('Nouveau client'))
    await page.getByLabel('Prénom', { exact: true }).fill(FIRST_NAME)
    await page.getByLabel('Nom', { exact: true }).fill(LAST_NAME)
    await page.getByLabel('E-mail', { exact: true }).fill(EMAIL)
    await page.getByLabel('Téléphone 1', { exact: true }).fill('06 41 27 93 58')
    await page.getByLabel('Adresse', { exact: true }).fill('12 quai Duperré')
    await page.getByLabel('Code postal', { exact: true }).fill('17000')
    await page.getByLabel('Ville', { exact: true }).fill('La Rochelle')
    await app.screenshot('03-new-customer-filled')

    await page.getByLabel('Ville', { exact: true }).press('Enter')
    await visible(heading(FULL_NAME))
    await visible(page.getByText(/Client C01-\d{6} créé\./))
    await visible(page.getByText('+33 6 41 27 93 58'))
    await visible(page.getByRole('cell', { name: 'Création' }))
    await app.screenshot('04-customer-created')
  })

  it('finds the customer with the global search (Ctrl+K, part of the name, Enter)', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Accueil' }).first().click()
    await visible(heading('Capitainerie'))

    await page.keyboard.press('Control+KeyK')
    const search = await visible(page.getByRole('textbox', { name: 'Recherche globale de clients' }))
    await page.keyboard.press('Escape')
    await search.waitFor({ state: 'hidden' })

    await page.keyboard.press('Control+KeyK')
    await visible(search)
    await search.fill('quilleb')
    await visible(page.getByRole('dialog').getByRole('button', { name: new RegExp(FULL_NAME) }))
    await app.screenshot('05-global-search')
    await search.press('Enter')
    await visible(heading(FULL_NAME))
  })

  it('edits the city and shows the change in the history', async () => {
    await page.getByRole('link', { name: 'Modifier' }).click()
    await visible(heading(`Modifier ${FULL_NAME}`))
    const city = page.getByLabel('Ville', { exact: true })
    await city.fill('Rochefort')
    await city.press('Enter')
    await visible(heading(FULL_NAME))
    await visible(page.getByText(/Client C01-\d{6} enregistré\./))
    await visible(page.getByText('Ville : La Rochelle → Rochefort'))
    await app.screenshot('06-customer-edited')
  })

  it('shows a bad email under the email field', async () => {
    await page.getByRole('link', { name: 'Modifier' }).click()
    await visible(heading(`Modifier ${FULL_NAME}`))
    const email = page.getByLabel('E-mail', { exact: true })
    await email.fill('zephyrin-at-example')
    await email.press('Enter')
    await visible(page.getByText('Adresse e-mail invalide.'))
    expect(await email.getAttribute('aria-invalid')).toBe('true')
    expect(await describedText(email)).toContain('Adresse e-mail invalide.')
    // Not saved: still on the form.
    await visible(heading(`Modifier ${FULL_NAME}`))
    await app.screenshot('07-email-error')
    await page.getByRole('button', { name: 'Annuler' }).first().click()
    await visible(heading(FULL_NAME))
  })

  it('warns about a second customer with the same email', async () => {
    await page.keyboard.press('Alt+KeyN')
    await visible(heading('Nouveau client'))
    await page.getByLabel('Prénom', { exact: true }).fill('Zoé')
    await page.getByLabel('Nom', { exact: true }).fill(LAST_NAME)
    await page.getByLabel('E-mail', { exact: true }).fill(EMAIL.toUpperCase())
    await page.getByLabel('E-mail', { exact: true }).press('Tab')
    const warning = await visible(page.getByTestId('duplicate-warning'))
    await visible(warning.getByText('Doublons possibles'))
    await visible(warning.getByRole('button', { name: FULL_NAME }))
    await app.screenshot('08-duplicate-warning')

    // The other customer opens beside the form, which keeps what was typed.
    await warning.getByRole('button', { name: FULL_NAME }).click()
    const drawer = await visible(page.getByRole('dialog', { name: /Client C01-\d{6}/ }))
    await visible(drawer.getByText(EMAIL))
    await app.screenshot('09-duplicate-preview')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    expect(await page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('Zoé')
  })

  it('locks the screen and unlocks with the password', async () => {
    await page.getByRole('button', { name: /Menu de l’utilisateur/ }).click()
    await page.getByRole('menuitem', { name: 'Verrouiller l’écran' }).click()
    const lock = await visible(page.getByRole('dialog', { name: 'Session verrouillée' }))
    await app.screenshot('10-locked')
    await lock.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await lock.getByRole('button', { name: 'Déverrouiller' }).click()
    await lock.waitFor({ state: 'hidden' })
    // The half-filled form is still there.
    expect(await page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('Zoé')
  })

  it('switches to English and to the dark theme', async () => {
    await page.getByRole('radiogroup', { name: 'Langue de l’interface' }).getByText('EN').click()
    await visible(heading('New customer'))
    await visible(page.getByLabel('First name', { exact: true }))
    await visible(page.getByLabel('Email', { exact: true }))
    await visible(page.getByText('Possible duplicates'))
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await visible(page.getByRole('button', { name: 'Switch to light theme' }))
    await app.screenshot('11-english-dark')
    await page.getByRole('button', { name: 'Cancel' }).first().click()
    await visible(heading('Customers'))
    await app.screenshot('12-list-english-dark')
    await page.getByRole('button', { name: 'Switch to light theme' }).click()
  })

  it('resumes the session on reload, and locks by itself after 5 idle minutes', async () => {
    // A controllable clock, installed before the app starts again (the session is resumed).
    await page.clock.install()
    await page.reload()
    await visible(heading('Customers'))
    await page.clock.fastForward('05:10')
    const lock = await visible(page.getByRole('dialog', { name: 'Session locked' }))
    await lock.getByLabel('Password', { exact: true }).fill('wrong-password')
    await lock.getByLabel('Password', { exact: true }).press('Enter')
    await visible(lock.getByText('Wrong password.'))
    await app.screenshot('13-idle-locked-wrong-password')
    await lock.getByLabel('Password', { exact: true }).fill('guichet-demo')
    await lock.getByLabel('Password', { exact: true }).press('Enter')
    await lock.waitFor({ state: 'hidden' })
    await visible(heading('Customers'))
  })

  it('logs out back to the login screen', async () => {
    await page.getByRole('button', { name: /User menu/ }).click()
    await page.getByRole('menuitem', { name: 'Log out' }).click()
    await visible(page.getByRole('button', { name: 'Log in' }))
    await visible(page.getByLabel('Username'))
    await app.screenshot('14-logged-out')
  })
})
