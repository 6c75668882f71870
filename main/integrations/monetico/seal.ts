/**
 * Monetico Paiement (CM-CIC / Crédit Mutuel) hosted payment page, `version=3.0`: the merchant's
 * key, the seal (`MAC`, HMAC-SHA1) over the posted fields, and the answer to the bank's
 * server-to-server return ("interface retour"). Pure functions; no I/O. See docs/payments.md.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export type MoneticoFields = Record<string, string>

/**
 * The 20-byte HMAC key from the merchant's 40-character "clé de sécurité". The bank's own kits
 * repair keys whose last two characters are not hex digits (a letter between `G` and `` ` `` in
 * 39th place is shifted down by 23; a final `M` stands for `0`), so keys handed out in that form
 * keep working; the result must be 40 hex digits.
 */
export function usableKey(key: string): Buffer {
  if (key.length !== 40) throw new Error('Monetico key: 40 characters expected')
  let hex = key.slice(0, 38)
  const c38 = key.charCodeAt(38)
  const last = key[39]!
  if (c38 > 70 && c38 < 97) hex += String.fromCharCode(c38 - 23) + last
  else if (last === 'M') hex += `${key[38]}0`
  else hex += key.slice(38, 40)
  if (!/^[0-9a-fA-F]{40}$/.test(hex)) throw new Error('Monetico key: not a hexadecimal key')
  return Buffer.from(hex, 'hex')
}

/**
 * The string sealed in the current format: every field except `MAC`, names sorted in ordinal
 * order (upper case before lower case, `_` before lower-case letters), `name=value` joined by `*`.
 * Empty values are included: the bank seals what it posts.
 */
export function sealString(fields: MoneticoFields): string {
  return Object.keys(fields)
    .filter((name) => name !== 'MAC')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${fields[name] ?? ''}`)
    .join('*')
}

const LEGACY_ORDER = [
  'TPE',
  'date',
  'montant',
  'reference',
  'texte-libre',
  'version',
  'lgue',
  'societe',
  'mail',
  'nbrech',
  'dateech1',
  'montantech1',
  'dateech2',
  'montantech2',
  'dateech3',
  'montantech3',
  'dateech4',
  'montantech4',
  'options',
] as const

/** The legacy (pre-3.0 kits) request string: values only, in the kit's fixed order. */
export function legacySealString(fields: MoneticoFields): string {
  return LEGACY_ORDER.map((name) => fields[name] ?? '').join('*')
}

/** Lower-case hex HMAC-SHA1. Monetico v3.0 forms are UTF-8; the old kits sealed ISO-8859-1. */
export function computeSeal(key: string, data: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return createHmac('sha1', usableKey(key)).update(Buffer.from(data, encoding)).digest('hex')
}

/** Case-insensitive and constant-time: returns may carry the seal in upper case. */
export function sameSeal(expected: string, given: string | undefined): boolean {
  if (!given || !/^[0-9a-fA-F]{40}$/.test(given)) return false
  return timingSafeEqual(Buffer.from(expected.toLowerCase()), Buffer.from(given.toLowerCase()))
}

/** Verifies a return (or a request) as posted: every field but `MAC`, in the current format. */
export function verifyFields(key: string, fields: MoneticoFields): boolean {
  return sameSeal(computeSeal(key, sealString(fields)), fields.MAC)
}

/** Adds the seal to a request's fields. */
export function sealFields(key: string, fields: MoneticoFields): MoneticoFields {
  const { MAC: _, ...rest } = fields
  return { ...rest, MAC: computeSeal(key, sealString(rest)) }
}

/**
 * What the merchant answers the bank's return: `cdr=0` when the seal is valid, `cdr=1` when it
 * is not — whatever the payment's outcome. Anything else makes the bank retry and alert.
 */
export function returnReceipt(sealValid: boolean): string {
  return `version=2\ncdr=${sealValid ? 0 : 1}\n`
}
