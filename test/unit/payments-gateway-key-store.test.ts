/**
 * The desk's payment gateway keys (docs/payments.md, "Keys on the desk"): always encrypted in a
 * 0600 file replaced atomically — with the OS keychain (here a stand-in cipher) or with AES-256-GCM
 * and a local key file —, imported from GUICHET_PAY_*, described by fingerprints only.
 */
import { createHash } from 'node:crypto'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HubPaymentsConfig } from '../../hub/payments/config'
import { DEMO_PAYMENTS_CONFIG } from '../../hub/payments/sandbox/demoConfig'
import { fixedClock } from '../../main/app/clock'
import { usableKey } from '../../main/integrations/monetico/seal'
import {
  GATEWAY_KEYS_FILE,
  GATEWAY_LOCAL_KEY_FILE,
  GatewayKeyStore,
  GatewayKeysUnreadableError,
  gatewayKeyStoreIn,
  type StoredGatewayKeys,
} from '../../main/payments/gatewayKeyStore'
import { fingerprint, GatewayKeys } from '../../main/payments/gatewayKeys'
import type { SecretCipher } from '../../main/sync/hubLinkStore'
import { gatewayKeysSetInput, MONETICO_KEY } from '../../preload/contract/gatewayKeys'

const MONETICO_KEY_VALUE = '0123456789ABCDEF0123456789ABCDEF01234567'
const STORE_KEY = 'StoreKey-9f8e7d6c'
const FATOURATI_SECRET = 'fatourati-secret-0a1b2c3d4e'
const config: HubPaymentsConfig = {
  publicUrl: 'https://pay.example.ma',
  monetico: {
    tpe: '1234567',
    key: MONETICO_KEY_VALUE,
    company: 'portsm',
    paymentUrl: '/sandbox/monetico/paiement.cgi',
  },
  cmi: {
    clientId: '600001234',
    storeKey: STORE_KEY,
    gatewayUrl: 'https://testpayment.cmi.co.ma/fim/est3Dgate',
  },
  fatourati: { secret: FATOURATI_SECRET },
}
const stored: StoredGatewayKeys = { config, savedAt: '2026-11-22T09:00:00.000Z', origin: 'admin' }
const SECRETS = [MONETICO_KEY_VALUE, STORE_KEY, FATOURATI_SECRET]

/** Stands in for safeStorage: a reversible transformation that hides the text. */
const keychain: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
}

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-gateway-keys-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const mode = (file: string) => statSync(file).mode & 0o777
const expectNoSecret = (text: string) => {
  for (const secret of SECRETS) expect(text).not.toContain(secret)
}

describe('GatewayKeyStore', () => {
  it('has nothing until something is saved', () => {
    expect(gatewayKeyStoreIn(tempDir()).load()).toBeNull()
  })

  it('encrypts with the keychain when there is one: round trip, 0600, no key in the file', () => {
    const dir = tempDir()
    const store = gatewayKeyStoreIn(dir, keychain)
    expect(store.protection).toBe('keychain')
    store.save(stored)
    const file = join(dir, GATEWAY_KEYS_FILE)
    expect(mode(file)).toBe(0o600)
    const text = readFileSync(file, 'utf8')
    expectNoSecret(text)
    expect(JSON.parse(text)).toMatchObject({ v: 1, protection: 'keychain' })
    expect(existsSync(join(dir, GATEWAY_LOCAL_KEY_FILE))).toBe(false)
    expect(gatewayKeyStoreIn(dir, keychain).load()).toEqual(stored)
  })

  it('without a keychain, encrypts with AES-256-GCM and a random 32-byte key in its own 0600 file', () => {
    const dir = tempDir()
    const store = gatewayKeyStoreIn(dir)
    expect(store.protection).toBe('localKey')
    store.save(stored)
    const file = join(dir, GATEWAY_KEYS_FILE)
    const keyFile = join(dir, GATEWAY_LOCAL_KEY_FILE)
    expect(mode(file)).toBe(0o600)
    expect(mode(keyFile)).toBe(0o600)
    expect(readFileSync(keyFile)).toHaveLength(32)
    const text = readFileSync(file, 'utf8')
    expectNoSecret(text)
    // Not even base64-encoded in the clear.
    expectNoSecret(Buffer.from(JSON.parse(text).encrypted, 'base64').toString('latin1'))
    expect(JSON.parse(text)).toMatchObject({ v: 1, protection: 'localKey' })
    expect(gatewayKeyStoreIn(dir).load()).toEqual(stored)
    // A desktop app with a keychain still reads what the browser host wrote.
    expect(gatewayKeyStoreIn(dir, keychain).load()).toEqual(stored)
    // Each save draws a new IV; the key stays.
    const key = readFileSync(keyFile)
    store.save(stored)
    expect(readFileSync(file, 'utf8')).not.toBe(text)
    expect(readFileSync(keyFile).equals(key)).toBe(true)
  })

  it('protects a copy of the file alone, not a copy of the whole data folder', () => {
    const dir = tempDir()
    gatewayKeyStoreIn(dir).save(stored)
    const alone = tempDir()
    copyFileSync(join(dir, GATEWAY_KEYS_FILE), join(alone, GATEWAY_KEYS_FILE))
    expect(() => gatewayKeyStoreIn(alone).load()).toThrow(/illisibles : clé locale .* absente/)

    const otherKey = tempDir()
    copyFileSync(join(dir, GATEWAY_KEYS_FILE), join(otherKey, GATEWAY_KEYS_FILE))
    gatewayKeyStoreIn(otherKey).save(stored) // makes its own key…
    copyFileSync(join(dir, GATEWAY_KEYS_FILE), join(otherKey, GATEWAY_KEYS_FILE)) // …then gets the other file
    expect(() => gatewayKeyStoreIn(otherKey).load()).toThrow(/impossible à déchiffrer avec la clé locale/)

    const whole = tempDir()
    for (const name of [GATEWAY_KEYS_FILE, GATEWAY_LOCAL_KEY_FILE])
      copyFileSync(join(dir, name), join(whole, name))
    expect(gatewayKeyStoreIn(whole).load()).toEqual(stored)
  })

  it('replaces the file atomically, 0600 even over a looser leftover, and leaves no temp file', () => {
    const dir = tempDir()
    const file = join(dir, GATEWAY_KEYS_FILE)
    writeFileSync(`${file}.tmp`, 'leftover')
    chmodSync(`${file}.tmp`, 0o644)
    gatewayKeyStoreIn(dir).save(stored)
    expect(mode(file)).toBe(0o600)
    expect(existsSync(`${file}.tmp`)).toBe(false)
  })

  it('creates the data folder when keys are saved before the desk first opens it', () => {
    const dir = join(tempDir(), 'not-yet')
    gatewayKeyStoreIn(dir).save(stored)
    expect(gatewayKeyStoreIn(dir).load()).toEqual(stored)
  })

  it.each([
    ['not JSON', (file: string) => writeFileSync(file, '{ oops'), /contenu invalide/],
    ['not an envelope', (file: string) => writeFileSync(file, '{"v":1}'), /contenu invalide/],
    [
      'tampered ciphertext',
      (file: string) => {
        const content = JSON.parse(readFileSync(file, 'utf8'))
        const bytes = Buffer.from(content.encrypted, 'base64')
        bytes[bytes.length - 1]! ^= 1
        writeFileSync(file, JSON.stringify({ ...content, encrypted: bytes.toString('base64') }))
      },
      /impossible à déchiffrer avec la clé locale/,
    ],
    [
      'truncated ciphertext',
      (file: string) =>
        writeFileSync(file, JSON.stringify({ v: 1, protection: 'localKey', encrypted: 'AAAA' })),
      /tronqué/,
    ],
  ])('says clearly, in French, when the file is damaged: %s', (_, damage, reason) => {
    const dir = tempDir()
    const store = gatewayKeyStoreIn(dir)
    store.save(stored)
    damage(store.file)
    let error: unknown
    try {
      store.load()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(GatewayKeysUnreadableError)
    expect((error as Error).message).toMatch(/^Les clés des passerelles de paiement \(.*\) sont illisibles/)
    expect((error as Error).message).toMatch(reason)
    expect((error as Error).message).toMatch(/Saisissez-les de nouveau/)
  })

  it('says so when the keys were encrypted with a keychain this host does not have', () => {
    const dir = tempDir()
    gatewayKeyStoreIn(dir, keychain).save(stored)
    expect(() => gatewayKeyStoreIn(dir).load()).toThrow(/trousseau du système, indisponible ici/)
    const otherKeychain: SecretCipher = {
      encrypt: keychain.encrypt,
      decrypt: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      },
    }
    expect(() =>
      new GatewayKeyStore(join(dir, GATEWAY_KEYS_FILE), {
        keychain: otherKeychain,
        localKey: keychain,
      }).load(),
    ).toThrow(/impossible à déchiffrer avec ce trousseau/)
  })
})

describe('GatewayKeys', () => {
  const clock = () => fixedClock('2026-11-22T09:00:00Z', 1000)
  const env = {
    GUICHET_PAY_MONETICO_TPE: '1234567',
    GUICHET_PAY_MONETICO_KEY: MONETICO_KEY_VALUE,
    GUICHET_PAY_MONETICO_COMPANY: 'portsm',
    GUICHET_PAY_CMI_CLIENT_ID: '600001234',
    GUICHET_PAY_CMI_STORE_KEY: STORE_KEY,
    GUICHET_PAY_FATOURATI_SECRET: FATOURATI_SECRET,
  }

  it('imports GUICHET_PAY_* into the encrypted store once, with the hub’s defaults, logging no value', () => {
    const dir = tempDir()
    const keys = new GatewayKeys(gatewayKeyStoreIn(dir), clock())
    const log: Record<string, unknown>[] = []
    expect(keys.importFromEnv(env, (e) => log.push(e))).toBe('imported')
    expect(keys.importFromEnv({ ...env }, (e) => log.push(e))).toBe('unchanged')
    const kept = gatewayKeyStoreIn(dir).load()!
    expect(kept.origin).toBe('env')
    expect(kept.config).toEqual({
      publicUrl: '',
      monetico: {
        tpe: '1234567',
        key: MONETICO_KEY_VALUE,
        company: 'portsm',
        paymentUrl: 'https://p.monetico-services.com/test/paiement.cgi',
      },
      cmi: {
        clientId: '600001234',
        storeKey: STORE_KEY,
        gatewayUrl: 'https://testpayment.cmi.co.ma/fim/est3Dgate',
      },
      fatourati: { secret: FATOURATI_SECRET },
    })
    expectNoSecret(readFileSync(join(dir, GATEWAY_KEYS_FILE), 'utf8'))
    expect(log).toEqual([
      expect.objectContaining({
        level: 'info',
        gateways: ['monetico', 'cmi', 'fatourati'],
        protection: 'localKey',
      }),
    ])
    expectNoSecret(JSON.stringify(log))
    expect(keys.status()).toMatchObject({ stored: true, origin: 'env', fromEnvironment: true })

    // A changed variable replaces what was kept.
    expect(keys.importFromEnv({ ...env, GUICHET_PAY_CMI_STORE_KEY: 'AnotherStoreKey1' })).toBe('imported')
    expect(gatewayKeyStoreIn(dir).load()!.config.cmi!.storeKey).toBe('AnotherStoreKey1')
  })

  it('does nothing without GUICHET_PAY_*, and refuses invalid ones naming the variable, not its value', () => {
    const dir = tempDir()
    const keys = new GatewayKeys(gatewayKeyStoreIn(dir), clock())
    expect(keys.importFromEnv({ PATH: '/usr/bin' })).toBe('none')
    expect(keys.status().fromEnvironment).toBe(false)
    const log: Record<string, unknown>[] = []
    const badKey = 'not-a-monetico-key-0123456789'
    expect(keys.importFromEnv({ ...env, GUICHET_PAY_MONETICO_KEY: badKey }, (e) => log.push(e))).toBe(
      'invalid',
    )
    expect(existsSync(join(dir, GATEWAY_KEYS_FILE))).toBe(false)
    expect(log).toEqual([
      expect.objectContaining({ level: 'error', variables: ['GUICHET_PAY_MONETICO_KEY'] }),
    ])
    expect(JSON.stringify(log)).not.toContain(badKey)
  })

  it('describes the keys by fingerprint only (last 4 hex digits of their SHA-256)', () => {
    const dir = tempDir()
    const keys = new GatewayKeys(gatewayKeyStoreIn(dir), clock())
    const empty = keys.status()
    expect(empty).toMatchObject({ stored: false, unreadable: false, localHub: 'off', restartNeeded: false })
    expect(empty.gateways.monetico).toEqual({ configured: false, fingerprint: null })

    keys.store.save(stored)
    const status = keys.status()
    const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(-4)
    expect(status.gateways).toEqual({
      monetico: { configured: true, fingerprint: sha(MONETICO_KEY_VALUE) },
      cmi: { configured: true, fingerprint: sha(STORE_KEY) },
      fatourati: { configured: true, fingerprint: sha(FATOURATI_SECRET) },
      amanpay: { configured: false, fingerprint: null },
    })
    expect(fingerprint(STORE_KEY)).toMatch(/^[0-9a-f]{4}$/)
    expectNoSecret(JSON.stringify(status))

    writeFileSync(keys.store.file, 'garbage')
    expect(keys.status()).toMatchObject({ stored: false, unreadable: true })
  })

  it('applies an administrator’s change: replace, keep, remove; none left means the demo keys again', () => {
    const dir = tempDir()
    const keys = new GatewayKeys(gatewayKeyStoreIn(dir), clock())
    keys.set({ monetico: { tpe: '1234567', key: MONETICO_KEY_VALUE, company: 'portsm', paymentUrl: '' } })
    expect(keys.store.load()!.config).toEqual({
      publicUrl: '',
      monetico: {
        tpe: '1234567',
        key: MONETICO_KEY_VALUE,
        company: 'portsm',
        paymentUrl: 'https://p.monetico-services.com/test/paiement.cgi',
      },
    })
    keys.set({ cmi: { clientId: '600001234', storeKey: STORE_KEY }, publicUrl: 'https://pay.example.ma' })
    const both = keys.store.load()!
    expect(both.origin).toBe('admin')
    expect(both.config.monetico?.key).toBe(MONETICO_KEY_VALUE) // kept
    expect(both.config.cmi?.gatewayUrl).toBe('https://testpayment.cmi.co.ma/fim/est3Dgate')
    expect(both.config.publicUrl).toBe('https://pay.example.ma')
    expect(keys.set({ monetico: null }).gateways.monetico.configured).toBe(false)
    expect(keys.store.load()!.config.cmi?.storeKey).toBe(STORE_KEY)
    keys.set({ cmi: null })
    expect(existsSync(keys.store.file)).toBe(false)
  })

  it('replaces unreadable keys rather than failing', () => {
    const dir = tempDir()
    const keys = new GatewayKeys(gatewayKeyStoreIn(dir), clock())
    writeFileSync(keys.store.file, 'garbage')
    keys.set({ amanpay: { secret: 'amanpay-secret-0123456789' } })
    expect(keys.status()).toMatchObject({ stored: true, unreadable: false })
  })

  it('gives the local hub the kept keys, else the demo keys (also when unreadable, with a log line)', () => {
    const dir = tempDir()
    const keys = new GatewayKeys(gatewayKeyStoreIn(dir), clock())
    expect(keys.forLocalHub()).toMatchObject({
      config: DEMO_PAYMENTS_CONFIG,
      source: 'demo',
      sandboxes: true,
    })
    keys.store.save(stored)
    expect(keys.forLocalHub()).toMatchObject({ config, source: 'stored', sandboxes: true })
    keys.store.save({
      ...stored,
      config: { ...config, monetico: { ...config.monetico!, paymentUrl: 'https://bank' } },
    })
    // Real gateway pages only: no sandbox gets a real key to seal notifications with.
    expect(keys.forLocalHub().sandboxes).toBe(false)
    writeFileSync(keys.store.file, 'garbage')
    const log: Record<string, unknown>[] = []
    expect(keys.forLocalHub((e) => log.push(e)).source).toBe('demo')
    expect(log).toEqual([
      expect.objectContaining({ level: 'error', error: expect.stringContaining('illisibles') }),
    ])
  })
})

describe('the Monetico key rule of the admin screen', () => {
  const accepts = (key: string) => MONETICO_KEY.test(key)
  const usable = (key: string) => {
    try {
      usableKey(key)
      return true
    } catch {
      return false
    }
  }

  it('accepts exactly the keys the seal can use (40 hex, or the kits’ legacy shapes)', () => {
    const base = '0123456789abcdef0123456789ABCDEF012345'
    const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
    for (const a of chars)
      for (const b of ['0', '9', 'a', 'F', 'M', 'G', 'z']) {
        const key = `${base}${a}${b}`
        expect(accepts(key), key).toBe(usable(key))
      }
    expect(accepts(DEMO_PAYMENTS_CONFIG.monetico!.key)).toBe(true)
    expect(accepts(MONETICO_KEY_VALUE.slice(1))).toBe(false)
  })

  it('puts French errors at the field', () => {
    const parsed = gatewayKeysSetInput.safeParse({
      monetico: { tpe: '12', key: 'short', company: 'a b' },
      cmi: { clientId: 'abc', storeKey: 'short' },
      fatourati: { secret: 'short' },
      publicUrl: 'ftp://x',
    })
    expect(parsed.success).toBe(false)
    const issues = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(issues).toEqual({
      'monetico.tpe': 'validation.moneticoTpe',
      'monetico.key': 'validation.moneticoKey',
      'monetico.company': 'validation.gatewayCompany',
      'cmi.clientId': 'validation.cmiClientId',
      'cmi.storeKey': 'validation.cmiStoreKey',
      'fatourati.secret': 'validation.gatewaySecret',
      publicUrl: 'validation.url',
    })
  })
})
