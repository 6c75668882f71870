import { describe, expect, it } from 'vitest'
import { signBody, verifyBody } from '../../main/integrations/fatourati/notification'
import {
  amanpayCode,
  fatouratiReference,
  groupDigits,
  luhnCheckDigit,
  luhnOk,
} from '../../main/integrations/fatourati/reference'

describe('FATOURATI references and AmanPay codes', () => {
  it('Luhn check digit (ISO/IEC 7812 examples: 7992739871 → 3)', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3')
    expect(luhnOk('79927398713')).toBe(true)
    expect(luhnOk('79927398710')).toBe(false)
  })

  it('a reference is biller + créance + 9 digits + check digit; a typo is caught', () => {
    const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    let i = 0
    const ref = fatouratiReference('7421', '01', () => digits[i++ % 9]!)
    expect(ref).toMatch(/^742101123456789\d$/)
    expect(luhnOk(ref)).toBe(true)
    expect(luhnOk(`${ref.slice(0, 8)}${(Number(ref[8]) + 1) % 10}${ref.slice(9)}`)).toBe(false)
    expect(() => fatouratiReference('742', '01')).toThrow()
    expect(groupDigits(ref)).toBe(`7421 0112 3456 789${ref.at(-1)}`)
  })

  it('AmanPay codes are 12 digits with a check digit', () => {
    for (let n = 0; n < 50; n++) {
      const code = amanpayCode()
      expect(code).toMatch(/^\d{12}$/)
      expect(luhnOk(code)).toBe(true)
    }
  })

  it('settlement messages are signed HMAC-SHA256 over the raw body (RFC 4231 case 2)', () => {
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
    const body = '{"reference":"742101123456789"}'
    expect(verifyBody('s', body, signBody('s', body))).toBe(true)
    expect(verifyBody('s', `${body} `, signBody('s', body))).toBe(false)
    expect(verifyBody('s', body, undefined)).toBe(false)
  })
})
