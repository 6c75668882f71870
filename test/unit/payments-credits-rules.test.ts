import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { precheck } from '../../hub/sync/applyOp'
import { entityRules } from '../../hub/sync/entityRules'
import { customerCreditRefunds } from '../../main/db/schema'
import { customerCreditRefundEntity, refundRefusal } from '../../main/modules/payments/credits'
import { paymentsDeskEntities } from '../../main/sync/areas/payments'
import { creditRefundInput } from '../../preload/contract/payments'
import { makeOp } from '../fixtures/hub-harness'

describe('refund of a customer credit (pure rule)', () => {
  it.each([
    ['already refunded', true, { method: 'cash' }, 'validation.creditAlreadyRefunded'],
    ['cheque without its number', false, { method: 'cheque' }, 'validation.required'],
    [
      'transfer with a blank reference',
      false,
      { method: 'transfer', reference: '  ' },
      'validation.required',
    ],
    ['cheque with its number', false, { method: 'cheque', reference: '0012345' }, null],
    ['cash, no reference needed', false, { method: 'cash' }, null],
  ] as const)('%s', (_, refunded, input, key) => {
    expect(refundRefusal(refunded, input)?.key ?? null).toBe(key)
  })

  it('the channel takes no amount: a credit is refunded whole', () => {
    const id = '01JABCDEFGHJKMNPQRSTVWXYZ0'
    expect(creditRefundInput.safeParse({ creditId: id, method: 'cash' }).success).toBe(true)
    expect(creditRefundInput.safeParse({ creditId: id, method: 'cash', amountMinor: 100 }).success).toBe(
      false,
    )
    expect(creditRefundInput.safeParse({ creditId: id, method: 'card' }).success).toBe(false)
  })
})

describe('customer_credit_refund: hub rule equals the desk columns', () => {
  it('fields and required fields', () => {
    const columns = getTableColumns(customerCreditRefunds) as Record<string, { notNull: boolean }>
    const synced = Object.keys(columns).filter((c) => c !== 'id')
    const rule = entityRules.customer_credit_refund!
    expect([...rule.fields].sort()).toEqual(synced.sort())
    expect([...rule.required].sort()).toEqual(synced.filter((c) => columns[c]!.notNull).sort())
    expect(paymentsDeskEntities.customer_credit_refund!.table).toBe(customerCreditRefunds)
    expect(customerCreditRefundEntity).toMatchObject({ name: 'customer_credit_refund', synced: true })
  })

  it('a desk appends a refund, never updates nor deletes one', () => {
    const fields = {
      customerId: 'c',
      amountMinor: 5000,
      currency: 'EUR',
      method: 'cheque',
      reference: '0012345',
      note: null,
      deskId: 'C01',
      staffId: 's',
      createdAt: '2026-11-22T09:00:00.000Z',
    }
    expect(
      precheck(makeOp('C01', { entity: 'customer_credit_refund', kind: 'append', fields }), 'C01'),
    ).toBeNull()
    for (const kind of ['update', 'delete'] as const)
      expect(
        precheck(makeOp('C01', { entity: 'customer_credit_refund', kind, fields: { note: 'x' } }), 'C01'),
      ).toMatchObject({ status: 'rejected', reason: 'APPEND_ONLY' })
  })
})
