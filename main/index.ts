/**
 * The desktop app: Electron's lifecycle, one window, the IPC transport and the updater. Everything
 * else is plain Node in createCore, so this file stays a thin shell.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, safeStorage, shell } from 'electron'
import electronUpdater from 'electron-updater'
import { readConfig } from './app/config'
import { type Core, createCore } from './app/core'
import { seedDemoData } from './demo/seedDemo'
import { registerElectronTransport } from './ipc/electronTransport'
import { gatewayKeyStoreIn } from './payments/gatewayKeyStore'
import { GatewayKeys } from './payments/gatewayKeys'
import { connectDesk } from './sync/connectDesk'
import { HubLinkStore } from './sync/hubLinkStore'

// better-sqlite3 built for Electron's ABI by scripts/ensure-electron-sqlite.mjs (npm start).
function electronSqliteBinding(): string | undefined {
  const file = join(
    app.getAppPath(),
    'node_modules',
    '.guichet-electron',
    process.versions.electron,
    'better_sqlite3.node',
  )
  return existsSync(file) ? file : undefined
}

const here = dirname(fileURLToPath(import.meta.url))
let core: Core | null = null
let closeSync: (() => Promise<void>) | null = null

async function start(): Promise<void> {
  const config = readConfig(process.env, app.getPath('userData'))
  const binding = electronSqliteBinding()
  // The hub credential is encrypted with the OS keychain (safeStorage) when it is available.
  const cipher = safeStorage.isEncryptionAvailable()
    ? {
        encrypt: (plain: string) => safeStorage.encryptString(plain),
        decrypt: (data: Buffer) => safeStorage.decryptString(data),
      }
    : undefined
  const linkStore = new HubLinkStore(join(config.dataDir, 'hub-link.json'), cipher)
  const log = (entry: Record<string, unknown>) =>
    console.error(JSON.stringify({ at: new Date().toISOString(), ...entry }))
  // Gateway keys: the keychain too, unless Linux only offers its fixed-password "basic_text"
  // store, weaker than the local key file the store then uses (docs/payments.md).
  const basicText = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
  const gatewayKeys = new GatewayKeys(gatewayKeyStoreIn(config.dataDir, basicText ? undefined : cipher))
  gatewayKeys.importFromEnv(process.env, log)
  core = await createCore({
    ...config,
    hubLinkStore: linkStore,
    gatewayKeys,
    host: 'electron',
    version: app.getVersion(),
    ...(binding ? { nativeBinding: binding } : {}),
    seedDemoData: (c) => seedDemoData(c, { scale: 1, seed: 1 }),
    log,
  })

  closeSync = await connectDesk(core, {
    dataDir: config.dataDir,
    deskId: config.deskId,
    deskName: core.services.settings.get().deskName,
    linkStore,
    intervalMs: config.syncSeconds * 1000,
    gatewayKeys,
    log,
  })

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Guichet',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const rendererFile = join(here, '../renderer/index.html')
  const rendererUrl = devUrl ?? pathToFileURL(rendererFile).href
  registerElectronTransport(core.router, window, rendererUrl)

  // The renderer never navigates away nor opens windows; links to the outside go to the browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(rendererUrl)) event.preventDefault()
  })
  window.once('ready-to-show', () => window.show())
  if (devUrl) await window.loadURL(devUrl)
  else await window.loadFile(rendererFile)

  // electron-updater is CommonJS: its named exports are read off the default export in ESM.
  if (app.isPackaged) void electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch(() => undefined)
}

// One desk process per database file: a second launch focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Guichet', error instanceof Error ? error.message : String(error))
      app.quit()
    })
  app.on('window-all-closed', () => {
    void (closeSync?.() ?? Promise.resolve()).finally(() => {
      core?.close()
      app.quit()
    })
  })
}
