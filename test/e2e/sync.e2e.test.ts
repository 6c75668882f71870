/**
 * The desk's sync screens, clicked as an administrator and a supervisor would, in Chromium through
 * the browser host, against a real hub (in-process, PGlite in memory) and a second desk (B1, no
 * browser) that edits the same customer. Steps run in order on one page; each leaves a screenshot
 * in test-results/e2e (sync-*.png).
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { createEnrolmentCode } from '../../hub/enrolment'
import { SYNC_SCHEMA_VERSION } from '../../hub/protocol'
import { type RunningHub, startHub } from '../../hub/server'
import type { Clock } from '../../main/app/clock'
import { auditLog, outbox } from '../../main/db/schema'
import { enrolWithHub, httpTransport } from '../../main/sync/hubTransport'
import type { Customer, CustomerInput } from '../../preload/contract'
import { type TestDesk, tempDesk } from '../helpers/tempCore'
import { type E2eApp, startE2eApp } from './harness'

const SITE = 'Port Sainte Marie'
const CITY_HERE = 'Rochefort'
const CITY_B1 = 'Royan'

/** The desk's own clock, which the last step moves a day forward. */
let shiftMs = 0
const movableClock: Clock = { now: () => new Date(Date.now() + shiftMs) }

let hubStore: HubStore
let hub: RunningHub
let app: E2eApp
let page: Page
let deskB: TestDesk
let customer: { id: string; name: string }

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const nav = () => page.getByRole('navigation', { name: /Navigation principale|Main navigation/ })
const statusBar = () => page.getByRole('status', { name: /Barre d’état|Status bar/ })

/** The text of the element(s) an input points to with aria-describedby: where Mantine puts its error. */
async function describedText(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? []
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

/** Closes the notifications (they pile up when steps run faster than a person), then a screenshot. */
async function shot(name: string, options: { keepNotifications?: boolean } = {}): Promise<void> {
  if (!options.keepNotifications) {
    const close = page.locator('.mantine-Notification-root button')
    for (let i = 0; i < 10 && (await close.count()) > 0; i++) {
      await close
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined)
    }
    await expect.poll(() => close.count()).toBe(0)
  }
  await app.screenshot(name)
}

async function login(username: string): Promise<void> {
  await visible(page.getByRole('button', { name: 'Se connecter' }))
  await page.getByLabel('Identifiant').fill(username)
  await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
  await visible(statusBar())
}

async function logout(): Promise<void> {
  await page.getByRole('button', { name: /Menu de l’utilisateur/ }).click()
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click()
  await visible(page.getByRole('button', { name: 'Se connecter' }))
}

async function syncNow(): Promise<void> {
  const button = statusBar().getByRole('button', { name: 'Synchroniser maintenant' })
  await button.click()
  // The button shows a loader while the run lasts.
  await expect.poll(() => button.getAttribute('data-loading')).toBeNull()
}

/** A saved customer as the input of `customers.update` (what desk B's form would send). */
function asInput(c: Customer): CustomerInput {
  return {
    kind: c.kind,
    ...(c.title ? { title: c.title } : {}),
    firstName: c.firstName ?? '',
    lastName: c.lastName ?? '',
    companyName: c.companyName ?? '',
    email: c.email ?? '',
    phones: c.phones,
    language: c.language,
    address: c.address,
    billingAddress: c.billingAddress,
    identifiers: c.identifiers,
    notes: c.notes ?? '',
  }
}

const cityOn = (desk: { core: E2eApp['core'] }, id: string) =>
  desk.core.services.customers.get(id).address.city

describe('sync, conflicts, settings and staff', () => {
  beforeAll(async () => {
    hubStore = await openHubStore({})
    hub = await startHub({ store: hubStore, logLevel: false })
    app = await startE2eApp({ deskId: 'C01', seedScale: 0.25, seedAreas: false, clock: movableClock })
    page = app.page
    // No transitions: screenshots show dialogs where they end up, not half-way.
    await page.emulateMedia({ reducedMotion: 'reduce' })
  })

  afterEach(async (context) => {
    // A failed step leaves what the page showed, to be looked at.
    if (context.task.result?.state === 'fail')
      await app?.screenshot(`sync-failed-${context.task.name.slice(0, 40)}`)
  })

  afterAll(async () => {
    await app?.close()
    deskB?.dispose()
    await hub?.close()
    await hubStore?.close()
  })

  it('connects the desk to the hub from the settings screen (administrator)', async () => {
    await login('admin')
    await visible(statusBar().getByText('Aucun serveur central'))
    await nav().getByRole('link', { name: 'Réglages du poste' }).click()
    await visible(heading('Réglages du poste'))
    await visible(page.getByText(/npm run hub -- enrol --desk C01 --site/))

    const url = page.getByLabel('Adresse du serveur central', { exact: true })
    const code = page.getByLabel('Code d’enrôlement', { exact: true })
    const connect = page.getByRole('button', { name: 'Relier le poste' })

    // Checked before anything is sent, with the contract's own rules.
    await url.fill('hub.example')
    await code.fill('abc')
    await connect.click()
    await expect.poll(() => describedText(url)).toContain('Adresse web invalide')
    await expect.poll(() => describedText(code)).toContain('Code d’enrôlement invalide')
    await shot('sync-01-settings-invalid')

    // A well-formed code the hub does not know: refused at the field.
    await url.fill(hub.url)
    await code.fill('ABCD-EFGH-JKMN')
    await connect.click()
    await expect.poll(() => describedText(code)).toContain('Code d’enrôlement refusé par le serveur central.')

    // Nobody answers at that address: said plainly, not as a field error.
    await url.fill('http://127.0.0.1:9')
    await connect.click()
    await visible(page.getByRole('alert').getByText('Serveur injoignable'))
    await shot('sync-02-settings-offline')

    const enrolment = await createEnrolmentCode(hubStore.db, 'C01', SITE)
    await url.fill(hub.url)
    await code.fill(enrolment.code)
    await connect.click()
    const current = page.getByTestId('hub-current')
    await visible(current.getByText(SITE))
    await visible(current.getByText(hub.url))
    await visible(statusBar().getByText('En ligne', { exact: true }))
    expect(await page.getByText('Serveur injoignable').count()).toBe(0)
    await shot('sync-03-settings-connected', { keepNotifications: true })
  })

  it('sets the lock delay (0 = never)', async () => {
    const delay = page.getByLabel('Verrouillage automatique après', { exact: true })
    await delay.fill('300')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await expect.poll(() => describedText(delay)).toContain('maximum 240')
    await delay.fill('0')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await visible(page.getByText('Réglages du poste enregistrés.'))
    await visible(page.getByText('L’écran ne se verrouille jamais tout seul (0 = jamais).'))
    expect(app.core.services.settings.get().lockAfterMinutes).toBe(0)
  })

  it('turns a concurrent edit of the same city on two desks into a conflict', async () => {
    // Desk B1, enrolled with its own code, pulls what C01 pushed.
    deskB = await tempDesk({ deskId: 'B1' })
    const forB1 = await createEnrolmentCode(hubStore.db, 'B1', SITE)
    const { credential } = await enrolWithHub(hub.url, forB1.code, 'B1')
    deskB.core.services.sync.attach(
      'hub',
      { hubUrl: hub.url, site: SITE },
      httpTransport(hub.url, credential),
    )
    await deskB.core.services.sync.runNow()

    const row = app.core.database.sqlite
      .prepare(
        "SELECT id, display_name AS name FROM customers WHERE kind = 'person' ORDER BY customer_number LIMIT 1",
      )
      .get() as { id: string; name: string }
    customer = row
    expect(deskB.core.services.customers.get(row.id).displayName).toBe(row.name)

    // B1 changes the city and syncs first...
    await deskB.login('marie')
    const onB1 = await deskB.ok('customers.get', { id: row.id })
    await deskB.ok('customers.update', {
      id: row.id,
      expectedVersion: onB1.version,
      customer: { ...asInput(onB1), address: { ...onB1.address, city: CITY_B1 } },
    })
    expect((await deskB.core.services.sync.runNow()).online).toBe(true)

    // ...while the clerk at C01, who has not synced since, changes the same city.
    await page.keyboard.press('Control+KeyK')
    const search = await visible(page.getByRole('textbox', { name: 'Recherche globale de clients' }))
    await search.fill(row.name)
    await visible(
      page
        .getByRole('dialog')
        .getByRole('button', { name: new RegExp(row.name) })
        .first(),
    )
    await search.press('Enter')
    await visible(heading(row.name))
    await page.getByRole('link', { name: 'Modifier' }).click()
    await page.getByLabel('Ville', { exact: true }).fill(CITY_HERE)
    await page.getByLabel('Ville', { exact: true }).press('Enter')
    await visible(heading(row.name))
    await visible(statusBar().getByText('1 opération en attente d’envoi'))

    await syncNow()
    await visible(statusBar().getByRole('link', { name: '1 conflit à résoudre' }))
    await visible(nav().getByRole('link', { name: /Conflits/ }))
    await shot('sync-04-conflict-in-status-bar')
  })

  it('lets a supervisor keep one side, and both desks end with it', async () => {
    await logout()
    await login('claire')
    await statusBar().getByRole('link', { name: '1 conflit à résoudre' }).click()
    await visible(heading('Conflits de synchronisation'))
    const card = await visible(page.getByTestId('conflict'))
    await visible(card.getByRole('link', { name: new RegExp(customer.name) }))
    await visible(card.getByText('Ville'))
    const side = (id: string) => card.getByTestId(id).textContent()
    expect(await side('conflict-theirs')).toBe(`Poste B1${CITY_B1}`)
    // The most recent change (C01's) applies meanwhile: marked "in effect", and the current value.
    expect(await side('conflict-yours')).toBe(`Ce poste (C01)en vigueur${CITY_HERE}`)
    expect(await side('conflict-current')).toBe(`Valeur actuelle${CITY_HERE}`)
    await visible(card.getByRole('button', { name: `Garder « ${CITY_HERE} » (ce poste, C01)` }))
    await shot('sync-05-conflicts-open')

    // "Edit" offers a box pre-filled with the current value, checked like the customer form.
    await card.getByRole('button', { name: 'Autre valeur…' }).click()
    const dialog = await visible(page.getByRole('dialog'))
    const value = dialog.getByLabel('Ville à garder', { exact: true })
    expect(await value.inputValue()).toBe(CITY_HERE)
    await value.fill('')
    await dialog.getByRole('button', { name: 'Garder cette valeur' }).click()
    await expect.poll(() => describedText(value)).toContain('Champ obligatoire.')
    await shot('sync-06-conflict-edit')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    await card.getByRole('button', { name: `Garder « ${CITY_B1} » (poste B1)` }).click()
    await visible(page.getByText(`Conflit résolu : « ${CITY_B1} » gardé.`))
    await visible(page.getByText('Aucun conflit à résoudre.'))

    // Resolving syncs at once; B1 gets the choice at its next sync.
    await syncNow()
    await deskB.core.services.sync.runNow()
    expect(cityOn(app, customer.id)).toBe(CITY_B1)
    expect(cityOn(deskB, customer.id)).toBe(CITY_B1)
    expect(deskB.core.services.sync.conflicts('open')).toEqual([])

    await page.getByRole('tab', { name: 'Résolus' }).click()
    const resolved = await visible(page.getByTestId('resolved-conflict'))
    await visible(resolved.getByText(`Gardé « ${CITY_B1} » (poste B1)`))
    await visible(resolved.getByText('Claire Dubois'))
    await shot('sync-07-conflicts-resolved', { keepNotifications: true })
  })

  it('lists rejected operations with their reason, retries, and a supervisor discards one', async () => {
    // Three operations the hub will refuse, written as the desk's repository writes them.
    const repo = app.core.services.repo
    const system = { staffId: null, deskId: 'C01' }
    const ops = repo.write(system, 'test.arrange', (unit) => {
      const op = (values: Partial<typeof outbox.$inferInsert>) => {
        const opId = repo.newId()
        unit.db
          .insert(outbox)
          .values({
            opId,
            deskId: 'C01',
            entity: 'customer',
            entityId: customer.id,
            kind: 'update',
            fields: '{}',
            base: '{}',
            hlc: repo.nextClock(),
            schemaVersion: SYNC_SCHEMA_VERSION,
            staffId: null,
            createdAt: unit.now,
            ...values,
          })
          .run()
        return opId
      }
      return {
        // A field the hub does not know (a desk of another build): INVALID.
        invalid: op({ fields: JSON.stringify({ loyaltyTier: 'gold' }), base: '{"loyaltyTier":null}' }),
        // A conflict record the hub never made: NOT_FOUND.
        notFound: op({
          entity: 'sync_conflict',
          entityId: repo.newId(),
          fields: JSON.stringify({ status: 'resolved' }),
        }),
        // A desk newer than the hub: HUB_TOO_OLD, and the desk is told an update is needed.
        tooNew: op({ fields: JSON.stringify({ notes: 'x' }), schemaVersion: SYNC_SCHEMA_VERSION + 1 }),
      }
    })

    await syncNow()
    await visible(statusBar().getByRole('link', { name: '3 opérations rejetées' }))
    await visible(page.getByRole('alert').getByText('Mise à jour de Guichet nécessaire'))
    await statusBar().getByRole('link', { name: '3 opérations rejetées' }).click()
    await visible(heading('Synchronisation'))
    const rows = page.getByTestId('sync-issue')
    await expect.poll(() => rows.count()).toBe(3)
    const invalid = rows.filter({ hasText: 'INVALID' })
    await visible(invalid.getByText('Données refusées par le serveur central.'))
    await visible(invalid.getByText(/Message du serveur : .*loyaltyTier/))
    await visible(invalid.getByRole('link', { name: customer.name, exact: true }))
    await visible(
      rows.filter({ hasText: 'NOT_FOUND' }).getByText('Élément introuvable sur le serveur central.'),
    )
    await visible(rows.filter({ hasText: 'HUB_TOO_OLD' }).getByText(/Le serveur central est plus ancien/))
    await shot('sync-08-sync-issues')

    // Retry sends it again unchanged: still refused, still listed.
    await invalid.getByRole('button', { name: /^Renvoyer/ }).click()
    await expect
      .poll(() => invalid.getByRole('button', { name: /^Renvoyer/ }).getAttribute('data-loading'))
      .toBeNull()
    await expect.poll(() => rows.count()).toBe(3)
    expect(app.core.services.sync.issues().map((i) => i.opId)).toContain(ops.invalid)

    // Edit opens the record and comes back here.
    await invalid.getByRole('link', { name: /^Corriger/ }).click()
    await visible(heading(`Modifier ${customer.name}`))
    await page.getByRole('button', { name: 'Annuler' }).first().click()
    await visible(heading('Synchronisation'))

    // Discard: a reason of three characters at least, then gone from the list, and audited.
    await invalid.getByRole('button', { name: /^Abandonner/ }).click()
    const dialog = await visible(page.getByRole('dialog', { name: 'Abandonner l’opération rejetée' }))
    await visible(dialog.getByText(/Rien n’est effacé/))
    const reason = dialog.getByLabel('Motif de l’abandon', { exact: true })
    await reason.fill('ok')
    await dialog.getByRole('button', { name: 'Abandonner l’opération' }).click()
    await expect.poll(() => describedText(reason)).toContain('Motif trop court (3 caractères au moins).')
    await reason.fill('Champ ajouté par une version de test, inconnu du serveur.')
    await shot('sync-09-discard-dialog')
    await dialog.getByRole('button', { name: 'Abandonner l’opération' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await visible(page.getByText('Opération abandonnée et inscrite au journal d’audit.'))
    await expect.poll(() => rows.count()).toBe(2)
    await visible(statusBar().getByRole('link', { name: '2 opérations rejetées' }))

    const audit = app.core.database.db.select().from(auditLog).all()
    const entry = audit.find((a) => a.action === 'sync.discard' && a.entityId === ops.invalid)
    expect(entry).toBeDefined()
    expect(JSON.parse(entry!.after!)).toMatchObject({
      state: 'discarded',
      reason: 'Champ ajouté par une version de test, inconnu du serveur.',
    })
    const kept = app.core.database.sqlite.prepare('SELECT state FROM outbox WHERE op_id = ?').get(ops.invalid)
    expect(kept).toEqual({ state: 'discarded' })
    await shot('sync-10-sync-issues-after-discard', { keepNotifications: true })
  })

  it('reads the same screens in English and in the dark theme', async () => {
    await page.getByRole('radiogroup', { name: 'Langue de l’interface' }).getByText('EN').click()
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await visible(heading('Sync'))
    await visible(
      page.getByText('Data refused by the hub.').or(page.getByText('Record not found on the hub.')).first(),
    )
    await shot('sync-11-sync-issues-en-dark')
    await nav().getByRole('link', { name: 'Conflicts' }).click()
    await page.getByRole('tab', { name: 'Resolved' }).click()
    await visible(page.getByTestId('resolved-conflict').getByText(`Kept “${CITY_B1}” (desk B1)`))
    await shot('sync-12-conflicts-resolved-en-dark')
    await nav().getByRole('link', { name: 'Desk settings' }).click()
    await visible(heading('Desk settings'))
    await visible(page.getByText('Read only: only an administrator changes the desk settings.'))
    await shot('sync-13-settings-supervisor-en-dark')
    await nav().getByRole('link', { name: 'Staff' }).click()
    await visible(heading('Staff'))
    await visible(page.getByText('Read only: only an administrator adds staff.'))
    expect(await page.getByRole('button', { name: 'Create' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Switch to light theme' }).click()
    await page.getByRole('radiogroup', { name: 'Interface language' }).getByText('FR').click()
  })

  it('lets an administrator add staff, with errors at the fields', async () => {
    await logout()
    await login('admin')
    await nav().getByRole('link', { name: 'Personnel' }).click()
    await visible(heading('Personnel'))
    const username = page.getByLabel('Identifiant', { exact: true })
    const password = page.getByLabel('Mot de passe', { exact: true })
    await username.fill('marie')
    await page.getByLabel('Nom', { exact: true }).fill('Marie Bis')
    await password.fill('court')
    await page.getByRole('button', { name: 'Créer' }).click()
    await expect.poll(() => describedText(password)).toContain('Mot de passe trop court')
    await password.fill('un-mot-de-passe')
    await page.getByRole('button', { name: 'Créer' }).click()
    await expect.poll(() => describedText(username)).toContain('Cet identifiant est déjà pris.')
    await shot('sync-14-staff-errors')

    await username.fill('paul')
    await page.getByLabel('Nom', { exact: true }).fill('Paul Martin')
    await page.getByRole('combobox', { name: 'Rôle' }).click()
    await page.getByRole('option', { name: 'Superviseur' }).click()
    await page.getByRole('button', { name: 'Créer' }).click()
    await visible(page.getByText('Paul Martin (paul) peut maintenant se connecter.'))
    await visible(page.getByRole('cell', { name: 'Paul Martin' }))
    expect(app.core.services.staff.list().find((s) => s.username === 'paul')?.role).toBe('supervisor')
    await shot('sync-15-staff-created', { keepNotifications: true })
  })

  it('warns when the desk has not synced for more than a day', async () => {
    await hub.close()
    // A day later, for the desk (main) and for the page.
    shiftMs = 25 * 3_600_000
    await page.clock.setSystemTime(new Date(Date.now() + shiftMs))
    await syncNow()
    await visible(statusBar().getByText('Hors ligne', { exact: true }))
    const banner = await visible(
      page.getByRole('alert').filter({ hasText: 'Pas de synchronisation depuis plus de 24 heures' }),
    )
    await visible(banner.getByText(/Dernière synchronisation réussie : il y a 25 heures/))
    await nav().getByRole('link', { name: 'Synchronisation' }).click()
    await visible(heading('Synchronisation'))
    await visible(
      page
        .getByText('fetch failed')
        .or(page.getByText(/ECONNREFUSED/))
        .first(),
    )
    await shot('sync-16-offline-warning')
  })
})
