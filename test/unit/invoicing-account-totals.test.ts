import { describe, expect, it } from 'vitest'
import { CASH_REFUND, summarise } from '../../main/modules/invoicing/cashup'
import { totalsByCurrency } from '../../main/modules/invoicing/customerAccount'

describe('account totals per currency', () => {
  it.each([
    {
      name: 'one EUR and one MAD invoice: two lines, none mixed',
      invoiced: [
        { currency: 'MAD', count: 1, invoicedMinor: 28_500 },
        { currency: 'EUR', count: 1, invoicedMinor: 152_000 },
      ],
      paid: [
        { currency: 'EUR', paidMinor: 67_000 },
        { currency: 'MAD', paidMinor: 10_000 },
      ],
      expected: [
        { currency: 'EUR', invoicedMinor: 152_000, paidMinor: 67_000, dueMinor: 85_000, invoiceCount: 1 },
        { currency: 'MAD', invoicedMinor: 28_500, paidMinor: 10_000, dueMinor: 18_500, invoiceCount: 1 },
      ],
    },
    {
      name: 'rows of the same currency add up (a statement passes one row per invoice)',
      invoiced: [
        { currency: 'EUR', count: 1, invoicedMinor: 12_000 },
        { currency: 'EUR', count: 1, invoicedMinor: -12_000 },
      ],
      paid: [{ currency: 'EUR', paidMinor: 0 }],
      expected: [{ currency: 'EUR', invoicedMinor: 0, paidMinor: 0, dueMinor: 0, invoiceCount: 2 }],
    },
    {
      name: 'nothing: one zero line in the fallback currency',
      invoiced: [],
      paid: [],
      expected: [{ currency: 'EUR', invoicedMinor: 0, paidMinor: 0, dueMinor: 0, invoiceCount: 0 }],
    },
  ])('$name', ({ invoiced, paid, expected }) => {
    expect(totalsByCurrency(invoiced, paid, 'EUR')).toEqual(expected)
  })
})

describe('cash-up with cash refunds', () => {
  const payments = [
    { method: 'cash', amountMinor: 10_000, reversesId: null, currency: 'EUR' },
    { method: 'cheque', amountMinor: 5_000, reversesId: null, currency: 'EUR' },
  ]

  it('a cash refund is its own negative line and leaves the till', () => {
    const s = summarise('EUR', payments, [
      { amountMinor: 3_000, currency: 'EUR' },
      { amountMinor: 1_500, currency: 'EUR' },
    ])
    expect(s.byMethod.cash).toEqual({ count: 1, amountMinor: 10_000 })
    expect(s.byMethod[CASH_REFUND]).toEqual({ count: 2, amountMinor: -4_500 })
    expect(s.expectedCashMinor).toBe(5_500)
    expect(s.totalMinor).toBe(10_500)
    expect(s.otherCurrencies).toEqual([])
  })

  it('without refunds, no refund line and the figures as before', () => {
    const s = summarise('EUR', payments)
    expect(s.byMethod[CASH_REFUND]).toBeUndefined()
    expect(s.expectedCashMinor).toBe(10_000)
    expect(s.totalMinor).toBe(15_000)
  })
})

describe('cash-up in the desk currency only', () => {
  it('payments and cash refunds in another currency stay out of every total, listed apart', () => {
    const s = summarise(
      'EUR',
      [
        { method: 'cash', amountMinor: 10_000, reversesId: null, currency: 'EUR' },
        { method: 'cash', amountMinor: 10_000, reversesId: null, currency: 'MAD' },
        { method: 'cheque', amountMinor: 50_000, reversesId: null, currency: 'MAD' },
        { method: 'cheque', amountMinor: -50_000, reversesId: 'x', currency: 'MAD' },
        { method: 'cash', amountMinor: 4_000, reversesId: null, currency: 'CHF' },
      ],
      [
        { amountMinor: 2_000, currency: 'EUR' },
        { amountMinor: 3_000, currency: 'MAD' },
      ],
    )
    expect(s.byMethod).toEqual({
      cash: { count: 1, amountMinor: 10_000 },
      [CASH_REFUND]: { count: 1, amountMinor: -2_000 },
    })
    expect(s.totalMinor).toBe(8_000)
    expect(s.expectedCashMinor).toBe(8_000)
    expect(s.otherCurrencies).toEqual([
      { currency: 'CHF', totalMinor: 4_000, count: 1 },
      // 100 cash + (500 cheque − its reversal) − 30 refunded in cash: two operations left.
      { currency: 'MAD', totalMinor: 7_000, count: 2 },
    ])
  })

  it('a day with only other-currency money: empty cash-up, the money apart', () => {
    const s = summarise('EUR', [{ method: 'cash', amountMinor: 10_000, reversesId: null, currency: 'MAD' }])
    expect(s).toEqual({
      byMethod: {},
      totalMinor: 0,
      expectedCashMinor: 0,
      otherCurrencies: [{ currency: 'MAD', totalMinor: 10_000, count: 1 }],
    })
  })
})
