/** The sandbox operator's HTTP API as an operator documents it (docs/provisioning.md). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxOperator } from '../../main/integrations/operator/sandboxOperator'
import { manualClock, networkIccid, startSandboxOperator } from './provisioning-harness'

const clock = manualClock('2026-11-22T09:00:00Z')
let sandbox: SandboxOperator
beforeAll(async () => {
  sandbox = await startSandboxOperator({ clock, apiKey: 'secret', processingMs: 1000 })
})
afterAll(() => sandbox.close())

const post = (body: unknown, key: string | null, auth = 'Bearer secret') =>
  fetch(`${sandbox.url}/v1/orders`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: auth,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  })

const order = { action: 'suspend', lineRef: 'L1', effectiveDate: null, params: {} }

describe('sandbox operator API', () => {
  it('refuses a call without the API key (401) and an order without Idempotency-Key (400)', async () => {
    expect((await post(order, 'a', 'Bearer wrong')).status).toBe(401)
    const res = await post(order, null)
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('IDEMPOTENCY_KEY_REQUIRED')
  })

  it('same key and body → the same order (200, Idempotent-Replayed); another body → 409', async () => {
    const first = await post(order, 'key-1')
    expect(first.status).toBe(201)
    const a = (await first.json()).order
    expect(a).toMatchObject({ status: 'pending', action: 'suspend', lineRef: 'L1' })
    const again = await post(order, 'key-1')
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect((await again.json()).order.id).toBe(a.id)
    const other = await post({ ...order, action: 'stop' }, 'key-1')
    expect(other.status).toBe(409)
    expect((await other.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED')

    clock.advance(1000)
    const status = await fetch(`${sandbox.url}/v1/orders/${a.id}`, {
      headers: { authorization: 'Bearer secret' },
    })
    expect((await status.json()).order).toMatchObject({ id: a.id, status: 'completed' })
    expect(sandbox.effects.filter((e) => e.orderId === a.id)).toHaveLength(1)
  })

  it('unknown order → 404; malformed order → 422 with a code', async () => {
    const res = await fetch(`${sandbox.url}/v1/orders/ord_nope`, {
      headers: { authorization: 'Bearer secret' },
    })
    expect(res.status).toBe(404)
    const bad = await post({ ...order, action: 'teleport' }, 'key-2')
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.code).toBe('INVALID_ACTION')
  })

  it('an injected error answers 503 without recording the order', async () => {
    sandbox.inject({ on: 'submit', kind: 'error' })
    const before = sandbox.orders().length
    expect((await post(order, 'key-3')).status).toBe(503)
    expect(sandbox.orders()).toHaveLength(before)
    expect((await post(order, 'key-3')).status).toBe(201)
  })

  it('a stopped line refuses later changes; its number can then be taken by another line', async () => {
    const iccid = networkIccid('55')
    await post(
      { action: 'activate', lineRef: 'L2', effectiveDate: null, params: { iccid, msisdn: '+32470005555' } },
      'k-a',
    )
    clock.advance(1000)
    sandbox.advance()
    await post({ action: 'stop', lineRef: 'L2', effectiveDate: null, params: {} }, 'k-b')
    clock.advance(1000)
    sandbox.advance()
    const res = await post({ action: 'suspend', lineRef: 'L2', effectiveDate: null, params: {} }, 'k-c')
    const id = (await res.json()).order.id
    clock.advance(1000)
    sandbox.advance()
    expect(sandbox.orders().find((o) => o.id === id)).toMatchObject({
      status: 'rejected',
      reason: { code: 'LINE_STOPPED' },
    })
    await post(
      {
        action: 'activate',
        lineRef: 'L3',
        effectiveDate: null,
        params: { iccid: networkIccid('56'), msisdn: '+32470005555' },
      },
      'k-d',
    )
    clock.advance(1000)
    sandbox.advance()
    expect(sandbox.line('L3')).toMatchObject({ status: 'active', msisdn: '+32470005555' })
  })
})
