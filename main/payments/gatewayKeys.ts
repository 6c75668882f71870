/**
 * The gateway keys of the desk's local hub (docs/payments.md, "Keys on the desk"): imported from
 * GUICHET_PAY_* at start, or written by an administrator, kept encrypted (GatewayKeyStore), handed
 * to the local hub when it starts, and described to the renderer by fingerprints only.
 * Nothing here logs a key, nor returns one: only main and the local hub ever hold them.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { type HubPaymentsConfig, paymentsConfigFromEnv } from '../../hub/payments/config'
import { DEMO_PAYMENTS_CONFIG } from '../../hub/payments/sandbox/demoConfig'
import {
  type GatewayKeyName,
  type GatewayKeyState,
  type GatewayKeysStatus,
  gatewayKeysSetInput,
} from '../../preload/contract/gatewayKeys'
import { type Clock, systemClock } from '../app/clock'
import { type GatewayKeyStore, GatewayKeysUnreadableError, type StoredGatewayKeys } from './gatewayKeyStore'

type SetInput = z.output<typeof gatewayKeysSetInput>
type Log = (entry: Record<string, unknown>) => void

/** Last 4 hex digits of the key's SHA-256: `printf %s "$KEY" | sha256sum` shows the same. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(-4)
}

/** The variable each field comes from on a hub (hub/payments/config.ts), for error messages. */
const ENV_NAME: Record<string, string> = {
  publicUrl: 'GUICHET_PAY_PUBLIC_URL',
  'monetico.tpe': 'GUICHET_PAY_MONETICO_TPE',
  'monetico.key': 'GUICHET_PAY_MONETICO_KEY',
  'monetico.company': 'GUICHET_PAY_MONETICO_COMPANY',
  'monetico.paymentUrl': 'GUICHET_PAY_MONETICO_URL',
  'cmi.clientId': 'GUICHET_PAY_CMI_CLIENT_ID',
  'cmi.storeKey': 'GUICHET_PAY_CMI_STORE_KEY',
  'cmi.gatewayUrl': 'GUICHET_PAY_CMI_URL',
  'fatourati.secret': 'GUICHET_PAY_FATOURATI_SECRET',
  'amanpay.secret': 'GUICHET_PAY_AMANPAY_SECRET',
}

/** The admin's fields as the hub's variables, so that paymentsConfigFromEnv applies the same defaults. */
function envOf(input: SetInput): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  const put = (name: string, value: string | undefined) => {
    if (value) env[name] = value
  }
  put('GUICHET_PAY_PUBLIC_URL', input.publicUrl)
  put('GUICHET_PAY_MONETICO_TPE', input.monetico?.tpe)
  put('GUICHET_PAY_MONETICO_KEY', input.monetico?.key)
  put('GUICHET_PAY_MONETICO_COMPANY', input.monetico?.company)
  put('GUICHET_PAY_MONETICO_URL', input.monetico?.paymentUrl)
  put('GUICHET_PAY_CMI_CLIENT_ID', input.cmi?.clientId)
  put('GUICHET_PAY_CMI_STORE_KEY', input.cmi?.storeKey)
  put('GUICHET_PAY_CMI_URL', input.cmi?.gatewayUrl)
  put('GUICHET_PAY_FATOURATI_SECRET', input.fatourati?.secret)
  put('GUICHET_PAY_AMANPAY_SECRET', input.amanpay?.secret)
  return env
}

/** A configuration in the shape of the admin's input, to check it with the same rules. */
function inputOf(config: HubPaymentsConfig): unknown {
  return {
    publicUrl: config.publicUrl,
    ...(config.monetico ? { monetico: config.monetico } : {}),
    ...(config.cmi ? { cmi: config.cmi } : {}),
    ...(config.fatourati ? { fatourati: config.fatourati } : {}),
    ...(config.amanpay ? { amanpay: config.amanpay } : {}),
  }
}

const secretOf = (config: HubPaymentsConfig | undefined, gateway: GatewayKeyName): string | undefined =>
  gateway === 'monetico'
    ? config?.monetico?.key
    : gateway === 'cmi'
      ? config?.cmi?.storeKey
      : config?.[gateway]?.secret

const hasGateway = (config: HubPaymentsConfig) =>
  Boolean(config.monetico || config.cmi || config.fatourati || config.amanpay)

/** Same configuration, whatever the order its fields were written in. */
const sameConfig = (a: HubPaymentsConfig, b: HubPaymentsConfig) => {
  const canonical = (c: HubPaymentsConfig) =>
    JSON.stringify(inputOf(c), (_, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
        : v,
    )
  return canonical(a) === canonical(b)
}

/** What the local hub starts with. */
export interface LocalHubKeys {
  config: HubPaymentsConfig
  source: 'stored' | 'demo'
  savedAt: string | null
  /**
   * Whether to mount the sandboxes. A sandbox seals the notifications it sends with the key it is
   * given: with real keys it is mounted only when a gateway address points at it (`/sandbox/…`).
   */
  sandboxes: boolean
}

export const DEMO_LOCAL_HUB_KEYS: LocalHubKeys = {
  config: DEMO_PAYMENTS_CONFIG,
  source: 'demo',
  savedAt: null,
  sandboxes: true,
}

export class GatewayKeys {
  private running: LocalHubKeys | null = null
  private fromEnvironment = false

  constructor(
    readonly store: GatewayKeyStore,
    private readonly clock: Clock = systemClock,
  ) {}

  private loadOrNull(): { stored: StoredGatewayKeys | null; unreadable: boolean } {
    try {
      return { stored: this.store.load(), unreadable: false }
    } catch (error) {
      if (error instanceof GatewayKeysUnreadableError) return { stored: null, unreadable: true }
      throw error
    }
  }

  /**
   * At desk start: GUICHET_PAY_* (read by the hub's own paymentsConfigFromEnv) are checked with the
   * admin screen's rules and kept encrypted, so that they need not stay in a plain env file; they
   * replace what was kept, at every start while they are set. Logs variable names, never values.
   */
  importFromEnv(
    env: NodeJS.ProcessEnv,
    log: Log = () => undefined,
  ): 'none' | 'unchanged' | 'imported' | 'invalid' | 'failed' {
    const config = paymentsConfigFromEnv(env, '')
    if (!config) return 'none'
    this.fromEnvironment = true
    const checked = gatewayKeysSetInput.safeParse(inputOf(config))
    if (!checked.success) {
      const variables = [
        ...new Set(
          checked.error.issues.map((i) => ENV_NAME[i.path.map(String).join('.')] ?? i.path.join('.')),
        ),
      ]
      log({ level: 'error', msg: 'GUICHET_PAY_* invalid: payment gateway keys not imported', variables })
      return 'invalid'
    }
    const { stored } = this.loadOrNull()
    if (stored && sameConfig(stored.config, config)) return 'unchanged'
    try {
      this.store.save({ config, savedAt: this.clock.now().toISOString(), origin: 'env' })
    } catch (error) {
      // A file system error names the file, never what was written.
      log({
        level: 'error',
        msg: 'payment gateway keys not imported: cannot write the store',
        error: `${error}`,
      })
      return 'failed'
    }
    log({
      level: 'info',
      msg: 'payment gateway keys imported from GUICHET_PAY_* into the encrypted store',
      gateways: (['monetico', 'cmi', 'fatourati', 'amanpay'] as const).filter((g) => config[g]),
      protection: this.store.protection,
    })
    return 'imported'
  }

  /** The keys the local hub starts with: the kept ones, else (none, or unreadable) the demo keys. */
  forLocalHub(log: Log = () => undefined): LocalHubKeys {
    let stored: StoredGatewayKeys | null = null
    try {
      stored = this.store.load()
    } catch (error) {
      // The message names the file and the reason, never a key.
      log({
        level: 'error',
        msg: 'payment gateway keys unreadable: local hub uses the demo keys',
        error: `${error}`,
      })
    }
    if (!stored) return DEMO_LOCAL_HUB_KEYS
    const { config } = stored
    const relative = (url: string | undefined) => url?.startsWith('/') ?? false
    return {
      config,
      source: 'stored',
      savedAt: stored.savedAt,
      sandboxes: relative(config.monetico?.paymentUrl) || relative(config.cmi?.gatewayUrl),
    }
  }

  /** The local hub runs with these keys (so that the status can tell when a restart is due). */
  localHubStarted(keys: LocalHubKeys | null): void {
    this.running = keys
  }

  status(): GatewayKeysStatus {
    const { stored, unreadable } = this.loadOrNull()
    const state = (gateway: GatewayKeyName): GatewayKeyState => {
      const secret = secretOf(stored?.config, gateway)
      return {
        configured: secret !== undefined,
        fingerprint: secret === undefined ? null : fingerprint(secret),
      }
    }
    return {
      stored: stored !== null,
      unreadable,
      origin: stored?.origin ?? null,
      savedAt: stored?.savedAt ?? null,
      protection: this.store.protection,
      gateways: {
        monetico: state('monetico'),
        cmi: state('cmi'),
        fatourati: state('fatourati'),
        amanpay: state('amanpay'),
      },
      localHub: this.running?.source ?? 'off',
      restartNeeded: this.running !== null && this.running.savedAt !== (stored?.savedAt ?? null),
      fromEnvironment: this.fromEnvironment,
    }
  }

  /**
   * An administrator's change: each gateway given replaces the kept one whole (with the hub's
   * defaults for empty addresses), `null` removes it, absent keeps it. Unreadable keys are
   * replaced. With no gateway left the file is removed (the local hub goes back to the demo keys).
   */
  set(input: SetInput): GatewayKeysStatus {
    const current = this.loadOrNull().stored?.config ?? { publicUrl: '' }
    const fresh = paymentsConfigFromEnv(envOf(input), '')
    const next: HubPaymentsConfig = { publicUrl: input.publicUrl ?? current.publicUrl }
    for (const gateway of ['monetico', 'cmi', 'fatourati', 'amanpay'] as const) {
      const given = input[gateway]
      const value = given === undefined ? current[gateway] : given === null ? undefined : fresh?.[gateway]
      if (value) Object.assign(next, { [gateway]: value })
    }
    if (hasGateway(next))
      this.store.save({ config: next, savedAt: this.clock.now().toISOString(), origin: 'admin' })
    else this.store.clear()
    return this.status()
  }
}
