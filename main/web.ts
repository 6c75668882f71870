/**
 * The browser host: `npm run web`. Opens the desk database (seeded on first run), serves the built
 * renderer and the router on 127.0.0.1, and prints the URL with its launch token.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readConfig } from './app/config'
import { createCore } from './app/core'
import { seedDemoData } from './demo/seedDemo'
import { startBrowserHost } from './ipc/browserHost'
import { gatewayKeyStoreIn } from './payments/gatewayKeyStore'
import { GatewayKeys } from './payments/gatewayKeys'
import { connectDesk } from './sync/connectDesk'
import { HubLinkStore } from './sync/hubLinkStore'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const started = performance.now()
const config = readConfig(process.env, join(root, '.data', 'web'))
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }

try {
  const linkStore = new HubLinkStore(join(config.dataDir, 'hub-link.json'))
  const log = (entry: Record<string, unknown>) =>
    console.error(JSON.stringify({ at: new Date().toISOString(), ...entry }))
  // No keychain here: the gateway keys are encrypted with a local key file (docs/payments.md).
  const gatewayKeys = new GatewayKeys(gatewayKeyStoreIn(config.dataDir))
  gatewayKeys.importFromEnv(process.env, log)
  const core = await createCore({
    ...config,
    hubLinkStore: linkStore,
    gatewayKeys,
    host: 'browser',
    version,
    seedDemoData: (c) => seedDemoData(c, { scale: 1, seed: 1 }),
    log,
  })
  const closeSync = await connectDesk(core, {
    dataDir: config.dataDir,
    deskId: config.deskId,
    deskName: core.services.settings.get().deskName,
    linkStore,
    intervalMs: config.syncSeconds * 1000,
    gatewayKeys,
    log,
  })
  const host = await startBrowserHost({
    router: core.router,
    staticDir: process.env.GUICHET_RENDERER_DIR ?? join(root, 'out', 'renderer'),
    port: config.webPort,
    ...(process.env.GUICHET_WEB_TOKEN ? { token: process.env.GUICHET_WEB_TOKEN } : {}),
  })
  console.log(`Guichet (${config.deskId}) — données : ${config.dataDir}`)
  console.log(`Ouvrez dans votre navigateur : ${host.launchUrl}`)
  console.log(`ready in ${Math.round(performance.now() - started)} ms`)
  const stop = async () => {
    await host.close()
    await closeSync()
    core.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
