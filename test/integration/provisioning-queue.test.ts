/**
 * The provisioning queue against the sandbox operator over real HTTP: state transitions, refusals
 * in French, time-outs retried with the same key (one effect), offline then back, scheduled
 * activations, and the outcome applied in the same write as the request's final state.
 */
import { createServer } from 'node:net'
import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import {
  manualClock,
  networkIccid,
  type ProvisioningDesk,
  provisioningDesk,
  startSandboxOperator,
} from './provisioning-harness'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

async function setup(start = '2026-11-22T09:00:00Z', options: Parameters<typeof provisioningDesk>[2] = {}) {
  const clock = manualClock(start)
  const sandbox = await startSandboxOperator({ clock, processingMs: 1000, apiKey: 'k-test' })
  cleanup.push(() => sandbox.close())
  const d = await provisioningDesk(clock, sandbox, { operatorKey: 'k-test', ...options })
  cleanup.push(() => d.close())
  return { clock, sandbox, d }
}

const run = (d: ProvisioningDesk) => d.provisioning.worker.runOnce()

describe('provisioning queue', () => {
  it('queued → sent → done only when the operator confirms, outcome in the same write', async () => {
    const { clock, sandbox, d } = await setup()
    const lineId = ulid()
    const id = d.enqueue({
      lineId,
      action: 'plan',
      payload: { planCode: 'MOBILE_EUROPE' },
      lineLabel: '+32470000001',
    })
    expect(d.row(id)).toMatchObject({ state: 'queued', attempts: 0, lineLabel: '+32470000001' })
    expect(d.row(id).idempotencyKey).toBe(`guichet-T01-${id}`)

    await run(d)
    const sent = d.row(id)
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, operatorStatus: 'pending' })
    expect(sent.operatorRef).toMatch(/^ord_/)
    expect(sandbox.effects).toHaveLength(0)
    expect(d.outcomes).toHaveLength(0)

    // Not yet due for a status call: nothing asked.
    await run(d)
    expect(sandbox.calls.status).toBe(0)

    clock.advance(2000)
    await run(d)
    expect(d.row(id)).toMatchObject({ state: 'done', operatorStatus: 'completed', nextAttemptAt: null })
    expect(sandbox.effects).toEqual([expect.objectContaining({ action: 'plan', lineRef: lineId })])
    expect(sandbox.line(lineId)?.planCode).toBe('MOBILE_EUROPE')
    expect(d.outcomes).toEqual([
      expect.objectContaining({ requestId: id, lineId, status: 'done', operatorRef: sent.operatorRef }),
    ])
    // The outcome handler's write and the request's final state are one transaction (same instant, action).
    const audit = d.desk.core.database.sqlite
      .prepare("SELECT action, entity, at FROM audit_log WHERE action = 'provisioning.done'")
      .all() as { entity: string; at: string }[]
    expect(audit.map((a) => a.entity).sort()).toEqual(['provisioning_request', 'test_line'])
    expect(new Set(audit.map((a) => a.at)).size).toBe(1)
  })

  it('an outcome the fleet module cannot take rolls back: the request is asked about again later', async () => {
    const clock = manualClock('2026-11-22T09:00:00Z')
    const sandbox = await startSandboxOperator({ clock, processingMs: 0 })
    cleanup.push(() => sandbox.close())
    const d = await provisioningDesk(clock, sandbox)
    cleanup.push(() => d.close())
    let fail = true
    const { createProvisioning } = await import('../../main/modules/fleet/provisioning')
    const { areaDeps } = await import('./provisioning-harness')
    const p = createProvisioning(
      areaDeps(d.desk.core, clock),
      () => {
        if (fail) throw new Error('line gone')
      },
      { operatorUrl: sandbox.url },
    )
    const repo = d.desk.core.services.repo
    const id = repo.write({ staffId: null, deskId: 'T01' }, 'fleet.test', (u) =>
      p.queue.enqueue(u, { lineId: ulid(), action: 'suspend', payload: {} }),
    ).requestId
    await p.worker.runOnce()
    expect(d.row(id)).toMatchObject({ state: 'sent', lastError: null })
    clock.advance(3000)
    await p.worker.runOnce()
    expect(d.row(id)).toMatchObject({ state: 'sent', lastError: 'outcome_error' })
    expect(
      d.desk.core.database.sqlite
        .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'provisioning.done'")
        .get(),
    ).toEqual({ n: 0 })
    fail = false
    clock.advance(60_000)
    await p.worker.runOnce()
    expect(d.row(id).state).toBe('done')
    expect(sandbox.effects).toHaveLength(1)
  })

  it.each([
    [
      'an ICCID of another network (prefix)',
      { iccid: '8933000000000000006', msisdn: '+32470000002' },
      'ICCID_UNKNOWN',
    ],
    [
      'an ICCID whose check digit is wrong',
      { iccid: wrongCheckDigit(networkIccid('1234')), msisdn: '+32470000002' },
      'ICCID_UNKNOWN',
    ],
  ])('activation refused on receipt: %s → failed with the reason in French', async (_, payload, code) => {
    const { sandbox, d } = await setup()
    const id = d.enqueue({ action: 'activate', payload })
    await run(d)
    expect(d.row(id)).toMatchObject({ state: 'failed', reasonCode: code })
    expect(d.row(id).reason).toBe("Carte SIM inconnue de l'opérateur (ICCID invalide)")
    expect(d.outcomes[0]).toMatchObject({ status: 'failed', reasonCode: code, reason: d.row(id).reason })
    expect(sandbox.effects).toHaveLength(0)
  })

  it('number already in use: accepted, then rejected when carried out', async () => {
    const { clock, sandbox, d } = await setup()
    sandbox.addLine({ lineRef: 'other-line', msisdn: '+32470000003', iccid: networkIccid('999') })
    const id = d.enqueue({
      action: 'activate',
      payload: { iccid: networkIccid('1'), msisdn: '+32470000003' },
    })
    await run(d)
    expect(d.row(id).state).toBe('sent')
    clock.advance(5000)
    await run(d)
    expect(d.row(id)).toMatchObject({
      state: 'failed',
      reasonCode: 'MSISDN_IN_USE',
      reason: 'Ce numéro est déjà utilisé sur une autre ligne',
    })
    expect(sandbox.effects).toHaveLength(0)
  })

  it('swap to an ICCID already used is refused; to a fresh one it is carried out', async () => {
    const { clock, sandbox, d } = await setup()
    const lineId = ulid()
    const used = networkIccid('77')
    sandbox.addLine({ lineRef: 'old-line', msisdn: '+32470000009', iccid: used, status: 'stopped' })
    const refused = d.enqueue({ lineId, action: 'swap', payload: { iccid: used } })
    // A second swap of the line waits for the operator's answer to the first.
    expect(() => d.enqueue({ lineId, action: 'swap', payload: { iccid: networkIccid('78') } })).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({
          fields: [expect.objectContaining({ key: 'validation.fleetRequestPending' })],
        }),
      }),
    )
    await run(d)
    clock.advance(5000)
    await run(d)
    expect(d.row(refused)).toMatchObject({ state: 'failed', reasonCode: 'ICCID_ALREADY_USED' })
    const fresh = d.enqueue({ lineId, action: 'swap', payload: { iccid: networkIccid('78') } })
    await run(d)
    clock.advance(5000)
    await run(d)
    expect(d.row(fresh).state).toBe('done')
    expect(sandbox.line(lineId)?.iccid).toBe(networkIccid('78'))
  })

  it('a request the operator rejects as malformed (422) fails with its message', async () => {
    const { d } = await setup()
    const id = d.enqueue({
      action: 'activate',
      payload: { iccid: networkIccid('5'), msisdn: 'not a number' },
    })
    await run(d)
    expect(d.row(id)).toMatchObject({ state: 'failed', reasonCode: 'INVALID_MSISDN' })
  })

  it('time-out → retried with the same key → the operator applied it exactly once', async () => {
    const { clock, sandbox, d } = await setup()
    // The operator records and applies the order, but its answer comes after the desk gave up.
    sandbox.inject({ on: 'submit', kind: 'slow', ms: 1500, times: 2 })
    const lineId = ulid()
    const id = d.enqueue({ lineId, action: 'barrings', payload: { barrings: ['data'] } })
    await run(d)
    expect(d.row(id)).toMatchObject({ state: 'queued', attempts: 1, lastError: 'timeout' })
    expect(d.row(id).nextAttemptAt).toBe(new Date(clock.now().getTime() + 5000).toISOString())
    await run(d)
    expect(sandbox.calls.submit).toBe(1) // not due yet

    clock.advance(5000)
    await run(d)
    expect(d.row(id)).toMatchObject({ state: 'queued', attempts: 2, lastError: 'timeout' })
    clock.advance(10_000)
    await run(d)
    // The third send is answered: the order the operator made at the first one, carried out since.
    expect(d.row(id)).toMatchObject({
      state: 'done',
      attempts: 3,
      lastError: null,
      operatorStatus: 'completed',
    })
    expect(sandbox.calls.submit).toBe(3)
    expect(sandbox.orders()).toHaveLength(1)
    expect(sandbox.effects).toHaveLength(1)
    expect(d.outcomes.filter((o) => o.status === 'done')).toHaveLength(1)
  })

  it('no answer after the last attempt → failed NO_ANSWER; retry reuses the key; one effect', async () => {
    const { clock, sandbox, d } = await setup('2026-11-22T09:00:00Z', { maxAttempts: 2 })
    sandbox.inject({ on: 'submit', kind: 'slow', ms: 1500, times: 2 })
    const id = d.enqueue({ action: 'suspend', payload: {} })
    await run(d)
    clock.advance(5000)
    await run(d)
    const failed = d.row(id)
    expect(failed).toMatchObject({ state: 'failed', reasonCode: 'NO_ANSWER', attempts: 2 })
    expect(d.outcomes).toEqual([expect.objectContaining({ status: 'failed', reasonCode: 'NO_ANSWER' })])
    // The operator did apply it (the answers were lost): the line is suspended there.
    clock.advance(5000)
    sandbox.advance()
    expect(sandbox.effects).toHaveLength(1)

    const view = await d.provisioning.handlers['provisioning.retry'](
      { id },
      {
        connectionId: 'c1',
        host: 'browser',
        session: null,
        actor: () => ({ staffId: 'agent-1', deskId: 'T01' }),
      },
    )
    expect(view).toMatchObject({ state: 'queued', attempts: 0, idempotencyKey: failed.idempotencyKey })
    await run(d)
    expect(d.row(id).state).toBe('done')
    expect(sandbox.orders()).toHaveLength(1)
    expect(sandbox.effects).toHaveLength(1)
    expect(d.outcomes.map((o) => o.status)).toEqual(['failed', 'done'])
  })

  it('operator unreachable: requests wait (no attempt counted) and go when it is back', async () => {
    const clock = manualClock('2026-11-22T09:00:00Z')
    const port = await freePort()
    const d = await provisioningDesk(clock, { url: `http://127.0.0.1:${port}` })
    cleanup.push(() => d.close())
    const ids = [d.enqueue({}), d.enqueue({}), d.enqueue({})]
    const summary = await run(d)
    expect(summary.offline).toBe(true)
    for (const id of ids) expect(d.row(id)).toMatchObject({ state: 'queued', attempts: 0 })
    expect(d.row(ids[0]!).lastError).toBe('offline')
    expect(d.provisioning.worker.health.reachable).toBe(false)

    // An hour offline: the queue waits, nothing is failed.
    for (let i = 0; i < 60; i++) {
      clock.advance(60_000)
      await run(d)
    }
    for (const id of ids) expect(d.row(id)).toMatchObject({ state: 'queued', attempts: 0 })

    const sandbox = await startSandboxOperator({ clock, port, processingMs: 0 })
    cleanup.push(() => sandbox.close())
    clock.advance(60_000)
    await run(d)
    for (const id of ids) expect(d.row(id)).toMatchObject({ state: 'sent', attempts: 1, lastError: null })
    expect(d.provisioning.worker.health.reachable).toBe(true)
    clock.advance(2000)
    await run(d)
    for (const id of ids) expect(d.row(id).state).toBe('done')
    expect(sandbox.effects).toHaveLength(3)
  })

  it('a scheduled activation completes on its date, not before', async () => {
    const { clock, sandbox, d } = await setup('2026-11-25T10:00:00Z')
    const lineId = ulid()
    const id = d.enqueue({
      lineId,
      action: 'activate',
      effectiveDate: '2026-11-30',
      payload: { iccid: networkIccid('30'), msisdn: '+32470000030' },
    })
    await run(d)
    expect(d.row(id)).toMatchObject({ state: 'sent', operatorStatus: 'scheduled' })
    // Not asked again before the date's start in Brussels.
    expect(d.row(id).nextAttemptAt).toBe('2026-11-29T22:00:00.000Z')
    clock.set('2026-11-29T21:59:00Z')
    await run(d)
    expect(sandbox.calls.status).toBe(0)
    clock.set('2026-11-29T22:00:00Z') // 23:00 in Brussels, still the 29th there
    await run(d)
    expect(d.row(id)).toMatchObject({ state: 'sent', operatorStatus: 'scheduled' })
    expect(sandbox.effects).toHaveLength(0)
    clock.set('2026-11-29T23:00:30Z') // 00:00:30 on the 30th in Brussels
    await run(d)
    clock.advance(60_000)
    await run(d)
    expect(d.row(id).state).toBe('done')
    expect(sandbox.effects).toEqual([expect.objectContaining({ action: 'activate', lineRef: lineId })])
    expect(sandbox.line(lineId)).toMatchObject({ status: 'active', msisdn: '+32470000030' })
  })

  it('only the desk that created a request sends it', async () => {
    const { sandbox, d } = await setup()
    const id = d.enqueue({})
    // As if pulled from another desk: same table, another desk id.
    d.desk.core.database.sqlite
      .prepare("UPDATE provisioning_requests SET desk_id = 'C02' WHERE id = ?")
      .run(id)
    await run(d)
    expect(sandbox.calls.submit).toBe(0)
    expect(d.row(id).state).toBe('queued')
  })

  it('the requests list: filter by state, by line, keyset pages, counts', async () => {
    const { clock, d } = await setup()
    const lineId = ulid()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      // Three requests of different kinds on one line (two of a kind would wait for each other).
      const action = (['suspend', 'barrings', 'payByMobile'] as const)[i % 3]
      ids.push(d.enqueue({ lineId: i < 3 ? lineId : ulid(), action }))
      clock.advance(1000)
    }
    d.enqueue({ action: 'activate', payload: { iccid: '123', msisdn: '+32470000077' } })
    await run(d)
    const h = d.provisioning.handlers
    const ctx = {
      connectionId: 'c1',
      host: 'browser' as const,
      session: null,
      actor: () => ({ staffId: null, deskId: 'T01' }),
    }
    const failed = await h['provisioning.list']({ state: 'failed', limit: 50 }, ctx)
    expect(failed.items).toHaveLength(1)
    expect(failed.items[0]).toMatchObject({ reasonCode: 'ICCID_UNKNOWN', retryable: false, ownDesk: true })
    const onLine = await h['provisioning.list']({ lineId, limit: 2 }, ctx)
    expect(onLine.items.map((r) => r.id)).toEqual([ids[2], ids[1]])
    const next = await h['provisioning.list']({ lineId, limit: 2, cursor: onLine.nextCursor! }, ctx)
    expect(next.items.map((r) => r.id)).toEqual([ids[0]])
    expect(next.nextCursor).toBeNull()
    const summary = await h['provisioning.summary']({}, ctx)
    expect(summary.counts).toEqual({ queued: 0, sent: 5, done: 0, failed: 1 })
    expect(summary.operator).toMatchObject({ mode: 'remote', reachable: true })
    await expect(
      Promise.resolve().then(() => h['provisioning.retry']({ id: failed.items[0]!.id }, ctx)),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })
})

function wrongCheckDigit(iccid: string): string {
  return iccid.slice(0, -1) + String((Number(iccid.at(-1)) + 1) % 10)
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
