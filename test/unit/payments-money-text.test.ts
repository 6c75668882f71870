/**
 * One way to write the dirham everywhere the desk shows or prints money: `285,00 DH`, as on the
 * Moroccan seeds (DOMAIN.md), the bank pages and the slips; the euro keeps its sign.
 */
import { describe, expect, it } from 'vitest'
import { operatorDateTime } from '../../hub/payments/sandbox/sandboxes'
import { moneyText } from '../../main/documents/contractText'
import { pdfMoney } from '../../main/documents/invoicePdfParts'
import { formatMoney } from '../../renderer/src/lib/format'

describe('the dirham is DH on screens and documents', () => {
  it.each([
    [28500, 'MAD', '285,00 DH'],
    [600000, 'MAD', '6 000,00 DH'],
    [-1000, 'MAD', '-10,00 DH'],
    [5, 'MAD', '0,05 DH'],
    [152000, 'EUR', '1 520,00 €'],
  ])('pdfMoney(%i, %s) → %s', (minor, currency, expected) => {
    expect(pdfMoney(minor, currency)).toBe(expected)
  })

  it('the harbour contract writes it the same (no-break spaces)', () => {
    expect(moneyText(600000, 'MAD')).toBe('6\u00a0000,00\u00a0DH')
    expect(moneyText(152000, 'EUR')).toBe('1\u00a0520,00\u00a0€')
  })

  it('the screen and the PDF agree, spaces aside', () => {
    for (const minor of [0, 99, 28500, 360000, 123456789])
      expect(formatMoney(minor, 'MAD', 'fr').replace(/[\u00a0\u202f]/g, ' ')).toBe(pdfMoney(minor, 'MAD'))
  })
})

describe('operatorDateTime (FATOURATI / AmanPay sandbox page)', () => {
  it.each([
    // Morocco keeps UTC+1 all year, except during Ramadan (UTC+0).
    ['2026-11-30T01:14:18.387Z', '30/11/2026 à 02:14 (heure du Maroc)'],
    ['2026-12-31T23:30:00.000Z', '01/01/2027 à 00:30 (heure du Maroc)'],
  ])('%s → %s', (instant, expected) => {
    expect(operatorDateTime(instant)).toBe(expected)
  })

  it('leaves what is not an instant as it is', () => {
    expect(operatorDateTime('')).toBe('')
    expect(operatorDateTime(undefined)).toBe('')
  })
})
