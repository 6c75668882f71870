import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, startBrowserHost } from '../../main/ipc/browserHost'
import { personInput } from '../helpers/customers'
import { dbState } from '../helpers/db'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: unknown
}

/** A POST with exactly these headers (fetch would add or refuse some, such as Host). */
function post(
  port: number,
  headers: Record<string, string>,
  body: string | Buffer,
  path = '/api/invoke',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let parsed: unknown = text
        try {
          parsed = JSON.parse(text)
        } catch {
          // keep the text
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('browser host', () => {
  let desk: TestDesk
  let host: BrowserHost
  let good: Record<string, string>
  beforeAll(async () => {
    desk = await tempDesk()
    host = await startBrowserHost({ router: desk.core.router, port: 0 })
    good = {
      host: `127.0.0.1:${host.port}`,
      origin: `http://127.0.0.1:${host.port}`,
      authorization: `Bearer ${host.token}`,
      'x-guichet-connection': 'tab-aaaaaaaaaaaaaaaa',
      'content-type': 'application/json',
    }
  })
  afterAll(async () => {
    await host.close()
    desk.dispose()
  })

  const invoke = (channel: string, input: unknown, headers: Record<string, string | undefined> = {}) => {
    const merged = Object.fromEntries(
      Object.entries({ ...good, ...headers }).filter((e): e is [string, string] => e[1] !== undefined),
    )
    return post(host.port, merged, JSON.stringify({ channel, input }))
  }

  it('listens on the loopback address only, with a per-launch token', async () => {
    const address = host.server.server.address()
    expect(address).toMatchObject({ address: '127.0.0.1' })
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`)
    expect(host.launchUrl).toBe(`${host.url}#token=${host.token}`)
    expect(host.token.length).toBeGreaterThanOrEqual(40)
    const other = await startBrowserHost({ router: desk.core.router })
    try {
      expect(other.token).not.toBe(host.token)
      expect(other.port).not.toBe(host.port)
    } finally {
      await other.close()
    }
  })

  it('cannot be reached on another interface', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4')
    const addresses = ['::1', ...(external ? [external.address] : [])]
    for (const address of addresses) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port })
        socket.once('connect', () => {
          socket.destroy()
          resolve('connected')
        })
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
      })
      expect([address, outcome]).not.toEqual([address, 'connected'])
    }
  })

  it('answers a call with the right token, Origin and Host', async () => {
    const reply = await invoke('app.info', {})
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.body).toMatchObject({ ok: true, data: { deskId: 'T01', host: 'browser' } })
  })

  it('accepts localhost as well as 127.0.0.1', async () => {
    const reply = await invoke(
      'app.info',
      {},
      { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` },
    )
    expect(reply.body).toMatchObject({ ok: true })
  })

  it('passes router errors through as data', async () => {
    const reply = await invoke('customers.list', {})
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' },
    })
  })

  // Headers are built lazily: the port and token exist only once the host has started.
  const badAuth: [string, () => Record<string, string | undefined>][] = [
    ['a wrong token', () => ({ authorization: 'Bearer not-the-token' })],
    ['the token plus one character', () => ({ authorization: `Bearer ${host.token}x` })],
    ['the token without its scheme', () => ({ authorization: host.token })],
    ['no token', () => ({ authorization: undefined })],
    ['another scheme', () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })],
  ]
  it.each(badAuth)('refuses %s with 401', async (_name, headers) => {
    const reply = await invoke('app.info', {}, headers())
    expect(reply.status).toBe(401)
    expect(JSON.stringify(reply.body)).not.toContain('deskId')
  })

  const badOrigin: [string, () => Record<string, string | undefined>][] = [
    ['a foreign Origin', () => ({ origin: 'https://evil.example' })],
    ['a look-alike Origin', () => ({ origin: `http://127.0.0.1.evil.example:${host.port}` })],
    ['another port', () => ({ origin: `http://127.0.0.1:${host.port + 1}` })],
    ['https on our port', () => ({ origin: `https://127.0.0.1:${host.port}` })],
    ['the null Origin of a sandboxed frame', () => ({ origin: 'null' })],
    ['no Origin', () => ({ origin: undefined })],
  ]
  it.each(badOrigin)('refuses %s with 403, even with the token', async (_name, headers) => {
    const reply = await invoke('app.info', {}, headers())
    expect(reply.status).toBe(403)
  })

  const badHost: [string, () => string][] = [
    ['a foreign Host (DNS rebinding)', () => 'evil.example'],
    ['a rebinding name on our port', () => `attacker.example:${host.port}`],
    ['our address without port', () => '127.0.0.1'],
    ['our address on another port', () => `127.0.0.1:${host.port + 1}`],
    ['the any address', () => `0.0.0.0:${host.port}`],
  ]
  it.each(badHost)('refuses %s with 421', async (_name, hostHeader) => {
    const reply = await post(
      host.port,
      { ...good, host: hostHeader() },
      JSON.stringify({ channel: 'app.info' }),
    )
    expect(reply.status).toBe(421)
  })

  it('refuses a foreign Host even for static files', async () => {
    const reply = await new Promise<number>((resolve, reject) => {
      request(
        { host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' }, setHost: false },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
        .on('error', reject)
        .end()
    })
    expect(reply).toBe(421)
  })

  it.each([
    ['missing', undefined],
    ['too short', 'abc'],
    ['with forbidden characters', 'tab/../../aaaaaaaaaaaa'],
  ])('refuses a connection id %s with 400', async (_name, connectionId) => {
    const reply = await invoke('app.info', {}, { 'x-guichet-connection': connectionId })
    expect(reply.status).toBe(400)
  })

  it('refuses a body without a channel with 400', async () => {
    const reply = await post(host.port, good, JSON.stringify({ input: {} }))
    expect(reply.status).toBe(400)
  })

  it('refuses a body over 16 MB without running the call', async () => {
    await desk.login('admin', 'web:tab-bigbigbigbigbigbig')
    const before = dbState(desk.core.database.sqlite)
    const body = JSON.stringify({
      channel: 'customers.create',
      input: personInput({ notes: 'x'.repeat(16 * 1024 * 1024) }),
    })
    const reply = await post(host.port, { ...good, 'x-guichet-connection': 'tab-bigbigbigbigbigbig' }, body)
    expect(reply.status).toBe(413)
    expect(dbState(desk.core.database.sqlite)).toEqual(before)
  })

  it('gives each connection id its own session', async () => {
    const a = { 'x-guichet-connection': 'tab-aaaaaaaaaaaaaaaa1' }
    const b = { 'x-guichet-connection': 'tab-bbbbbbbbbbbbbbbb2' }
    const login = await invoke('auth.login', { username: 'marie', password: 'guichet-demo' }, a)
    expect(login.body).toMatchObject({ ok: true, data: { staff: { username: 'marie' } } })

    expect((await invoke('auth.session', {}, a)).body).toMatchObject({
      ok: true,
      data: { staff: { username: 'marie' } },
    })
    expect((await invoke('auth.session', {}, b)).body).toEqual({ ok: true, data: null })
    expect((await invoke('customers.list', {}, b)).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })

    const created = await invoke('customers.create', personInput(), a)
    expect(created.body).toMatchObject({ ok: true, data: { customer: { lastName: 'Dupont' } } })

    // An Electron window with the same id is another connection again.
    const electron = await desk.core.router.call(
      { connectionId: 'tab-aaaaaaaaaaaaaaaa1', host: 'electron' },
      'auth.session',
      {},
    )
    expect(electron).toEqual({ ok: true, data: null })

    await invoke('auth.logout', {}, a)
    expect((await invoke('customers.list', {}, a)).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
})
