/**
 * CMI (Centre Monétique Interbancaire) "3D Pay Hosting", on the EST platform: the `HASH` of
 * `hashAlgorithm=ver3` and the answers to the server-to-server callback. Pure; see docs/payments.md.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

export type CmiFields = Record<string, string | number | null | undefined>

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'

/**
 * PHP's `strnatcasecmp`, which `natcasesort` uses: case-insensitive, runs of digits compared by
 * value (`oid2` before `oid10`). The integrations sort parameter names with it.
 */
export function natCaseCompare(left: string, right: string): number {
  const a = left.toLowerCase()
  const b = right.toLowerCase()
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      const si = i
      const sj = j
      while (isDigit(a[i])) i++
      while (isDigit(b[j])) j++
      const na = a.slice(si, i).replace(/^0+/, '')
      const nb = b.slice(sj, j).replace(/^0+/, '')
      if (na.length !== nb.length) return na.length - nb.length
      if (na !== nb) return na < nb ? -1 : 1
      continue
    }
    if (a[i] !== b[j]) return a.charCodeAt(i) - b.charCodeAt(j)
    i++
    j++
  }
  return a.length - i - (b.length - j)
}

const escapeValue = (value: string) => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')

/** The string hashed: every value but `hash` and `encoding`, trimmed, escaped, each followed by `|`; then the store key. */
export function hashString(fields: CmiFields, storeKey: string): string {
  const names = Object.keys(fields)
    .filter((n) => {
      const lower = n.toLowerCase()
      return lower !== 'hash' && lower !== 'encoding'
    })
    .sort(natCaseCompare)
  return names.map((n) => `${escapeValue(String(fields[n] ?? '').trim())}|`).join('') + escapeValue(storeKey)
}

/** HASH ver3: SHA-512 of the string above, the 64 raw bytes in base64. */
export function hashVer3(fields: CmiFields, storeKey: string): string {
  return createHash('sha512').update(hashString(fields, storeKey), 'utf8').digest('base64')
}

/** Checks the `HASH` (or `hash`) a message carries, in constant time. */
export function verifyHash(fields: CmiFields, storeKey: string): boolean {
  const given = String(fields.HASH ?? fields.hash ?? '')
  if (!given) return false
  const expected = Buffer.from(hashVer3(fields, storeKey))
  const actual = Buffer.from(given)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** Answers to the callback, as CMI documents them. */
export const CMI_ANSWER = {
  /** Approved, capture now. */
  capture: 'ACTION=POSTAUTH',
  /** Acknowledged (a refusal, or approved without capture). */
  acknowledged: 'APPROVED',
  /** Could not be processed: CMI calls again. */
  failure: 'FAILURE',
} as const
