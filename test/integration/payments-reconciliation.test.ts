/**
 * Reconciliation through the real router: payments recorded with BillingService, then a gateway
 * settlement file holding every kind of difference; an invalid file stores nothing; the same
 * file imported twice is recognised.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settlementImports } from '../../main/db/schema'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

const SUP = 'sup'
const COUNTER = 'counter'
const file = (text: string, fileName = 'cmi-2026-11-20.csv') => ({
  file: { fileName, base64: Buffer.from(text, 'utf8').toString('base64') },
})

describe('reconciliation', () => {
  let desk: TestDesk
  const actor = { staffId: null, deskId: 'T01' }

  beforeAll(async () => {
    desk = await tempDesk()
    await desk.login('marie', COUNTER)
    await desk.login('claire', SUP)
    const { customer } = await desk.ok(
      'customers.create',
      {
        kind: 'company',
        companyName: 'Atlas Transit SARL',
        address: { street: '12 bd Zerktouni', postalCode: '20000', city: 'Casablanca', country: 'MA' },
      },
      COUNTER,
    )
    const billing = desk.core.services.billing
    const invoice = (label: string, currency = 'MAD') =>
      billing.issueInvoice(actor, {
        customerId: customer.id,
        kind: 'service',
        label,
        issueDate: '2026-11-19',
        currency,
        totalNetMinor: 100000,
        totalVatMinor: 20000,
      }).id
    const paid = (
      method: string,
      reference: string | undefined,
      amountMinor: number,
      receivedAt: string,
      currency = 'MAD',
    ) =>
      billing.recordPayment(actor, {
        invoiceId: invoice(`Facture ${reference ?? method}`, currency),
        method,
        amountMinor,
        reference,
        receivedAt,
      })
    paid('card_cmi', 'OK0001/A11', 120000, '2026-11-20T09:15:00.000Z') // matches
    paid('card_cmi', 'AMT0002/A12', 50000, '2026-11-20T10:00:00.000Z') // file says 500.10
    paid('card_cmi', 'CUR0003/A13', 30000, '2026-11-20T11:00:00.000Z') // file says EUR
    paid('card_cmi', 'DAY0004/A14', 20000, '2026-11-20T23:10:00.000Z') // file says the 21st
    paid('card_cmi', 'ONLY0005/A15', 10000, '2026-11-20T12:00:00.000Z') // not in the file
    const rev = paid('card_cmi', 'REV0006/A16', 40000, '2026-11-20T13:00:00.000Z') // reversed, refunded in file
    billing.reversePayment(actor, rev.id, 'Double débit')
    paid('cash', undefined, 7000, '2026-11-20T14:00:00.000Z') // a counter payment, not the gateway's
    paid('card_monetico', 'MON0007/B1', 85000, '2026-11-21T08:00:00.000Z', 'EUR')
  })
  afterAll(() => desk.dispose())

  const CSV = [
    'date;gateway;reference;authorisation;amount;currency;fee',
    '2026-11-20;cmi;OK0001;A11;1200.00;MAD;18.00',
    '2026-11-20;cmi;AMT0002;A12;500,10;MAD;7.50',
    '2026-11-20;cmi;CUR0003;A13;300.00;EUR;4.50',
    '2026-11-21;cmi;DAY0004;A14;200.00;MAD;3.00',
    '2026-11-20;cmi;FILE0008;A17;99.00;MAD;1.50',
    '2026-11-20;cmi;REV0006;A16;400.00;MAD;6.00',
    '2026-11-20;cmi;REV0006;A16;-400.00;MAD;0',
    '2026-11-21;monetico;MON0007;B1;850.00;EUR;12.75',
  ].join('\n')

  it('totals payments by day, method, gateway and desk, reversals netted', async () => {
    const summary = await desk.ok(
      'payments.reconciliationSummary',
      { from: '2026-11-20', to: '2026-11-21' },
      SUP,
    )
    const cmi = summary.groups.find((g) => g.day === '2026-11-22' && g.method === 'card_cmi')
    // The reversal was booked today (the desk's clock), on its own day.
    expect(cmi).toBeUndefined()
    expect(summary.groups).toContainEqual({
      day: '2026-11-20',
      method: 'card_cmi',
      gateway: 'cmi',
      deskId: 'T01',
      currency: 'MAD',
      count: 6,
      reversals: 0,
      netMinor: 270000,
    })
    expect(summary.groups).toContainEqual(
      expect.objectContaining({ method: 'cash', gateway: null, netMinor: 7000 }),
    )
    expect(summary.totals).toEqual([
      { currency: 'EUR', netMinor: 85000 },
      { currency: 'MAD', netMinor: 277000 },
    ])
    const today = await desk.ok(
      'payments.reconciliationSummary',
      { from: '2026-11-22', to: '2026-11-22' },
      SUP,
    )
    expect(today.groups).toEqual([
      expect.objectContaining({ method: 'card_cmi', count: 0, reversals: 1, netMinor: -40000 }),
    ])
  })

  it('is for supervisors only, and refuses a reversed range', async () => {
    const counter = await desk.call(
      'payments.reconciliationSummary',
      { from: '2026-11-20', to: '2026-11-21' },
      COUNTER,
    )
    expect(counter.ok).toBe(false)
    const reversed = await desk.call(
      'payments.reconciliationSummary',
      { from: '2026-11-21', to: '2026-11-20' },
      SUP,
    )
    expect(reversed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('refuses an invalid file row by row and stores nothing', async () => {
    const bad = `${CSV}\n2026-13-01;cmi;X1;;10.00;MAD;\n2026-11-20;visa;X2;;10.00;MAD;\n2026-11-20;cmi;X3;;dix;MAD;`
    const result = await desk.ok('payments.settlementImport', file(bad), SUP)
    expect(result).toEqual({
      status: 'invalid',
      errors: [
        { line: 10, column: 'date', code: 'date', value: '2026-13-01' },
        { line: 11, column: 'gateway', code: 'gateway', value: 'visa' },
        { line: 12, column: 'amount', code: 'amount', value: 'dix' },
      ],
    })
    expect(desk.core.services.repo.db.select().from(settlementImports).all()).toHaveLength(0)
  })

  it('flags every difference and compares totals per day and gateway', async () => {
    const result = await desk.ok('payments.settlementImport', file(CSV), SUP)
    if (result.status === 'invalid') throw new Error('unexpected')
    expect(result.status).toBe('imported')
    expect(result.import.sha256).toBe(createHash('sha256').update(CSV).digest('hex'))
    expect(result.import).toMatchObject({ rowCount: 8, dateFrom: '2026-11-20', dateTo: '2026-11-21' })
    expect(result.matched).toBe(3) // OK0001, REV0006 (netted to zero on both sides), MON0007
    expect(
      result.differences.map((d) => [d.kind, d.reference, d.fileAmountMinor, d.guichetAmountMinor]),
    ).toEqual([
      ['amountDiffers', 'AMT0002', 50010, 50000],
      ['currencyDiffers', 'CUR0003', 30000, 30000],
      ['dateDiffers', 'DAY0004', 20000, 20000],
      ['missingInGuichet', 'FILE0008', 9900, null],
      ['missingInFile', 'ONLY0005', null, 10000],
    ])
    expect(result.differences.find((d) => d.kind === 'currencyDiffers')).toMatchObject({
      fileCurrency: 'EUR',
      guichetCurrency: 'MAD',
    })
    expect(result.totals).toContainEqual({
      day: '2026-11-21',
      gateway: 'monetico',
      currency: 'EUR',
      fileMinor: 85000,
      guichetMinor: 85000,
      differenceMinor: 0,
    })
    expect(result.feesMinor).toEqual([
      { currency: 'MAD', feeMinor: 3600 },
      { currency: 'EUR', feeMinor: 1725 },
    ])
  })

  it('recognises the same file imported twice and stores it once', async () => {
    const again = await desk.ok('payments.settlementImport', file(CSV, 'renamed.csv'), SUP)
    expect(again.status).toBe('alreadyImported')
    if (again.status !== 'invalid') expect(again.import.fileName).toBe('cmi-2026-11-20.csv')
    expect(desk.core.services.repo.db.select().from(settlementImports).all()).toHaveLength(1)
  })
})
