/**
 * Company identifiers that pass the same checks as a clerk's input (preload/contract/identifiers):
 * the check digits are computed, never random, so the demo never shows an invalid number.
 */
import type { CustomerIdentifiers } from '../../preload/contract'
import type { SeededRandom } from './seededRandom'

/** The digit that makes `body` + digit pass the Luhn check. */
export function luhnCheckDigit(body: string): string {
  let sum = 0
  // Walking from the right, the check digit will sit at position 0, so the body's last digit is doubled.
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

/** A SIREN: 8 digits and a Luhn key. Never La Poste's 356 000 000, which follows another rule. */
export function makeSiren(random: SeededRandom): string {
  for (;;) {
    const body = String(random.int(1, 9)) + random.digits(7)
    const siren = body + luhnCheckDigit(body)
    if (!siren.startsWith('356000000')) return siren
  }
}

/** The SIRET of one of the company's establishments: SIREN + 4-digit NIC + a Luhn key over all 14. */
export function makeSiret(siren: string, establishment: number): string {
  const body = siren + String(establishment).padStart(4, '0')
  return body + luhnCheckDigit(body)
}

/** French intra-community VAT number: FR + key (12 + 3 × (SIREN mod 97)) mod 97 + SIREN. */
export function frenchVatNumber(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97
  return `FR${String(key).padStart(2, '0')}${siren}`
}

/** Belgian VAT number: BE + enterprise number (0 + 7 digits, then 97 − the first 8 mod 97). */
export function makeBelgianVatNumber(random: SeededRandom): string {
  const first8 = `0${random.int(2, 9)}${random.digits(6)}`
  const check = 97 - (Number(first8) % 97)
  return `BE${first8}${String(check).padStart(2, '0')}`
}

/**
 * A Moroccan ICE: 9 digits for the company, 4 for the establishment, 2 of key. The key's algorithm
 * is not published, so it is drawn like the rest (the contract only checks the shape).
 */
export function makeIce(random: SeededRandom): string {
  return `00${random.digits(7)}000${random.int(1, 3)}${random.digits(2)}`
}

/** The identifiers a company of that country shows on its invoices. */
export function companyIdentifiers(country: 'fr' | 'ma' | 'be', random: SeededRandom): CustomerIdentifiers {
  switch (country) {
    case 'fr': {
      const siren = makeSiren(random)
      const siret = makeSiret(siren, random.int(1, 5))
      // Micro-entrepreneurs below the VAT threshold have no VAT number.
      return random.chance(0.88) ? { siren, siret, vatNumber: frenchVatNumber(siren) } : { siren, siret }
    }
    case 'ma':
      return { ice: makeIce(random) }
    case 'be':
      return { vatNumber: makeBelgianVatNumber(random) }
  }
}
