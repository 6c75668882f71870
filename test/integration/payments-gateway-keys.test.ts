/**
 * Gateway keys on the desk (docs/payments.md, "Keys on the desk"): an administrator writes them
 * through `payments.gatewayKeys.set`, reads back fingerprints only, nothing logs them, and the
 * desk's local hub started by connectDesk seals and verifies with them instead of the demo keys.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PAYMENTS_CONFIG } from '../../hub/payments/sandbox/demoConfig'
import { sealFields } from '../../main/integrations/monetico/seal'
import { gatewayKeyStoreIn } from '../../main/payments/gatewayKeyStore'
import { GatewayKeys } from '../../main/payments/gatewayKeys'
import { connectDesk } from '../../main/sync/connectDesk'
import { HubLinkStore } from '../../main/sync/hubLinkStore'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

const KEY = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678'
const STORE_KEY = 'Cmi-Store-Key-Secret-42'
const SECRET = 'fatourati-shared-secret-xyz'
const monetico = { tpe: '7654321', key: KEY, company: 'portsm', paymentUrl: '/sandbox/monetico/paiement.cgi' }

describe('payments.gatewayKeys channels', () => {
  let desk: TestDesk
  const log: Record<string, unknown>[] = []

  beforeAll(async () => {
    desk = await tempDesk({ log: (entry) => log.push(entry) })
  })
  afterAll(() => desk?.dispose())

  it.each(['marie', 'youssef', 'claire'])('are for administrators only (%s is refused)', async (username) => {
    await desk.login(username, username)
    const set = await desk.call('payments.gatewayKeys.set', { fatourati: { secret: SECRET } }, username)
    const status = await desk.call('payments.gatewayKeys.status', {}, username)
    expect(set).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(status).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await desk.call('payments.gatewayKeys.status', {}, 'nobody')).ok).toBe(false)
  })

  it('saves the keys and answers with which gateways are configured and fingerprints, never a key', async () => {
    await desk.login('admin')
    const before = await desk.ok('payments.gatewayKeys.status', {})
    expect(before).toMatchObject({ stored: false, protection: 'localKey', localHub: 'off' })

    const after = await desk.ok('payments.gatewayKeys.set', {
      monetico,
      cmi: { clientId: '600001234', storeKey: STORE_KEY, gatewayUrl: '' },
      fatourati: { secret: SECRET },
    })
    expect(after).toMatchObject({
      stored: true,
      origin: 'admin',
      gateways: {
        monetico: { configured: true, fingerprint: expect.stringMatching(/^[0-9a-f]{4}$/) },
        cmi: { configured: true },
        fatourati: { configured: true },
        amanpay: { configured: false, fingerprint: null },
      },
    })
    const status = await desk.ok('payments.gatewayKeys.status', {})
    for (const answer of [JSON.stringify(after), JSON.stringify(status)])
      for (const secret of [KEY, STORE_KEY, SECRET, KEY.toLowerCase()]) expect(answer).not.toContain(secret)
    expect(gatewayKeyStoreIn(desk.dir).load()?.config.monetico?.key).toBe(KEY)
  })

  it('puts invalid fields under their name, with the key of a French message', async () => {
    const result = await desk.call('payments.gatewayKeys.set', {
      monetico: { ...monetico, key: 'ZZ' },
      amanpay: { secret: 'short' },
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.details?.fields).toEqual(
      expect.arrayContaining([
        { path: 'monetico.key', key: 'validation.moneticoKey' },
        { path: 'amanpay.secret', key: 'validation.gatewaySecret' },
      ]),
    )
    expect(JSON.stringify(result)).not.toContain('short')
  })

  it('never logs what was sent, even when saving fails unexpectedly', async () => {
    // The file's place is taken by a folder: the rename fails, the router logs the error.
    const store = gatewayKeyStoreIn(desk.dir)
    rmSync(store.file)
    mkdirSync(store.file)
    try {
      const result = await desk.call('payments.gatewayKeys.set', { monetico, fatourati: { secret: SECRET } })
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    } finally {
      rmSync(store.file, { recursive: true })
    }
    expect(log.length).toBeGreaterThan(0)
    const logged = JSON.stringify(log)
    for (const secret of [KEY, SECRET]) expect(logged).not.toContain(secret)
  })
})

describe('the local hub started by connectDesk', () => {
  const post = async (url: string, fields: Record<string, string>) =>
    (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      })
    ).text()
  /** A Monetico return the hub can only accept with the right key (an unknown code: no effect). */
  const moneticoReturn = (key: string, tpe: string) =>
    sealFields(key, {
      TPE: tpe,
      reference: 'NOSUCHREF001',
      'code-retour': 'test',
      montant: '1.00EUR',
      MAC: '',
    })

  const start = async (keys?: { keys: GatewayKeys; dir: string }) => {
    const desk = await tempDesk({ deskId: 'C01', ...(keys ? { dir: keys.dir } : {}) })
    const log: Record<string, unknown>[] = []
    const close = await connectDesk(desk.core, {
      dataDir: desk.dir,
      deskId: 'C01',
      deskName: 'Guichet',
      linkStore: new HubLinkStore(join(desk.dir, 'hub-link.json')),
      intervalMs: 60_000,
      ...(keys ? { gatewayKeys: keys.keys } : {}),
      log: (entry) => log.push(entry),
    })
    await desk.login('admin')
    const { hubUrl } = await desk.ok('sync.status', {})
    return { desk, close, hubUrl: hubUrl!, log }
  }

  it('verifies the bank’s seal with the keys kept on the desk, not the demo ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-gateway-keys-hub-'))
    const keys = new GatewayKeys(gatewayKeyStoreIn(dir))
    keys.set({ monetico, fatourati: { secret: SECRET } })
    const { desk, close, hubUrl, log } = await start({ keys, dir })
    try {
      const url = `${hubUrl}/v1/payments/monetico/return`
      expect(await post(url, moneticoReturn(KEY, monetico.tpe))).toBe('version=2\ncdr=0\n')
      const demo = DEMO_PAYMENTS_CONFIG.monetico!
      expect(await post(url, moneticoReturn(demo.key, demo.tpe))).toBe('version=2\ncdr=1\n')
      // The sandbox is there: the Monetico page points at it.
      expect((await fetch(`${hubUrl}/sandbox/log`)).status).toBe(200)

      expect(keys.status()).toMatchObject({ localHub: 'stored', restartNeeded: false })
      keys.set({ amanpay: { secret: 'amanpay-shared-secret-123' } })
      expect(keys.status()).toMatchObject({ localHub: 'stored', restartNeeded: true })
      expect(JSON.stringify(log)).not.toContain(KEY)
    } finally {
      await close()
      desk.dispose()
    }
    expect(keys.status().localHub).toBe('off')
  }, 60_000)

  it('uses the demo keys when none are kept', async () => {
    const { desk, close, hubUrl } = await start()
    try {
      const demo = DEMO_PAYMENTS_CONFIG.monetico!
      const url = `${hubUrl}/v1/payments/monetico/return`
      expect(await post(url, moneticoReturn(demo.key, demo.tpe))).toBe('version=2\ncdr=0\n')
      expect(await post(url, moneticoReturn(KEY, monetico.tpe))).toBe('version=2\ncdr=1\n')
    } finally {
      await close()
      desk.dispose()
    }
  }, 60_000)
})
