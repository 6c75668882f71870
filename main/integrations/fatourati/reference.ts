/**
 * FATOURATI references and AmanPay codes (docs/payments.md, "What we assumed"). No public
 * technical specification exists; public code suggests a FATOURATI reference starts with the
 * 4-digit biller code and the 2-digit "créance" code. We issue 16 digits: biller (4) + créance (2)
 * + 9 random digits + a Luhn check digit, so a mistyped reference is caught at the agency before
 * the biller is asked. AmanPay codes are 12 digits, the last a Luhn check digit.
 */
import { randomInt } from 'node:crypto'

export function luhnCheckDigit(digits: string): string {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

export function luhnOk(number: string): boolean {
  return /^\d{2,}$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === number.at(-1)
}

const randomDigits = (n: number, random: (max: number) => number) =>
  Array.from({ length: n }, () => String(random(10))).join('')

export function fatouratiReference(
  billerCode: string,
  creanceCode: string,
  random: (max: number) => number = randomInt,
): string {
  if (!/^\d{4}$/.test(billerCode) || !/^\d{2}$/.test(creanceCode))
    throw new Error('biller 4 digits, créance 2 digits')
  const body = `${billerCode}${creanceCode}${randomDigits(9, random)}`
  return body + luhnCheckDigit(body)
}

export function amanpayCode(random: (max: number) => number = randomInt): string {
  const body = randomDigits(11, random)
  return body + luhnCheckDigit(body)
}

/** `7421 01 123456789 0` → groups of 4 for the printed slip. */
export function groupDigits(reference: string): string {
  return reference.replace(/(\d{4})(?=\d)/g, '$1 ')
}
