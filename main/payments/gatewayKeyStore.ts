import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { HubPaymentsConfig } from '../../hub/payments/config'
import type { SecretCipher } from '../sync/hubLinkStore'
import { LocalKeyError, localKeyCipher } from './localKeyCipher'

/** The encrypted gateway configuration and, without a keychain, its key — both in the data folder. */
export const GATEWAY_KEYS_FILE = 'gateway-keys.json'
export const GATEWAY_LOCAL_KEY_FILE = 'gateway-keys.key'

export type KeyProtection = 'keychain' | 'localKey'

/** What is kept: the local hub's whole gateway configuration, when and from where it came. */
export interface StoredGatewayKeys {
  config: HubPaymentsConfig
  savedAt: string
  origin: 'env' | 'admin'
}

/** The file: always encrypted, and says with what, so that either host can tell what it needs. */
interface KeysFile {
  v: 1
  protection: KeyProtection
  encrypted: string
}

export class GatewayKeysUnreadableError extends Error {
  constructor(file: string, reason: string) {
    super(
      `Les clés des passerelles de paiement (${file}) sont illisibles : ${reason}. ` +
        'Saisissez-les de nouveau dans les réglages du poste (administrateur) ; ' +
        'en attendant, le serveur local utilise les clés de démonstration des bacs à sable.',
    )
    this.name = 'GatewayKeysUnreadableError'
  }
}

const isText = (v: unknown): v is string => typeof v === 'string'
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function isConfig(value: unknown): value is HubPaymentsConfig {
  if (!isObject(value) || !isText(value.publicUrl)) return false
  const { monetico: m, cmi: c, fatourati: f, amanpay: a } = value
  return (
    (m === undefined ||
      (isObject(m) && isText(m.tpe) && isText(m.key) && isText(m.company) && isText(m.paymentUrl))) &&
    (c === undefined || (isObject(c) && isText(c.clientId) && isText(c.storeKey) && isText(c.gatewayUrl))) &&
    (f === undefined || (isObject(f) && isText(f.secret))) &&
    (a === undefined || (isObject(a) && isText(a.secret)))
  )
}

function isStored(value: unknown): value is StoredGatewayKeys {
  return (
    isObject(value) &&
    isConfig(value.config) &&
    isText(value.savedAt) &&
    (value.origin === 'env' || value.origin === 'admin')
  )
}

/**
 * Keeps the gateway keys of the desk's local hub in a 0600 file replaced atomically (written
 * aside, then renamed), always encrypted: with the OS keychain (Electron safeStorage) when the
 * host has one, else with AES-256-GCM and a random key in a separate 0600 file (localKeyCipher —
 * which protects a copy of this file alone, not a copy of the whole data folder). Either kind is
 * read back by a host that has it, so a data folder moved between hosts keeps working when it can.
 */
export class GatewayKeyStore {
  constructor(
    readonly file: string,
    private readonly ciphers: { keychain?: SecretCipher | undefined; localKey: SecretCipher },
  ) {}

  /** How the next save protects the keys. */
  get protection(): KeyProtection {
    return this.ciphers.keychain ? 'keychain' : 'localKey'
  }

  /** The kept keys, null if none; throws GatewayKeysUnreadableError when they cannot be read back. */
  load(): StoredGatewayKeys | null {
    if (!existsSync(this.file)) return null
    let parsed: Partial<KeysFile>
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<KeysFile>
    } catch {
      throw new GatewayKeysUnreadableError(this.file, 'contenu invalide')
    }
    if (parsed?.v !== 1 || !isText(parsed.encrypted))
      throw new GatewayKeysUnreadableError(this.file, 'contenu invalide')
    const cipher = parsed.protection === 'keychain' ? this.ciphers.keychain : this.ciphers.localKey
    if (parsed.protection === 'keychain' && !cipher)
      throw new GatewayKeysUnreadableError(
        this.file,
        'chiffrées avec le trousseau du système, indisponible ici',
      )
    let stored: unknown
    try {
      stored = JSON.parse(cipher!.decrypt(Buffer.from(parsed.encrypted, 'base64')))
    } catch (error) {
      const reason =
        error instanceof LocalKeyError
          ? error.message
          : parsed.protection === 'keychain'
            ? 'impossible à déchiffrer avec ce trousseau'
            : 'impossible à déchiffrer avec la clé locale'
      throw new GatewayKeysUnreadableError(this.file, reason)
    }
    if (!isStored(stored)) throw new GatewayKeysUnreadableError(this.file, 'contenu invalide')
    return stored
  }

  save(stored: StoredGatewayKeys): void {
    // At desk start the data folder may not exist yet (the keys are imported before the database opens).
    mkdirSync(dirname(this.file), { recursive: true })
    const cipher = this.ciphers.keychain ?? this.ciphers.localKey
    const content: KeysFile = {
      v: 1,
      protection: this.protection,
      encrypted: cipher.encrypt(JSON.stringify(stored)).toString('base64'),
    }
    const temp = `${this.file}.tmp`
    writeFileSync(temp, JSON.stringify(content), { mode: 0o600 })
    // The mode given above applies only when the file is created; a leftover temp file keeps its own.
    chmodSync(temp, 0o600)
    renameSync(temp, this.file)
  }

  /** Forgets the keys: the local hub goes back to the demonstration keys. */
  clear(): void {
    rmSync(this.file, { force: true })
  }
}

/** The store of a data folder: keychain when the host gives one, else the local key file. */
export function gatewayKeyStoreIn(dataDir: string, keychain?: SecretCipher): GatewayKeyStore {
  return new GatewayKeyStore(join(dataDir, GATEWAY_KEYS_FILE), {
    keychain,
    localKey: localKeyCipher(join(dataDir, GATEWAY_LOCAL_KEY_FILE)),
  })
}
