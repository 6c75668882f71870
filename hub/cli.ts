/**
 * `npm run hub` — the central sync service.
 *   npm run hub                                   serve (HUB_PORT, default 8787, on HUB_HOST, default 127.0.0.1)
 *   npm run hub -- enrol --desk C01 --site "Port Sainte Marie"   print a one-time enrolment code
 *   npm run hub -- revoke --desk C01              refuse that desk from now on
 * Storage: PostgreSQL when DATABASE_URL is set, else PGlite in HUB_DATA_DIR (default .data/hub).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openHubStore } from './db/open'
import { createEnrolmentCode, revokeDesk } from './enrolment'
import { startHub } from './server'

const root = join(import.meta.dirname, '..')
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { desk: { type: 'string' }, site: { type: 'string' }, hours: { type: 'string' } },
})
const command = positionals[0] ?? 'serve'
const deskId = values.desk?.trim().toUpperCase()

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const store = await openHubStore({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.HUB_DATA_DIR ?? join(root, '.data', 'hub'),
})

switch (command) {
  case 'enrol': {
    if (!deskId || !/^[A-Z0-9]{2,8}$/.test(deskId)) fail('--desk ID attendu (2 à 8 lettres ou chiffres)')
    if (!values.site?.trim()) fail('--site "Nom du site" attendu')
    const hours = values.hours ? Number(values.hours) : 24
    if (!Number.isFinite(hours) || hours <= 0) fail('--hours doit être un nombre positif')
    const { code } = await createEnrolmentCode(store.db, deskId, values.site.trim(), new Date(), hours)
    console.log(
      `Code d'enrôlement du guichet ${deskId} (${values.site.trim()}), valable ${hours} h : ${code}`,
    )
    await store.close()
    break
  }
  case 'revoke': {
    if (!deskId) fail('--desk ID attendu')
    const found = await revokeDesk(store.db, deskId)
    console.log(found ? `Guichet ${deskId} révoqué.` : `Guichet ${deskId} inconnu.`)
    await store.close()
    if (!found) process.exit(1)
    break
  }
  case 'serve': {
    const hub = await startHub({
      store,
      host: process.env.HUB_HOST ?? '127.0.0.1',
      port: Number(process.env.HUB_PORT ?? 8787),
      logLevel: process.env.HUB_LOG_LEVEL ?? 'info',
    })
    hub.server.log.info({ url: hub.url, storage: store.kind }, 'hub listening')
    // Graceful shutdown: stop accepting, let in-flight pushes commit, then close the database.
    const stop = async (signal: string) => {
      hub.server.log.info({ signal }, 'shutting down')
      await hub.close()
      await store.close()
      process.exit(0)
    }
    process.once('SIGINT', () => void stop('SIGINT'))
    process.once('SIGTERM', () => void stop('SIGTERM'))
    break
  }
  default:
    fail(`commande inconnue « ${command} » : serve, enrol ou revoke`)
}
