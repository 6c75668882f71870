/**
 * `npm run hub` — the central sync service (docs/sync.md).
 *   npm run hub                                   serve (HUB_PORT, default 8787, on HUB_HOST, default 127.0.0.1)
 *   npm run hub -- enrol --desk C01 --site "Port Sainte Marie" [--hours 24]   print a one-time enrolment code
 *   npm run hub -- revoke --desk C01              refuse that desk from now on
 * Storage: PostgreSQL when DATABASE_URL is set, else PGlite in HUB_DATA_DIR (default .data/hub).
 * PGlite allows one process per folder: while a hub serves it, `enrol` and `revoke` ask that hub
 * (through a loopback admin endpoint whose token is in the folder's lock file) instead.
 */
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { type FolderLockInfo, HubFolderBusyError } from './db/folderLock'
import { type HubStore, openHubStore } from './db/open'
import { createEnrolmentCode, revokeDesk } from './enrolment'
import { paymentsConfigFromEnv } from './payments/config'
import { type RunningHub, startHub } from './server'

const root = join(import.meta.dirname, '..')

function fail(message: string, code = 2): never {
  console.error(message)
  process.exit(code)
}

let parsed: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { desk: { type: 'string' }, site: { type: 'string' }, hours: { type: 'string' } },
  })
}
try {
  parsed = parse()
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
const { positionals, values } = parsed
const command = positionals[0] ?? 'serve'
const deskId = values.desk?.trim().toUpperCase()
const databaseUrl = process.env.DATABASE_URL || undefined
const dataDir = resolve(process.env.HUB_DATA_DIR ?? join(root, '.data', 'hub'))

function openStore(): Promise<HubStore> {
  return openHubStore({ databaseUrl, dataDir }).catch((error: unknown) => {
    if (error instanceof HubFolderBusyError) throw error
    fail(`Impossible d'ouvrir la base du hub : ${error instanceof Error ? error.message : String(error)}`)
  })
}

/** enrol / revoke: straight to the database, or through the hub that holds the PGlite folder. */
async function administer<T>(
  direct: (store: HubStore) => Promise<T>,
  viaHub: (admin: NonNullable<FolderLockInfo['admin']>) => Promise<T>,
): Promise<T> {
  let store: HubStore
  try {
    store = await openStore()
  } catch (error) {
    if (error instanceof HubFolderBusyError && error.holder?.admin) return viaHub(error.holder.admin)
    fail(error instanceof Error ? error.message : String(error))
  }
  try {
    return await direct(store)
  } finally {
    await store.close()
  }
}

async function callAdmin<T>(admin: { url: string; token: string }, path: string, body: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${admin.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    })
  } catch (error) {
    fail(
      `Le hub qui tient le dossier ${dataDir} ne répond pas (${admin.url}) : ${error instanceof Error ? error.message : error}`,
    )
  }
  if (!response.ok) fail(`Le hub a refusé la demande (${response.status}) : ${await response.text()}`)
  return (await response.json()) as T
}

async function serve(): Promise<void> {
  let hub: RunningHub | null = null
  let store: HubStore | null = null
  let stopping = false
  const host = process.env.HUB_HOST ?? '127.0.0.1'
  const port = Number(process.env.HUB_PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`HUB_PORT invalide : ${process.env.HUB_PORT}`)

  const starting = (async () => {
    try {
      store = await openStore()
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error))
    }
    const adminToken = store.lock ? randomBytes(32).toString('base64url') : undefined
    hub = await startHub({
      store,
      host,
      port,
      logLevel: process.env.HUB_LOG_LEVEL ?? 'info',
      ...(adminToken ? { adminToken } : {}),
      // Gateways from GUICHET_PAY_* (docs/payments.md); sandboxes only when asked, on loopback.
      payments: paymentsConfigFromEnv(process.env, ''),
      paymentSandboxes: process.env.GUICHET_PAY_SANDBOXES === '1',
    })
    if (store.lock && adminToken) {
      const loopback = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host
      const url = `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${hub.port}`
      store.lock.setAdmin({ url, token: adminToken })
    }
    hub.server.log.info({ url: hub.url, storage: store.kind }, 'hub listening')
  })()

  // Graceful shutdown: stop accepting, let the pushes in flight commit, close the database (and
  // release the PGlite folder), then exit 0. A signal during start-up waits for the start to end,
  // so a PGlite folder is never left half-created. A shutdown that hangs is cut short after 25 s.
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    setTimeout(() => {
      console.error('arrêt forcé : des requêtes ne se sont pas terminées en 25 s')
      process.exit(1)
    }, 25_000).unref()
    await starting.catch(() => undefined)
    const running = hub as RunningHub | null
    running?.server.log.info({ signal }, 'shutting down')
    await running?.close()
    await (store as HubStore | null)?.close()
    running?.server.log.info('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  try {
    await starting
  } catch (error) {
    await (store as HubStore | null)?.close()
    fail(`Le hub n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`)
  }
}

switch (command) {
  case 'enrol': {
    if (!deskId || !/^[A-Z0-9]{2,8}$/.test(deskId)) fail('--desk ID attendu (2 à 8 lettres ou chiffres)')
    const site = values.site?.trim()
    if (!site) fail('--site "Nom du site" attendu')
    const hours = values.hours ? Number(values.hours) : 24
    if (!Number.isFinite(hours) || hours <= 0) fail('--hours doit être un nombre positif')
    const { code } = await administer(
      (store) => createEnrolmentCode(store.db, deskId, site, new Date(), hours),
      (admin) => callAdmin<{ code: string }>(admin, '/v1/admin/enrolment-codes', { deskId, site, hours }),
    )
    console.log(`Code d'enrôlement du guichet ${deskId} (${site}), valable ${hours} h : ${code}`)
    break
  }
  case 'revoke': {
    if (!deskId || !/^[A-Z0-9]{2,8}$/.test(deskId)) fail('--desk ID attendu')
    const found = await administer(
      (store) => revokeDesk(store.db, deskId),
      async (admin) => (await callAdmin<{ found: boolean }>(admin, '/v1/admin/revoke', { deskId })).found,
    )
    console.log(found ? `Guichet ${deskId} révoqué.` : `Guichet ${deskId} inconnu.`)
    if (!found) process.exit(1)
    break
  }
  case 'serve':
    await serve()
    break
  default:
    fail(`commande inconnue « ${command} » : serve, enrol ou revoke`)
}
