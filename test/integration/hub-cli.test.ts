/**
 * `npm run hub` as an administrator uses it, in child processes on one PGlite folder: serve,
 * enrol and revoke while it serves, a second process on the same folder refused, graceful
 * shutdown with a push in flight, and the data intact afterwards.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_FILE, readLock } from '../../hub/db/folderLock'
import { openHubStore } from '../../hub/db/open'
import { HubLinkStore } from '../../main/sync/hubLinkStore'
import {
  CODE_PATTERN,
  countRows,
  enrolWithCli,
  type HubProcess,
  killChildren,
  makeOp,
  post,
  pushBody,
  runCli,
  startHubProcess,
} from '../fixtures/hub-harness'
import { personInput } from '../helpers/customers'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

describe('npm run hub (PGlite, child processes)', () => {
  let dataDir: string
  let hub: HubProcess
  let desk: TestDesk
  let linkStore: HubLinkStore
  const env = () => ({ HUB_DATA_DIR: dataDir })

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guichet-hub-cli-'))
    hub = await startHubProcess({ env: { ...env(), HUB_LOG_LEVEL: 'debug' }, viaNpm: true })
    const deskDir = mkdtempSync(join(tmpdir(), 'guichet-hub-cli-desk-'))
    linkStore = new HubLinkStore(join(deskDir, 'hub-link.json'))
    desk = await tempDesk({ deskId: 'C01', dir: deskDir, hubLinkStore: linkStore })
    await desk.login('admin')
  }, 60_000)
  afterAll(() => {
    killChildren()
    desk?.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves, and holds the PGlite folder with a lock file only its user can read', async () => {
    const health = await fetch(`${hub.url}/health`)
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'pglite', database: 'ok' })
    const lock = readLock(dataDir)!
    expect(lock.pid).toEqual(expect.any(Number))
    expect(statSync(join(dataDir, LOCK_FILE)).mode & 0o777).toBe(0o600)
  })

  it('`enrol` prints a one-time code (made by the serving hub), which the desk trades for its credential', async () => {
    const { code, output } = await runCli(['enrol', '--desk', 'C01', '--site', 'Port Sainte Marie'], {
      env: env(),
      viaNpm: true,
    })
    expect(code).toBe(0)
    expect(output).toMatch(
      /Code d'enrôlement du guichet C01 \(Port Sainte Marie\), valable 24 h : [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/,
    )
    const enrolment = CODE_PATTERN.exec(output)![1]!

    const status = await desk.ok('sync.connect', { hubUrl: hub.url, code: enrolment })
    expect(status).toMatchObject({ mode: 'hub', site: 'Port Sainte Marie', online: true, lastError: null })
    expect(statSync(linkStore.file).mode & 0o777).toBe(0o600)
    await desk.ok('customers.create', personInput())
    expect(await desk.ok('sync.now', {})).toMatchObject({ online: true, pending: 0 })
  })

  it('refuses bad arguments with a message and exit code 2', async () => {
    const noDesk = await runCli(['enrol', '--site', 'X'], { env: env() })
    expect(noDesk).toMatchObject({ code: 2, output: expect.stringContaining('--desk') })
    const noSite = await runCli(['enrol', '--desk', 'C09'], { env: env() })
    expect(noSite).toMatchObject({ code: 2, output: expect.stringContaining('--site') })
    const unknown = await runCli(['explode'], { env: env() })
    expect(unknown).toMatchObject({ code: 2, output: expect.stringContaining('commande inconnue') })
  })

  it('refuses a second hub process on the same PGlite folder, naming the one that holds it', async () => {
    const second = await runCli(['serve'], { env: { ...env(), HUB_PORT: '0' } })
    expect(second.code).toBe(2)
    const holder = readLock(dataDir)!.pid
    expect(second.output).toContain(`déjà ouvert par le processus ${holder}`)
    expect(second.output).toContain('PGlite')
    // The first one is undisturbed.
    expect((await fetch(`${hub.url}/health`)).status).toBe(200)
  })

  it('`revoke` refuses the desk from then on (403), and the desk shows it in its status', async () => {
    const unknown = await runCli(['revoke', '--desk', 'ZZ9'], { env: env(), viaNpm: true })
    expect(unknown).toMatchObject({ code: 1, output: expect.stringContaining('Guichet ZZ9 inconnu') })

    const revoked = await runCli(['revoke', '--desk', 'C01'], { env: env(), viaNpm: true })
    expect(revoked).toMatchObject({ code: 0, output: expect.stringContaining('Guichet C01 révoqué') })
    const credential = linkStore.load()!.credential
    const push = await post(`${hub.url}/v1/sync/push`, pushBody('C01', [makeOp('C01')]), credential)
    expect(push).toMatchObject({ status: 403, body: { error: 'desk revoked' } })

    await desk.ok('customers.create', personInput({ lastName: 'Après' }))
    const status = await desk.ok('sync.now', {})
    expect(status).toMatchObject({ online: false, pending: 1 })
    expect(status.lastError).toMatch(/403.*desk revoked/)
  })

  let pushedOps = 0

  it('stops on SIGTERM after the push in flight has committed, and releases the folder', async () => {
    const code = await enrolWithCli('C02', 'Agdal', { env: env() })
    const { credential } = (await post(`${hub.url}/v1/enrol`, { code, deskId: 'C02' })).body
    const ops = Array.from({ length: 500 }, () => makeOp('C02'))
    const inFlight = post(`${hub.url}/v1/sync/push`, pushBody('C02', ops), credential)
    await hub.waitFor(/"desk":"C02","ops":500,"msg":"push received"/)
    // As Ctrl+C in a terminal or a service manager does: the signal reaches the process group.
    hub.signalGroup('SIGTERM')
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(response.body.results.filter((r: { status: string }) => r.status === 'applied')).toHaveLength(500)
    pushedOps = 500
    // npm itself dies of the signal it passed on (through `sh -c`); the hub process logs its stop.
    expect([0, 'SIGTERM']).toContain(await hub.exited)
    const lines = hub.output().split('\n')
    const at = (msg: string) => lines.findIndex((l) => l.includes(`"msg":"${msg}"`))
    const received = lines.findIndex((l) => l.includes('"desk":"C02","ops":500,"msg":"push received"'))
    const pushed = lines.findIndex((l) => l.includes('"desk":"C02","ops":500,"statuses"'))
    expect(received).toBeGreaterThan(-1)
    expect(at('shutting down')).toBeGreaterThan(received)
    expect(at('stopped')).toBeGreaterThan(Math.max(pushed, at('shutting down')))
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false)
  })

  it('restarts on the same folder with everything there, and exits 0 on SIGTERM', async () => {
    const again = await startHubProcess({ env: env() })
    const credential = linkStore.load()!.credential
    // C01 is still revoked after the restart; C02's 500 operations are all there.
    expect(
      (await post(`${again.url}/v1/sync/pull`, { cursor: 0, schemaVersion: 1 }, credential)).status,
    ).toBe(403)
    const code = await enrolWithCli('C03', 'Hay Riad', { env: env() })
    const c03 = (await post(`${again.url}/v1/enrol`, { code, deskId: 'C03' })).body.credential
    const pulled = await post(`${again.url}/v1/sync/pull`, { cursor: 0, schemaVersion: 1, limit: 1000 }, c03)
    expect(pulled.body.changes.filter((c: { originDesk: string }) => c.originDesk === 'C02')).toHaveLength(
      pushedOps,
    )
    again.signal('SIGTERM')
    expect(await again.exited).toBe(0)
    expect(again.output()).toContain('"msg":"stopped"')
  })

  it('`enrol` opens the folder itself when no hub serves it; the data is intact', async () => {
    await enrolWithCli('C04', 'Salé', { env: env() })
    const store = await openHubStore({ dataDir })
    try {
      expect(await countRows(store.db, 'ops')).toBe(1 + pushedOps) // C01's customer, C02's batch
      expect(await countRows(store.db, 'entities')).toBe(1 + pushedOps)
      expect(await countRows(store.db, 'desks')).toBe(4)
    } finally {
      await store.close()
    }
  })
})
