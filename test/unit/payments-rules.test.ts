import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { expiryValid, luhnValid, maskPan, scenarioOf, TEST_CARDS } from '../../hub/payments/sandbox/cards'
import { notificationDigest } from '../../hub/payments/settle'
import { precheck } from '../../hub/sync/applyOp'
import { entityRules } from '../../hub/sync/entityRules'
import {
  customerCredits,
  paymentLinkOpens,
  paymentOutcomes,
  paymentRequests,
  transferProofs,
  transferReviews,
} from '../../main/db/schema'
import { paymentRequestEntity } from '../../main/modules/payments/paymentRequests'
import { requestState } from '../../main/modules/payments/requestState'
import { paymentsDeskEntities } from '../../main/sync/areas/payments'
import { makeOp } from '../fixtures/hub-harness'

describe('payment request state (derived, never stored)', () => {
  const exp = '2026-11-25T00:00:00.000Z'
  const at = (s: string) => new Date(s)
  it.each([
    ['no outcome, before expiry', [], '2026-11-24T00:00:00Z', 'pending'],
    ['no outcome, after expiry', [], '2026-11-25T00:00:00Z', 'expired'],
    ['refused, then nothing', [{ outcome: 'refused', createdAt: '1' }], '2026-11-24T00:00:00Z', 'failed'],
    [
      'refused, then paid',
      [
        { outcome: 'refused', createdAt: '1' },
        { outcome: 'paid', createdAt: '2' },
      ],
      '2026-11-24T00:00:00Z',
      'paid',
    ],
    [
      'paid late, after expiry: the money was taken',
      [{ outcome: 'paid', createdAt: '1' }],
      '2026-12-01T00:00:00Z',
      'paid',
    ],
    ['refused, after expiry', [{ outcome: 'refused', createdAt: '1' }], '2026-12-01T00:00:00Z', 'expired'],
  ] as const)('%s → %s', (_, outcomes, now, state) => {
    expect(requestState(exp, outcomes as never, at(now))).toBe(state)
  })
})

describe('payment entities: hub rules equal the desk columns', () => {
  const synced = (table: Parameters<typeof getTableColumns>[0]) =>
    Object.keys(getTableColumns(table))
      .filter((c) => c !== 'id')
      .sort()
  const required = (table: Parameters<typeof getTableColumns>[0]) =>
    Object.entries(getTableColumns(table) as Record<string, { notNull: boolean }>)
      .filter(([c, col]) => c !== 'id' && col.notNull)
      .map(([c]) => c)
      .sort()
  it.each([
    ['payment_request', paymentRequests],
    ['payment_outcome', paymentOutcomes],
    ['customer_credit', customerCredits],
    ['transfer_proof', transferProofs],
    ['transfer_review', transferReviews],
  ] as const)('%s', (name, table) => {
    expect([...entityRules[name]!.fields].sort()).toEqual(synced(table))
    expect([...entityRules[name]!.required].sort()).toEqual(required(table))
    expect(paymentsDeskEntities[name]!.table).toBe(table)
  })

  it('payment_link_open (merged per field, hub only): the synced columns but id, version, clocks', () => {
    const sync = new Set(['version', 'clocks'])
    expect([...entityRules.payment_link_open!.fields].sort()).toEqual(
      synced(paymentLinkOpens).filter((c) => !sync.has(c)),
    )
    expect([...entityRules.payment_link_open!.required].sort()).toEqual(
      required(paymentLinkOpens).filter((c) => !sync.has(c)),
    )
    expect(entityRules.payment_link_open).toMatchObject({ mode: 'lww', deskKinds: [], hubOrigin: true })
    expect(paymentsDeskEntities.payment_link_open).toMatchObject({
      table: paymentLinkOpens,
      mode: 'lww',
      hubOrigin: true,
    })
  })

  it('a desk appends requests but may never send an outcome, a credit or a link opening', () => {
    expect(paymentRequestEntity.name).toBe('payment_request')
    for (const entity of ['payment_outcome', 'customer_credit']) {
      const op = makeOp('C01', { entity, kind: 'append', fields: { requestId: 'x' } })
      expect(precheck(op, 'C01')).toMatchObject({ status: 'rejected' })
    }
    for (const kind of ['create', 'update'] as const) {
      const op = makeOp('C01', { entity: 'payment_link_open', kind, fields: { openCount: 1 } })
      expect(precheck(op, 'C01')).toMatchObject({ status: 'rejected' })
    }
  })
})

describe('sandbox test cards', () => {
  it('every listed card is Luhn-valid; scenarios as documented', () => {
    for (const card of Object.keys(TEST_CARDS)) expect(luhnValid(card)).toBe(true)
    expect(luhnValid('4970100000000000')).toBe(false)
    expect(scenarioOf('4970100000000014')).toBe('challenge')
    expect(scenarioOf('4970100000000006')).toBe('decline')
    expect(maskPan('4970100000000014', 'monetico')).toBe('4970XXXXXXXX0014')
    expect(maskPan('5555555555554444', 'cmi')).toBe('555555***4444')
    expect(expiryValid('12/29', new Date('2026-11-22'))).toBe(true)
    expect(expiryValid('10/26', new Date('2026-11-22'))).toBe(false)
    expect(expiryValid('13/29', new Date('2026-11-22'))).toBe(false)
  })

  it('a notification has the same digest whatever the order of its fields', () => {
    expect(notificationDigest({ a: '1', b: '2' })).toBe(notificationDigest({ b: '2', a: '1' }))
    expect(notificationDigest({ a: '1', b: '2' })).not.toBe(notificationDigest({ a: '1', b: '3' }))
  })
})
