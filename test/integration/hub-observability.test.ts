/**
 * The hub's health endpoint (with a database round trip) and its structured logs: one JSON line
 * per request with its id and desk, op counts for pushes and pulls, and never a credential, an
 * enrolment code or the Authorization header. Against PGlite and (with DATABASE_URL) PostgreSQL.
 */
import { once } from 'node:events'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEnrolmentCode } from '../../hub/enrolment'
import { HUB_SCHEMA_VERSION } from '../../hub/protocol'
import { type RunningHub, startHub } from '../../hub/server'
import { makeOp, openTestStore, post, pushBody, STORE_KINDS, type TestStore } from '../fixtures/hub-harness'

type LogLine = Record<string, unknown> & { level: number; time: number; msg: string }

describe.each(STORE_KINDS)('health and logs (%s)', (kind) => {
  let t: TestStore
  let hub: RunningHub
  const raw: string[] = []
  const lines = () => raw.join('').split('\n').filter(Boolean)
  const logs = () => lines().map((l) => JSON.parse(l) as LogLine)
  let credential: string
  let code: string

  beforeAll(async () => {
    t = await openTestStore(kind)
    hub = await startHub({
      store: t.store,
      logLevel: 'debug',
      logStream: { write: (line) => raw.push(line) },
    })
  })
  afterAll(async () => {
    await hub?.close()
    await t?.dispose()
  })

  it('GET /health answers ok with the storage and schema version, after asking the database', async () => {
    const response = await fetch(`${hub.url}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      status: 'ok',
      storage: kind,
      schemaVersion: HUB_SCHEMA_VERSION,
      acceptedSchemaVersions: [HUB_SCHEMA_VERSION - 1, HUB_SCHEMA_VERSION].filter((v) => v > 0),
      database: 'ok',
    })
  })

  it('logs one JSON line per request, with its id, the desk and the op counts', async () => {
    code = (await createEnrolmentCode(t.store.db, 'C01', 'Port Sainte Marie')).code
    const enrolled = await post(`${hub.url}/v1/enrol`, { code, deskId: 'C01' })
    expect(enrolled.status).toBe(200)
    credential = enrolled.body.credential
    await post(`${hub.url}/v1/enrol`, { code, deskId: 'C01' }) // spent: refused

    const ops = [makeOp('C01'), makeOp('C01'), makeOp('C01', { entity: 'staff' })]
    const pushed = await post(`${hub.url}/v1/sync/push`, pushBody('C01', ops), credential, {
      'x-request-id': 'desk-C01-push-1',
    })
    expect(pushed.status).toBe(200)
    expect(pushed.headers.get('x-request-id')).toBe('desk-C01-push-1')
    const pulled = await post(`${hub.url}/v1/sync/pull`, { cursor: 0, schemaVersion: 1 }, credential)
    expect(pulled.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const forged = `C01.${'Z'.repeat(43)}`
    expect((await post(`${hub.url}/v1/sync/push`, pushBody('C01', [makeOp('C01')]), forged)).status).toBe(401)

    const all = logs()
    for (const line of all)
      expect(line).toMatchObject({ level: expect.any(Number), time: expect.any(Number) })

    const push = all.find((l) => l.msg === 'push')
    expect(push).toMatchObject({
      reqId: 'desk-C01-push-1',
      desk: 'C01',
      ops: 3,
      statuses: { applied: 2, rejected: 1 },
    })
    expect(all.find((l) => l.msg === 'request' && l.reqId === 'desk-C01-push-1')).toMatchObject({
      method: 'POST',
      url: '/v1/sync/push',
      status: 200,
      desk: 'C01',
      ms: expect.any(Number),
    })
    expect(all.find((l) => l.msg === 'pull')).toMatchObject({ desk: 'C01', cursor: 0, changes: 2 })
    expect(all.find((l) => l.msg === 'desk enrolled')).toMatchObject({
      desk: 'C01',
      site: 'Port Sainte Marie',
    })
    const refused = all.filter((l) => l.msg === 'request refused')
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ url: '/v1/enrol', status: 403, claimedDesk: 'C01' }),
        expect.objectContaining({
          url: '/v1/sync/push',
          status: 401,
          claimedDesk: 'C01',
          refusal: 'bad credential',
        }),
      ]),
    )
    // Every request of a push shares its id across its lines.
    expect(all.filter((l) => l.reqId === 'desk-C01-push-1').length).toBeGreaterThanOrEqual(3)
  })

  it('on close, answers new requests 503, lets the push in flight finish and answer, then stops', async () => {
    const closingHub = await startHub({ store: t.store, logLevel: false })
    const body = Buffer.from(JSON.stringify(pushBody('C01', [makeOp('C01')])))
    // A push whose body is still arriving when the hub is asked to close.
    const socket = connect(closingHub.port, '127.0.0.1')
    await once(socket, 'connect')
    const ended = once(socket, 'end')
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8')
    })
    socket.write(
      `POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${credential}\r\nContent-Length: ${body.length}\r\n\r\n`,
    )
    socket.write(body.subarray(0, 20))
    await new Promise((resolve) => setTimeout(resolve, 200))

    const closed = closingHub.close()
    const late = await fetch(`${closingHub.url}/health`)
    expect(late.status).toBe(503)
    expect(late.headers.get('connection')).toBe('close')

    socket.write(body.subarray(20))
    await closed
    // The hub answered, closed the connection, and stopped listening.
    await ended
    socket.destroy()
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(answer).toContain('"status":"applied"')
    await expect(fetch(`${closingHub.url}/health`)).rejects.toThrow()
  })

  it('reports a dead database: 503 from /health, and the hub keeps answering', async () => {
    // PostgreSQL: the database disappears under the running hub. PGlite: its store is closed.
    if (t.database) await t.database.drop()
    else await t.store.close()
    const response = await fetch(`${hub.url}/health`)
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      storage: kind,
      database: 'unreachable',
    })
    const push = await post(`${hub.url}/v1/sync/push`, pushBody('C01', [makeOp('C01')]), credential)
    expect(push.status).toBe(500)
    expect(push.body).toEqual({ error: 'internal error', requestId: expect.any(String) })
    expect(logs().find((l) => l.msg === 'health: database unreachable')).toMatchObject({ level: 50 })
  })

  it('never logs a credential, an enrolment code or the Authorization header', () => {
    const text = raw.join('')
    const secret = credential.split('.')[1]!
    expect(text.length).toBeGreaterThan(1000)
    expect(text).not.toContain(secret)
    expect(text).not.toContain(code)
    expect(text).not.toContain('Z'.repeat(43))
    expect(text).not.toMatch(/bearer/i)
    expect(text).not.toMatch(/authorization/i)
  })
})
