/**
 * Every request to the hub is authenticated, and bad input is refused with a clear status and
 * nothing written: for each case, the rows of ops, entities, changes and series_numbers are the
 * same before and after. Over real HTTP, against PGlite and (with DATABASE_URL) PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEnrolmentCode, enrolDesk, revokeDesk } from '../../hub/enrolment'
import { MAX_PUSH_BATCH, type SyncOp } from '../../hub/protocol'
import { DEFAULT_BODY_LIMIT, type RunningHub, startHub } from '../../hub/server'
import {
  customerFields,
  enrolInStore,
  invoiceFields,
  makeOp,
  openTestStore,
  paymentFields,
  post,
  pushBody,
  STORE_KINDS,
  syncTables,
  type TestStore,
} from '../fixtures/hub-harness'

describe.each(STORE_KINDS)('bad input at the hub (%s)', (kind) => {
  let t: TestStore
  let hub: RunningHub
  const cred: Record<string, string> = {}
  let customerId: string
  let customerClock: string
  let invoiceId: string
  let paymentId: string

  const push = (credential: string | undefined, body: unknown, headers?: Record<string, string>) =>
    post(`${hub.url}/v1/sync/push`, body, credential, headers)

  /** Runs `act` and checks that the hub's sync tables did not change. */
  async function writesNothing<T>(act: () => Promise<T>): Promise<T> {
    const before = await syncTables(t.store.db)
    const result = await act()
    expect(await syncTables(t.store.db)).toEqual(before)
    return result
  }

  /** Pushes one operation as C01 and returns its result, checking that nothing was written. */
  async function refusedOp(op: SyncOp, from = 'C01') {
    const response = await writesNothing(() => push(cred[from], pushBody(from, [op])))
    expect(response.status).toBe(200)
    expect(response.body.results).toHaveLength(1)
    return response.body.results[0]
  }

  beforeAll(async () => {
    t = await openTestStore(kind)
    hub = await startHub({ store: t.store, logLevel: false })
    for (const desk of ['C01', 'C02', 'C04']) cred[desk] = await enrolInStore(t.store.db, desk)
    await revokeDesk(t.store.db, 'C04')

    // What C01 has already sent: a customer, an invoice of its series, a payment of it.
    const customer = makeOp('C01')
    customerId = customer.entityId
    customerClock = customer.hlc
    const invoice = makeOp('C01', {
      entity: 'invoice',
      kind: 'append',
      entityId: `inv-${customer.entityId}`,
      fields: invoiceFields('C01', '2026-C01', 1, customerId),
    })
    invoiceId = invoice.entityId
    const payment = makeOp('C01', {
      entity: 'payment',
      kind: 'append',
      entityId: `pay-${customer.entityId}`,
      fields: paymentFields('C01', invoiceId, customerId, 1200),
    })
    paymentId = payment.entityId
    const seeded = await push(cred.C01, pushBody('C01', [customer, invoice, payment]))
    expect(seeded.status).toBe(200)
    expect(seeded.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ])
  })
  afterAll(async () => {
    await hub?.close()
    await t?.dispose()
  })

  describe('credentials', () => {
    const body = () => pushBody('C01', [makeOp('C01')])
    const secret = 'A'.repeat(43)

    it.each([
      ['no credential', undefined, 401],
      ['not a bearer credential', 'garbage', 401],
      ['an unknown desk', `ZZ9.${secret}`, 401],
      ['a forged secret for a real desk', `C01.${secret}`, 401],
    ])('%s -> %i', async (_, credential, status) => {
      const response = await writesNothing(() => push(credential, body()))
      expect(response.status).toBe(status)
      expect(response.body.error).toEqual(expect.any(String))
    })

    it('an old credential after the desk was enrolled again -> 401', async () => {
      const old = await enrolInStore(t.store.db, 'C03')
      const { code } = await createEnrolmentCode(t.store.db, 'C03', 'Site C03')
      const fresh = (await enrolDesk(t.store.db, code, 'C03')).credential
      const response = await writesNothing(() => push(old, pushBody('C03', [makeOp('C03')])))
      expect(response).toMatchObject({ status: 401, body: { error: 'bad credential' } })
      const ok = await push(fresh, pushBody('C03', [makeOp('C03')]))
      expect(ok.status).toBe(200)
    })

    it('a revoked desk -> 403', async () => {
      const response = await writesNothing(() => push(cred.C04, pushBody('C04', [makeOp('C04')])))
      expect(response).toMatchObject({ status: 403, body: { error: 'desk revoked' } })
    })

    it('a pull and the state of a desk need a credential too', async () => {
      expect((await post(`${hub.url}/v1/sync/pull`, { cursor: 0, schemaVersion: 1 })).status).toBe(401)
      expect(
        (await post(`${hub.url}/v1/sync/pull`, { cursor: 0, schemaVersion: 1 }, `C01.${secret}`)).status,
      ).toBe(401)
      expect((await fetch(`${hub.url}/v1/sync/state`)).status).toBe(401)
      const revoked = await post(`${hub.url}/v1/sync/pull`, { cursor: 0, schemaVersion: 1 }, cred.C04)
      expect(revoked.status).toBe(403)
    })

    it("a batch of another desk's operations, sent with this desk's credential -> 403", async () => {
      const response = await writesNothing(() => push(cred.C02, pushBody('C01', [makeOp('C01')])))
      expect(response).toMatchObject({ status: 403, body: { error: 'batch of another desk' } })
    })
  })

  describe('malformed batches -> 400', () => {
    const op = () => makeOp('C01') as unknown as Record<string, unknown>
    it.each<[string, () => unknown]>([
      ['not JSON', () => '{"deskId": "C01", "ops": ['],
      ['an empty object', () => ({})],
      ['no operation', () => pushBody('C01', [])],
      [
        `more than ${MAX_PUSH_BATCH} operations`,
        () =>
          pushBody(
            'C01',
            Array.from({ length: MAX_PUSH_BATCH + 1 }, () => makeOp('C01')),
          ),
      ],
      ['ops not an array', () => ({ deskId: 'C01', schemaVersion: 1, ops: makeOp('C01') })],
      ['an unknown property of the batch', () => ({ ...pushBody('C01', [makeOp('C01')]), reset: true })],
      [
        'an unknown property of an operation',
        () => pushBody('C01', [{ ...op(), sql: 'DROP TABLE ops' }] as never),
      ],
      ['a missing op id', () => pushBody('C01', [{ ...op(), opId: undefined }] as never)],
      ['a seq that is not a number', () => pushBody('C01', [{ ...op(), seq: '7' }] as never)],
      ['a malformed clock', () => pushBody('C01', [{ ...op(), hlc: 'yesterday' }] as never)],
      ['an unknown kind', () => pushBody('C01', [{ ...op(), kind: 'upsert' }] as never)],
      ['fields that are not an object', () => pushBody('C01', [{ ...op(), fields: [1, 2] }] as never)],
      ['a schema version of 0', () => pushBody('C01', [{ ...op(), schemaVersion: 0 }] as never)],
      [
        'an entity name with SQL in it',
        () => pushBody('C01', [{ ...op(), entity: 'customer; DROP TABLE ops' }] as never),
      ],
      // One bad operation refuses the whole batch: the valid ones beside it are not applied either.
      [
        'one malformed operation among valid ones',
        () => pushBody('C01', [makeOp('C01'), { ...op(), seq: -1 }, makeOp('C01')] as never),
      ],
    ])('%s', async (_, body) => {
      const response = await writesNothing(() => push(cred.C01, body()))
      expect(response.status).toBe(400)
      expect(response.body.error).toEqual(expect.any(String))
    })

    it('a batch sent as text, not JSON -> 400 (not read as a batch)', async () => {
      const response = await writesNothing(() =>
        push(cred.C01, JSON.stringify(pushBody('C01', [makeOp('C01')])), { 'content-type': 'text/plain' }),
      )
      expect(response.status).toBe(400)
    })

    it('a body of an unknown content type -> 415', async () => {
      const response = await writesNothing(() =>
        push(cred.C01, JSON.stringify(pushBody('C01', [makeOp('C01')])), {
          'content-type': 'application/xml',
        }),
      )
      expect(response.status).toBe(415)
    })

    it('a malformed pull -> 400', async () => {
      for (const body of [
        {},
        { cursor: -1, schemaVersion: 1 },
        { cursor: 0, schemaVersion: 1, limit: 1_000_000 },
      ]) {
        expect((await post(`${hub.url}/v1/sync/pull`, body, cred.C01)).status).toBe(400)
      }
    })
  })

  describe('oversized bodies -> 413', () => {
    const oversized = () => {
      const padding = 'x'.repeat(DEFAULT_BODY_LIMIT)
      return pushBody('C01', [makeOp('C01', { fields: { displayName: 'Trop', notes: padding } })])
    }

    it('with a valid credential', async () => {
      const response = await writesNothing(() => push(cred.C01, oversized()))
      expect(response.status).toBe(413)
      expect(response.body.error).toBe('body too large')
    })

    it('without one, the credential is checked first (401) and the body never read', async () => {
      const response = await writesNothing(() => push(undefined, oversized()))
      expect(response.status).toBe(401)
    })
  })

  describe('operations the desk may not write: answered per operation, nothing written', () => {
    it("an operation of another desk inside this desk's batch -> WRONG_DESK", async () => {
      const result = await refusedOp(makeOp('C02'))
      expect(result).toMatchObject({ status: 'rejected', reason: 'WRONG_DESK' })
    })

    it('creating a conflict record (only the hub makes them) -> NOT_ALLOWED', async () => {
      const result = await refusedOp(
        makeOp('C01', {
          entity: 'sync_conflict',
          fields: { entity: 'customer', field: 'email', status: 'open' },
        }),
      )
      expect(result).toMatchObject({ status: 'rejected', reason: 'NOT_ALLOWED' })
    })

    it('updating or deleting a payment or an invoice -> APPEND_ONLY', async () => {
      const update = makeOp('C01', {
        entity: 'payment',
        entityId: paymentId,
        kind: 'update',
        fields: { amountMinor: 1 },
        base: { amountMinor: null },
      })
      expect(await refusedOp(update)).toMatchObject({ status: 'rejected', reason: 'APPEND_ONLY' })
      const del = makeOp('C01', {
        entity: 'invoice',
        entityId: invoiceId,
        kind: 'delete',
        fields: {},
        base: {},
      })
      expect(await refusedOp(del)).toMatchObject({ status: 'rejected', reason: 'APPEND_ONLY' })
    })

    it('a payment appended again under the same id -> INVALID', async () => {
      const again = makeOp('C01', {
        entity: 'payment',
        kind: 'append',
        entityId: paymentId,
        fields: paymentFields('C01', invoiceId, customerId, 999_999),
      })
      expect(await refusedOp(again)).toMatchObject({
        status: 'rejected',
        reason: 'INVALID',
        message: expect.stringContaining('already exists'),
      })
    })

    it('an unknown entity -> UNKNOWN_ENTITY', async () => {
      const result = await refusedOp(makeOp('C01', { entity: 'staff', fields: { role: 'admin' } }))
      expect(result).toMatchObject({ status: 'rejected', reason: 'UNKNOWN_ENTITY' })
    })

    it("a schema version newer than the hub's -> HUB_TOO_OLD", async () => {
      const result = await refusedOp(makeOp('C01', { schemaVersion: 2 }))
      expect(result).toMatchObject({ status: 'rejected', reason: 'HUB_TOO_OLD' })
    })

    it("an invoice number of another desk's series -> NOT_ALLOWED", async () => {
      const result = await refusedOp(
        makeOp('C01', {
          entity: 'invoice',
          kind: 'append',
          fields: invoiceFields('C01', '2026-C02', 1, customerId),
        }),
      )
      expect(result).toMatchObject({ status: 'rejected', reason: 'NOT_ALLOWED' })
    })

    it('a number already used in its series -> NUMBER_TAKEN', async () => {
      const result = await refusedOp(
        makeOp('C01', {
          entity: 'invoice',
          kind: 'append',
          fields: invoiceFields('C01', '2026-C01', 1, customerId),
        }),
      )
      expect(result).toMatchObject({ status: 'rejected', reason: 'NUMBER_TAKEN' })
    })

    it('an invoice without a valid number -> INVALID', async () => {
      const result = await refusedOp(
        makeOp('C01', {
          entity: 'invoice',
          kind: 'append',
          fields: invoiceFields('C01', '2026-C01', -3, customerId),
        }),
      )
      expect(result).toMatchObject({
        status: 'rejected',
        reason: 'INVALID',
        message: 'series and number required',
      })
    })

    it('an update of a record the hub does not hold is not applied', async () => {
      const result = await refusedOp(
        makeOp('C01', { kind: 'update', entityId: 'nobody', fields: { city: 'Fès' }, base: { city: null } }),
      )
      expect(['rejected', 'deferred']).toContain(result.status)
      expect(result.reason).toBe('NOT_FOUND')
    })

    it('the same operation sent again is answered `duplicate` and applied once', async () => {
      const op = makeOp('C01', {
        kind: 'update',
        entityId: customerId,
        fields: { city: 'Tanger' },
        base: { city: customerClock },
      })
      const first = await push(cred.C01, pushBody('C01', [op]))
      expect(first.body.results[0].status).toBe('applied')
      const again = await writesNothing(() => push(cred.C01, pushBody('C01', [op, op])))
      expect(again.body.results).toEqual([
        {
          opId: op.opId,
          status: 'duplicate',
          stored: { status: 'applied', hubSeq: first.body.results[0].hubSeq },
        },
        {
          opId: op.opId,
          status: 'duplicate',
          stored: { status: 'applied', hubSeq: first.body.results[0].hubSeq },
        },
      ])
    })

    it.each<[string, Partial<SyncOp>]>([
      ['a field the entity does not have', { fields: { ...customerFields('C01', 'x1'), isAdmin: 'yes' } }],
      ['a sync bookkeeping field', { fields: { ...customerFields('C01', 'x2'), clocks: '{}' } }],
      ['a value that is an object', { fields: { ...customerFields('C01', 'x3'), notes: { a: 1 } } }],
      ['a value that is a boolean', { fields: { ...customerFields('C01', 'x4'), email: true } }],
      ['a required field left out of a create', { fields: { displayName: 'Sans adresse' } }],
      ['a required field set to null', { fields: { ...customerFields('C01', 'x5'), city: null } }],
      ['a required field set to null by an update', { kind: 'update', fields: { city: null } }],
      ['a payment without its amount', { entity: 'payment', kind: 'append', fields: { currency: 'MAD' } }],
    ])('%s -> INVALID (every desk would stop at it)', async (_, overrides) => {
      const op = makeOp('C01', {
        ...overrides,
        ...(overrides.kind === 'update' ? { entityId: customerId } : {}),
      })
      expect(await refusedOp(op)).toMatchObject({ status: 'rejected', reason: 'INVALID' })
    })
  })
})
