/**
 * The administrator's gateway keys panel (desk settings), in Chromium through the browser host,
 * with the desk's local hub started as `npm run web` does: errors at the field, keys saved
 * encrypted and never shown back (fingerprint only), "applies at next start" said. Screenshots in
 * test-results/e2e (gateway-keys-*.png). GUICHET_RENDERER_DIR: another built renderer than out/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Core, createCore } from '../../main/app/core'
import { type BrowserHost, startBrowserHost } from '../../main/ipc/browserHost'
import { gatewayKeyStoreIn } from '../../main/payments/gatewayKeyStore'
import { fingerprint, GatewayKeys } from '../../main/payments/gatewayKeys'
import { connectDesk } from '../../main/sync/connectDesk'
import { HubLinkStore } from '../../main/sync/hubLinkStore'
import { CHROMIUM_ARGS, chromiumPath, rendererDir, screenshotDir } from './harness'

const KEY = 'C0FFEE0123456789ABCDEF0123456789ABCDEF01'

let dataDir: string
let core: Core
let keys: GatewayKeys
let closeSync: () => Promise<void>
let host: BrowserHost
let browser: Browser
let page: Page

const visible = async (locator: Locator) => {
  await locator.waitFor({ state: 'visible' })
  return locator
}
async function describedText(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? []
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}
const shot = async (name: string) => {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false })
}
const panel = () => page.getByTestId('gateway-keys')
const monetico = () => panel().getByRole('form', { name: 'Monetico (CM-CIC)' })

describe('gateway keys panel', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-keys-'))
    keys = new GatewayKeys(gatewayKeyStoreIn(dataDir))
    core = await createCore({
      dataDir,
      deskId: 'C01',
      demo: true,
      host: 'browser',
      version: 'e2e',
      gatewayKeys: keys,
    })
    closeSync = await connectDesk(core, {
      dataDir,
      deskId: 'C01',
      deskName: 'Guichet',
      linkStore: new HubLinkStore(join(dataDir, 'hub-link.json')),
      intervalMs: 60_000,
      gatewayKeys: keys,
    })
    host = await startBrowserHost({
      router: core.router,
      staticDir: process.env.GUICHET_RENDERER_DIR ?? rendererDir,
    })
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'fr-FR' })
    page = await context.newPage()
    page.on('pageerror', (error) => console.error('[page error]', error.message))
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(host.launchUrl)
  })

  afterEach(async (context) => {
    // A failed step leaves what the page showed, to be looked at.
    if (context.task.result?.state === 'fail') await shot('gateway-keys-failed')
  })

  afterAll(async () => {
    await browser?.close()
    await host?.close()
    await closeSync?.()
    core?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('an administrator saves Monetico keys: checked at the field, kept encrypted, shown by fingerprint only', async () => {
    await visible(page.getByRole('button', { name: 'Se connecter' }))
    await page.getByLabel('Identifiant').fill('admin')
    await page.getByLabel('Mot de passe', { exact: true }).fill('guichet-demo')
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter')
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Réglages du poste' })
      .click()
    await visible(panel())
    await visible(panel().getByText('Aucune clé enregistrée', { exact: false }))
    await visible(panel().getByText('fonctionne avec les clés de démonstration', { exact: false }))
    await expect.poll(() => page.getByTestId('gateway-state-monetico').textContent()).toBe('Non configurée')
    await panel().scrollIntoViewIfNeeded()
    await shot('gateway-keys-01-empty')

    const tpe = monetico().getByLabel('Numéro de TPE')
    const key = monetico().getByLabel('Clé de sécurité (40 caractères)')
    const company = monetico().getByLabel('Code société (societe)')
    const save = monetico().getByRole('button', { name: 'Enregistrer' })
    expect(await key.getAttribute('type')).toBe('password')

    await tpe.fill('12')
    await key.fill('pas-une-cle')
    await company.fill('port sm')
    await save.click()
    await expect.poll(() => describedText(tpe)).toContain('Numéro de TPE invalide')
    await expect
      .poll(() => describedText(key))
      .toContain('Clé Monetico invalide (40 caractères hexadécimaux).')
    await expect.poll(() => describedText(company)).toContain('Code société invalide')
    await monetico().scrollIntoViewIfNeeded()
    await shot('gateway-keys-02-invalid')

    await tpe.fill('1234567')
    await key.fill(KEY)
    await company.fill('portsm')
    await monetico().getByLabel('Adresse de la page de paiement').fill('/sandbox/monetico/paiement.cgi')
    await save.click()
    const print = fingerprint(KEY)
    await visible(
      page.getByText(`Monetico (CM-CIC) : clés enregistrées (empreinte ${print})`, { exact: false }),
    )
    await expect
      .poll(() => page.getByTestId('gateway-state-monetico').textContent())
      .toBe(`Configurée · empreinte ${print}`)
    await visible(panel().getByText('Clés modifiées : elles s’appliquent au prochain démarrage du poste.'))
    // Nothing typed stays in the form, and the key is nowhere in the page.
    expect(await key.inputValue()).toBe('')
    expect(await page.content()).not.toContain(KEY)
    expect(readFileSync(keys.store.file, 'utf8')).not.toContain(KEY)
    expect(keys.store.load()?.config.monetico?.key).toBe(KEY)
    await panel().scrollIntoViewIfNeeded()
    await shot('gateway-keys-03-saved')
  })
})
