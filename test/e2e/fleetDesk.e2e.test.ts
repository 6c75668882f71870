/**
 * The fleet desk as a telecom agent works it for a business customer on the phone, in Chromium
 * through the browser host: a ticket with two attachments, blank SIMs (with their delivery date),
 * a new fleet manager and a resent invitation, a group pack's consumption chart. The desk's clock
 * starts on Friday 20 November 2026, so blank SIMs ordered "today" arrive on Tuesday 24/11/2026.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../main/app/clock'
import { FILES } from '../helpers/fleetDeskFiles'
import { fillDate } from './dates'
import { type E2eApp, startE2eApp } from './harness'

const START = Date.parse('2026-11-20T10:00:00Z')
const t0 = Date.now()
/** Friday 20 November 2026, 10:00 UTC, then running like a real clock. */
const clock: Clock = { now: () => new Date(START + (Date.now() - t0)) }

const ACCOUNT = 'Brasserie Vandenbroucke SA'

let app: E2eApp
let page: Page
let files: { pdf: string; png: string }

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })

async function openTab(name: string) {
  await page.getByRole('tab', { name }).click()
  await page.getByRole('tab', { name, selected: true }).waitFor()
}

/** Picks an option of a Mantine Select by its label (they share it with their option list). */
async function choose(label: string, option: string | RegExp, scope: Page | Locator = page) {
  await scope.getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option }).first().click()
}

describe('fleet desk, as a telecom agent', () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-fleetdesk-e2e-'))
    files = { pdf: join(dir, 'bon-de-commande.pdf'), png: join(dir, 'capture-ecran.png') }
    writeFileSync(files.pdf, FILES.pdf)
    writeFileSync(files.png, FILES.png)
    app = await startE2eApp({ clock })
    page = app.page
    await page.emulateMedia({ reducedMotion: 'reduce' })
  })

  afterAll(async () => {
    await app?.close()
  })

  it('logs in and opens the business account through the fleets screen', async () => {
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('youssef')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await page.getByRole('navigation').getByRole('link', { name: 'Flottes mobiles' }).first().click()
    await page.getByRole('cell', { name: ACCOUNT }).click()
    await visible(heading(ACCOUNT))
  })

  it('opens a ticket with two attachments and downloads one back', async () => {
    await openTab('Tickets')
    await page.getByRole('button', { name: 'Créer un ticket' }).click()
    const dialog = await visible(page.getByRole('dialog', { name: 'Créer un ticket technique' }))
    await choose('Objet', 'Options des cartes SIM', dialog)
    await choose('Plus de détails', 'Réactiver les cartes SIM en pause', dialog)
    await dialog.getByRole('combobox', { name: 'Numéro de téléphone' }).click()
    await page.getByRole('option').first().click()
    await fillDate(dialog.getByLabel('Date pour cette action'), '2026-11-25')
    await dialog
      .getByLabel('Votre message')
      .fill('Notre commercial revient lundi : merci de réactiver sa carte SIM.')
    for (const path of [files.pdf, files.png]) {
      const chooser = page.waitForEvent('filechooser')
      await dialog.getByRole('button', { name: 'Charger une pièce jointe' }).click()
      await (await chooser).setFiles(path)
    }
    await visible(dialog.getByText('bon-de-commande.pdf'))
    await visible(dialog.getByText('capture-ecran.png'))
    // The customer's own email is there already; the mobile is the manager's.
    expect(await dialog.getByLabel('Votre adresse e-mail').inputValue()).toBe('flotte@vandenbroucke.be')
    await dialog.getByLabel('Votre numéro mobile').fill('0488 33 94 85')
    await app.screenshot('fleetDesk-01-ticket-form')
    await dialog.getByRole('button', { name: 'Envoyer' }).click()

    const drawer = await visible(page.getByRole('dialog', { name: /Ticket TK-C01-\d{6}/ }))
    await visible(drawer.getByRole('button', { name: 'Télécharger bon-de-commande.pdf' }))
    await visible(drawer.getByRole('button', { name: 'Télécharger capture-ecran.png' }))
    await visible(drawer.getByText('Ouvert', { exact: true }).first())
    const download = page.waitForEvent('download')
    await drawer.getByRole('button', { name: 'Télécharger capture-ecran.png' }).click()
    const saved = await (await download).path()
    const { readFileSync } = await import('node:fs')
    expect(Buffer.from(readFileSync(saved)).equals(Buffer.from(FILES.png))).toBe(true)

    await choose('Nouveau statut', 'En cours', drawer)
    await drawer.getByRole('button', { name: 'Appliquer' }).click()
    await visible(drawer.getByRole('cell', { name: 'Ouvert → En cours' }))
    await visible(drawer.getByRole('cell', { name: /Youssef El Amrani/ }).first())
    await app.screenshot('fleetDesk-02-ticket-detail')
    await page.keyboard.press('Escape')
    await visible(page.getByRole('table', { name: 'Tickets' }).getByText('En cours').first())
  })

  it('refuses a PNG renamed .pdf, under the file', async () => {
    await page.getByRole('button', { name: 'Créer un ticket' }).click()
    const dialog = await visible(page.getByRole('dialog', { name: 'Créer un ticket technique' }))
    await choose('Objet', 'Facturation', dialog)
    await choose('Plus de détails', 'Question sur une facture', dialog)
    await dialog.getByLabel('Votre message').fill('Voir la facture jointe.')
    await dialog.getByLabel('Votre numéro mobile').fill('0488 33 94 85')
    const fake = join(tmpdir(), 'facture.pdf')
    writeFileSync(fake, FILES.png)
    const chooser = page.waitForEvent('filechooser')
    await dialog.getByRole('button', { name: 'Charger une pièce jointe' }).click()
    await (await chooser).setFiles(fake)
    await dialog.getByRole('button', { name: 'Envoyer' }).click()
    await visible(dialog.getByText('facture.pdf : Le contenu du fichier ne correspond pas à son extension.'))
    await app.screenshot('fleetDesk-03-ticket-fake-pdf')
    await dialog.getByRole('button', { name: 'Annuler' }).click()
  })

  it('orders blank SIMs in tens and shows the delivery date two business days ahead', async () => {
    await openTab('Cartes SIM vierges')
    await page.getByRole('button', { name: 'Commander des cartes SIM vierges' }).click()
    const dialog = await visible(page.getByRole('dialog', { name: 'Commander des cartes SIM vierges' }))
    await visible(dialog.getByText(/Livraison prévue le 24\/11\/2026/))
    const quantity = dialog.getByLabel('Nombre de cartes SIM')
    await quantity.fill('25')
    await dialog.getByLabel('Boîte').fill('B2')
    await dialog.getByRole('button', { name: 'Commander' }).click()
    await visible(dialog.getByText('Le nombre de cartes SIM doit être un multiple de 10 (au plus 1000).'))
    expect(await quantity.getAttribute('aria-invalid')).toBe('true')
    await app.screenshot('fleetDesk-04-blank-sims-error')
    await quantity.fill('30')
    await quantity.press('Enter')
    await visible(page.getByText(/Commande SIM-C01-\d{6} enregistrée : livraison prévue le 24\/11\/2026\./))
    const table = page.getByRole('table', { name: 'Cartes SIM vierges' })
    const row = table.getByRole('row').filter({ hasText: '30' }).filter({ hasText: 'bte B2' })
    await visible(row.getByText('24/11/2026'))
    await visible(row.getByText('Commandée'))
    await app.screenshot('fleetDesk-05-blank-sims')
  })

  it('creates a fleet manager and resends the invitation; a validated one cannot be', async () => {
    await openTab('Utilisateurs')
    await page.getByRole('button', { name: 'Créer un nouvel utilisateur' }).click()
    const dialog = await visible(page.getByRole('dialog', { name: 'Créer un nouvel utilisateur' }))
    await dialog.getByLabel('Description').fill('Arnaud Wouters')
    await dialog.getByLabel('Adresse e-mail').fill('arnaud.wouters@vandenbroucke.example')
    await choose('Rôle', 'MEMBER', dialog)
    await dialog.getByLabel('Numéros de téléphone').click()
    await page.getByRole('option').first().click()
    await page.keyboard.press('Escape')
    await dialog.getByRole('button', { name: 'Créer et inviter' }).click()
    await visible(
      page.getByText('Utilisateur créé ; invitation enregistrée pour arnaud.wouters@vandenbroucke.example.'),
    )
    const table = page.getByRole('table', { name: 'Gestionnaires de flotte' })
    const row = table.getByRole('row').filter({ hasText: 'Arnaud Wouters' })
    await visible(row.getByText('INVITED'))
    await visible(row.getByText('1 envoyée'))

    await row.getByRole('button', { name: 'Renvoyer l’invitation à Arnaud Wouters' }).click()
    await visible(page.getByText('Invitation renvoyée à arnaud.wouters@vandenbroucke.example.'))
    await visible(row.getByText('2 envoyées'))

    const validated = table.getByRole('row').filter({ hasText: 'Margaux Sastre' })
    await visible(validated.getByText('VALIDATED'))
    expect(await validated.getByRole('button', { name: /Renvoyer l’invitation/ }).isDisabled()).toBe(true)
    await app.screenshot('fleetDesk-06-users')
  })

  it("shows a group pack's consumption per day and per line, with the threshold flagged", async () => {
    await openTab('Group packs')
    const table = await visible(page.getByRole('table', { name: 'Packs de groupe' }))
    const data = table.getByRole('row').filter({ hasText: 'Data partagée 50 Go' })
    await visible(data.getByText(/Seuil atteint le \d\d\/11\/2026/))
    await data.getByRole('button', { name: 'Consommation' }).click()
    await visible(page.getByRole('heading', { name: 'Consommation — Data partagée 50 Go' }))
    await visible(page.getByText('Consommation par jour'))
    // recharts draws the bars as SVG paths: the chart is there, with one bar per day that had use.
    await page.locator('.recharts-bar-rectangle').first().waitFor()
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(20)
    await visible(page.getByRole('alert').filter({ hasText: /seuil de 10,00\s€ atteint le/ }))
    await visible(page.getByRole('table', { name: 'Consommation par ligne' }))
    await app.screenshot('fleetDesk-07-pack-consumption')

    await choose('Mois', /octobre 2026/)
    await visible(page.getByText('Consommation par jour'))
    await page.waitForTimeout(300)
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /seuil de 10,00\s€/ })
        .count(),
    ).toBe(0)
    await app.screenshot('fleetDesk-08-pack-october')
  })
})
