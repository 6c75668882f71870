import { resolve } from 'node:path'

/** Desk configuration, from the environment (documented in the README). */
export interface DeskConfig {
  dataDir: string
  deskId: string
  deskName?: string
  lockAfterMinutes?: number
  /** Seed the demo staff and demo data on first run. */
  demo: boolean
  webPort: number
  /** Seconds between background syncs. */
  syncSeconds: number
  offlineWarnHours: number
  /** The operator's provisioning API (docs/provisioning.md); none: the sandbox in demo mode. */
  operatorUrl?: string
  /** Its API key (sent as a bearer token). */
  operatorKey?: string
}

function intOr(value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`invalid integer "${value}"`)
  return n
}

export function readConfig(env: NodeJS.ProcessEnv, defaultDataDir: string): DeskConfig {
  const deskId = (env.GUICHET_DESK ?? 'C01').trim().toUpperCase()
  if (!/^[A-Z0-9]{2,8}$/.test(deskId))
    throw new Error(`GUICHET_DESK must be 2 to 8 letters or digits, got "${deskId}"`)
  return {
    dataDir: resolve(env.GUICHET_DATA_DIR ?? defaultDataDir),
    deskId,
    ...(env.GUICHET_DESK_NAME ? { deskName: env.GUICHET_DESK_NAME } : {}),
    ...(env.GUICHET_LOCK_MINUTES ? { lockAfterMinutes: intOr(env.GUICHET_LOCK_MINUTES, 5)! } : {}),
    demo: env.GUICHET_DEMO !== '0',
    webPort: intOr(env.GUICHET_WEB_PORT, 0)!,
    syncSeconds: Math.max(1, intOr(env.GUICHET_SYNC_SECONDS, 5)!),
    offlineWarnHours: Math.max(1, intOr(env.GUICHET_OFFLINE_WARN_HOURS, 24)!),
    ...(env.GUICHET_OPERATOR_URL ? { operatorUrl: env.GUICHET_OPERATOR_URL.trim() } : {}),
    ...(env.GUICHET_OPERATOR_KEY ? { operatorKey: env.GUICHET_OPERATOR_KEY } : {}),
  }
}
