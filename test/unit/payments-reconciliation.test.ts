import { describe, expect, it } from 'vitest'
import {
  type GuichetPayment,
  orderReference,
  parseAmountMinor,
  parseSettlementCsv,
  reconcile,
} from '../../main/modules/payments/reconciliationMatch'
import type { SettlementRow } from '../../preload/contract/paymentsReconciliation'

describe('parseAmountMinor', () => {
  it.each([
    ['850.00', 85000],
    ['850,5', 85050],
    ['12', 1200],
    ['-120.00', -12000],
    [' 0.07 ', 7],
    ['1.234', null],
    ['1 200,00', null],
    ['abc', null],
    ['', null],
  ])('%s → %s', (text, minor) => expect(parseAmountMinor(text)).toBe(minor))
})

describe('orderReference', () => {
  it.each([
    ['GC7K2P9X/123456', 'GC7K2P9X'],
    ['GC7K2P9X', 'GC7K2P9X'],
    [null, null],
    ['', null],
  ])('%s → %s', (ref, key) => expect(orderReference(ref)).toBe(key))
})

describe('parseSettlementCsv', () => {
  const header = 'date;gateway;reference;authorisation;amount;currency;fee'
  it('reads a valid file, semicolons, BOM, comma decimals and refunds', () => {
    const out = parseSettlementCsv(
      `\uFEFF${header}\n2026-11-20;CMI;ORD1;A1;1200,00;mad;12,00\n2026-11-21;monetico;ORD2;;-50.00;EUR;\n`,
    )
    expect(out).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          date: '2026-11-20',
          gateway: 'cmi',
          reference: 'ORD1',
          authorisation: 'A1',
          amountMinor: 120000,
          currency: 'MAD',
          feeMinor: 1200,
        },
        {
          line: 3,
          date: '2026-11-21',
          gateway: 'monetico',
          reference: 'ORD2',
          authorisation: null,
          amountMinor: -5000,
          currency: 'EUR',
          feeMinor: 0,
        },
      ],
    })
  })

  it.each([
    ['2026-02-30;cmi;O1;;10.00;MAD;', 'date'],
    ['2026-11-20;paypal;O1;;10.00;MAD;', 'gateway'],
    ['2026-11-20;cmi;O 1;;10.00;MAD;', 'reference'],
    ['2026-11-20;cmi;O1;;10.001;MAD;', 'amount'],
    ['2026-11-20;cmi;O1;;0;MAD;', 'amount'],
    ['2026-11-20;cmi;O1;;10.00;DH;', 'currency'],
    ['2026-11-20;cmi;O1;;10.00;MAD;-1', 'fee'],
  ])('refuses %s (%s) with the line, and keeps no row', (line, code) => {
    const out = parseSettlementCsv(`${header}\n2026-11-20;cmi;OK1;;10.00;MAD;\n${line}\n`)
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.errors).toEqual([expect.objectContaining({ line: 3, code })])
  })

  it('lists a missing column, an empty file, and a duplicated line', () => {
    const noAmount = parseSettlementCsv('date;gateway;reference;currency\n2026-11-20;cmi;O1;MAD\n')
    expect(noAmount).toEqual({
      ok: false,
      errors: [{ line: 1, column: 'amount', code: 'missingColumn', value: '' }],
    })
    expect(parseSettlementCsv(`${header}\n`)).toMatchObject({ ok: false, errors: [{ code: 'empty' }] })
    const dup = parseSettlementCsv(
      `${header}\n2026-11-20;cmi;O1;;10.00;MAD;\n2026-11-20;cmi;O1;;10.00;MAD;\n`,
    )
    expect(dup).toMatchObject({ ok: false, errors: [{ line: 3, code: 'duplicate' }] })
  })
})

const row = (
  r: Partial<SettlementRow> & Pick<SettlementRow, 'reference' | 'amountMinor'>,
): SettlementRow => ({
  line: 2,
  date: '2026-11-20',
  gateway: 'cmi',
  authorisation: null,
  currency: 'MAD',
  feeMinor: 0,
  ...r,
})
const pay = (
  p: Partial<GuichetPayment> & Pick<GuichetPayment, 'id' | 'reference' | 'amountMinor'>,
): GuichetPayment => ({
  method: 'card_cmi',
  currency: 'MAD',
  receivedAt: '2026-11-20T10:00:00.000Z',
  ...p,
})

describe('reconcile', () => {
  it.each<[string, SettlementRow[], GuichetPayment[], string[]]>([
    [
      'same payment',
      [row({ reference: 'A', amountMinor: 1000 })],
      [pay({ id: 'p1', reference: 'A/123', amountMinor: 1000 })],
      [],
    ],
    ['in the file only', [row({ reference: 'A', amountMinor: 1000 })], [], ['missingInGuichet']],
    [
      'in Guichet only',
      [row({ reference: 'B', amountMinor: 5 })],
      [pay({ id: 'p1', reference: 'A', amountMinor: 1000 })],
      ['missingInFile', 'missingInGuichet'],
    ],
    [
      'amount differs',
      [row({ reference: 'A', amountMinor: 1000 })],
      [pay({ id: 'p1', reference: 'A', amountMinor: 900 })],
      ['amountDiffers'],
    ],
    [
      'currency differs',
      [row({ reference: 'A', amountMinor: 1000, currency: 'EUR' })],
      [pay({ id: 'p1', reference: 'A', amountMinor: 1000 })],
      ['currencyDiffers'],
    ],
    [
      'date differs',
      [row({ reference: 'A', amountMinor: 1000, date: '2026-11-21' })],
      [pay({ id: 'p1', reference: 'A', amountMinor: 1000 })],
      ['dateDiffers'],
    ],
    [
      'gateway differs counts as both missing',
      [row({ reference: 'A', amountMinor: 1000, gateway: 'monetico' })],
      [pay({ id: 'p1', reference: 'A', amountMinor: 1000 })],
      ['missingInFile', 'missingInGuichet'],
    ],
    [
      'reversed in Guichet, refunded in file',
      [row({ reference: 'A', amountMinor: 1000 }), row({ line: 3, reference: 'A', amountMinor: -1000 })],
      [
        pay({ id: 'p1', reference: 'A', amountMinor: 1000 }),
        pay({ id: 'p2', reference: 'A', amountMinor: -1000, receivedAt: '2026-11-20T12:00:00Z' }),
      ],
      [],
    ],
    [
      'reversed in Guichet, not refunded by the bank',
      [row({ reference: 'A', amountMinor: 1000 })],
      [
        pay({ id: 'p1', reference: 'A', amountMinor: 1000 }),
        pay({ id: 'p2', reference: 'A', amountMinor: -1000 }),
      ],
      ['missingInGuichet'],
    ],
    [
      'fully reversed in Guichet and absent from the file',
      [row({ reference: 'B', amountMinor: 5 })],
      [
        pay({ id: 'p1', reference: 'A', amountMinor: 1000 }),
        pay({ id: 'p2', reference: 'A', amountMinor: -1000 }),
        pay({ id: 'p3', reference: 'B', amountMinor: 5 }),
      ],
      [],
    ],
    [
      'counter payments are ignored',
      [row({ reference: 'A', amountMinor: 1000 })],
      [
        pay({ id: 'p1', reference: 'A', amountMinor: 1000 }),
        pay({ id: 'c', method: 'cash', reference: null, amountMinor: 77 }),
      ],
      [],
    ],
    [
      'outside the period and not named: ignored',
      [row({ reference: 'A', amountMinor: 1000 })],
      [
        pay({ id: 'p1', reference: 'A', amountMinor: 1000 }),
        pay({ id: 'p9', reference: 'Z', amountMinor: 50, receivedAt: '2026-11-25T08:00:00Z' }),
      ],
      [],
    ],
  ])('%s', (_name, rows, payments, kinds) => {
    expect(reconcile(rows, payments).differences.map((d) => d.kind)).toEqual(kinds)
  })

  it('totals per day, gateway and currency, with their difference', () => {
    const { totals, matched } = reconcile(
      [
        row({ reference: 'A', amountMinor: 1000 }),
        row({ line: 3, reference: 'B', amountMinor: 500 }),
        row({ line: 4, reference: 'C', amountMinor: 300, gateway: 'fatourati', date: '2026-11-21' }),
      ],
      [
        pay({ id: 'p1', reference: 'A/1', amountMinor: 1000 }),
        pay({ id: 'p2', reference: 'B', amountMinor: 400 }),
        pay({
          id: 'p3',
          method: 'fatourati',
          reference: 'C',
          amountMinor: 300,
          receivedAt: '2026-11-21T09:00:00Z',
        }),
      ],
    )
    expect(matched).toBe(2)
    expect(totals).toEqual([
      {
        day: '2026-11-20',
        gateway: 'cmi',
        currency: 'MAD',
        fileMinor: 1500,
        guichetMinor: 1400,
        differenceMinor: 100,
      },
      {
        day: '2026-11-21',
        gateway: 'fatourati',
        currency: 'MAD',
        fileMinor: 300,
        guichetMinor: 300,
        differenceMinor: 0,
      },
    ])
  })
})
