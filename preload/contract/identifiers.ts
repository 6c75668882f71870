/**
 * Business identifiers of French, Moroccan and Belgian customers. Pure checks, shared by the
 * renderer (form validation) and main (the router validates every input with the same schemas).
 */

/** Luhn check (ISO/IEC 7812), used by SIREN, SIRET and ICCID. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export function compact(value: string): string {
  return value.replace(/[\s.\-/]/g, '').toUpperCase()
}

/** French company number: 9 digits with a Luhn check digit. */
export function isSiren(value: string): boolean {
  const v = compact(value)
  return /^\d{9}$/.test(v) && luhnValid(v)
}

/** French establishment number: SIREN + 5 digits, Luhn over all 14 (La Poste's SIRETs excepted). */
export function isSiret(value: string): boolean {
  const v = compact(value)
  if (!/^\d{14}$/.test(v) || !isSiren(v.slice(0, 9))) return false
  // La Poste (SIREN 356000000) numbers its establishments with a digit-sum rule instead of Luhn,
  // except its head office (35600000000048), which has an ordinary Luhn SIRET.
  if (v.startsWith('356000000') && v !== '35600000000048') {
    return [...v].reduce((s, c) => s + Number(c), 0) % 5 === 0
  }
  return luhnValid(v)
}

/**
 * Moroccan Identifiant Commun de l'Entreprise: 15 digits (company, establishment, key). The key's
 * algorithm is not published by the registry, so only the shape is checked.
 */
export function isIce(value: string): boolean {
  return /^\d{15}$/.test(compact(value))
}

/** Intra-community VAT number: FR (key + SIREN) and BE (10 digits, mod 97) are checked, others by shape. */
export function isVatNumber(value: string): boolean {
  const v = compact(value)
  if (v.startsWith('FR')) {
    const m = /^FR([0-9A-HJ-NP-Z]{2})(\d{9})$/.exec(v)
    if (!m) return false
    const [, key, siren] = m as unknown as [string, string, string]
    if (!/^\d{2}$/.test(key)) return true // alphabetic keys (new entities) have no public check
    return Number(key) === (12 + 3 * (Number(siren) % 97)) % 97
  }
  if (v.startsWith('BE')) {
    const m = /^BE([01]\d{9})$/.exec(v)
    if (!m) return false
    const digits = m[1]!
    return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8))
  }
  return /^[A-Z]{2}[0-9A-Z+*]{2,12}$/.test(v)
}
