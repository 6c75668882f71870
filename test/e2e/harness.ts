/**
 * Starts a desk through the real browser host (built renderer, router, SQLite in a temp dir) and
 * drives it in Debian's Chromium with playwright-core. `npm run build` must have run first.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import type { Clock } from '../../main/app/clock'
import { type Core, createCore } from '../../main/app/core'
import { seedDemoData } from '../../main/demo/seedDemo'
import { type BrowserHost, startBrowserHost } from '../../main/ipc/browserHost'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}: apt-get install chromium, or set CHROMIUM_PATH`)
  return path
}

export const rendererDir = resolve(import.meta.dirname, '../../out/renderer')
export const screenshotDir = resolve(import.meta.dirname, '../../test-results/e2e')

export interface E2eApp {
  core: Core
  host: BrowserHost
  browser: Browser
  page: Page
  /** Saves test-results/e2e/<name>.png, to be looked at. */
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export interface E2eOptions {
  deskId?: string
  seedScale?: number
  /** false: demo customers only (the sync screens' tests push every demo record). */
  seedAreas?: boolean
  locale?: string
  /** The desk's clock (main side), e.g. one a test moves forward to age the last sync. */
  clock?: Clock
  /** Hours without a successful sync before the desk warns (24 by default). */
  offlineWarnHours?: number
}

export async function startE2eApp(options: E2eOptions = {}): Promise<E2eApp> {
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('renderer not built: run npm run build first')
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-'))
  const core = await createCore({
    dataDir,
    deskId: options.deskId ?? 'C01',
    demo: true,
    host: 'browser',
    version: 'e2e',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.offlineWarnHours !== undefined ? { offlineWarnHours: options.offlineWarnHours } : {}),
    seedDemoData: (c) =>
      seedDemoData(c, {
        scale: options.seedScale ?? 1,
        seed: 1,
        ...(options.seedAreas === false ? { areas: false } : {}),
      }),
  })
  const host = await startBrowserHost({ router: core.router, staticDir: rendererDir })
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  })
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: options.locale ?? 'fr-FR',
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('[page error]', error.message))
  await page.goto(host.launchUrl)
  mkdirSync(screenshotDir, { recursive: true })
  return {
    core,
    host,
    browser,
    page,
    async screenshot(name) {
      const file = join(screenshotDir, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await browser.close()
      await host.close()
      core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
