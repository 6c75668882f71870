import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from '../../main/modules/customers/cursor'
import { classifyQuery } from '../../main/modules/customers/customerQueries'
import { nameKeys, phoneTail, prefixEnd, searchKey } from '../../main/modules/customers/names'

describe('searchKey', () => {
  it.each([
    ['Dupont', 'dupont'],
    ["Éloïse  D'Arc", 'eloise d arc'],
    ['  François   Müller ', 'francois muller'],
    ['LEFÈVRE', 'lefevre'],
    ['Çağlar Öztürk', 'caglar ozturk'],
    ['Jean-Pierre', 'jean-pierre'],
    ['Ñúñez', 'nunez'],
    ['El Amrani, Youssef', 'el amrani youssef'],
    ['محمد', 'محمد'], // Arabic letters are kept as letters
    ['jean.dupont@example.fr', 'jean.dupont@example.fr'],
    ['!!!', ''],
  ])('%j -> %j', (raw, want) => {
    expect(searchKey(raw)).toBe(want)
  })

  it('folds precomposed and decomposed accents alike', () => {
    expect(searchKey('E\u0301lise')).toBe(searchKey('\u00C9lise'))
  })
})

describe('nameKeys', () => {
  it.each([
    {
      parts: { kind: 'person' as const, firstName: 'Éloïse', lastName: "D'Arc" },
      want: { displayName: "Éloïse D'Arc", sortName: 'd arc eloise', altName: 'eloise d arc' },
    },
    {
      parts: { kind: 'person' as const, firstName: '  Jean ', lastName: ' Dupont  ' },
      want: { displayName: 'Jean Dupont', sortName: 'dupont jean', altName: 'jean dupont' },
    },
    {
      parts: { kind: 'person' as const, firstName: null, lastName: 'Lefèvre' },
      want: { displayName: 'Lefèvre', sortName: 'lefevre', altName: 'lefevre' },
    },
    {
      parts: { kind: 'company' as const, companyName: ' Café du Port SARL ', firstName: 'Ignored' },
      want: { displayName: 'Café du Port SARL', sortName: 'cafe du port sarl', altName: 'cafe du port sarl' },
    },
  ])('$parts.kind $want.displayName', ({ parts, want }) => {
    expect(nameKeys(parts)).toEqual(want)
  })
})

describe('phoneTail', () => {
  it.each([
    ['+33 6 12 34 56 78', '12345678'],
    ['06 12 34 56 78', '12345678'],
    ['0033612345678', '12345678'],
    ['+212 6 61 23 45 67', '61234567'],
    ['0661234567', '61234567'],
    ['+32 470 12 34 56', '70123456'],
    ['0470/12.34.56', '70123456'],
    ['1234567', null], // too short to identify a number
    ['', null],
  ])('%j -> %j', (raw, want) => {
    expect(phoneTail(raw)).toBe(want)
  })
})

describe('prefixEnd', () => {
  // The bound is used in SQL, where text compares as UTF-8 bytes (not UTF-16 units as in JS).
  const sqlite = new Database(':memory:')
  const below = (a: string, b: string) =>
    (sqlite.prepare('SELECT ? < ? AS r').get(a, b) as { r: number }).r === 1

  it('bounds every key that starts with the prefix, and no other', () => {
    const end = prefixEnd('dup')
    for (const key of ['dup', 'dupont', 'dupuis jean', 'dup\u{FFFF}z', 'dup\u{1F600}']) {
      expect(below(key, end)).toBe(true)
    }
    for (const key of ['duq', 'dv', 'e']) expect(below(key, end)).toBe(false)
  })
})

describe('classifyQuery', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['Jean.Dupont@Example.FR', { by: 'email', key: 'jean.dupont@example.fr' }],
    ['jean@', { by: 'email', key: 'jean@' }],
    ['06 12 34 56 78', { by: 'phone', tail: '12345678' }],
    ['+33 6 12 34 56 78', { by: 'phone', tail: '12345678' }],
    ['+212 (0)6 61-23-45-67', { by: 'phone', tail: '61234567' }],
    ['0470.12.34.56', { by: 'phone', tail: '70123456' }],
    ['C01-000042', { by: 'number', key: 'C01-000042' }],
    ['c01-0000', { by: 'number', key: 'C01-0000' }],
    ['T01-', { by: 'number', key: 'T01-' }],
    // Bare digits are one of this desk's numbers only when the desk is known (see below).
    ['42', { by: 'name', key: '42' }],
    ['Jean-', { by: 'name', key: 'jean-' }],
    ['Dupont', { by: 'name', key: 'dupont' }],
    ['  Éloïse D’Arc ', { by: 'name', key: 'eloise d arc' }],
    ['jean dup', { by: 'name', key: 'jean dup' }],
    ['?!', null],
  ])('%j -> %o', (raw, want) => {
    expect(classifyQuery(raw)).toEqual(want)
  })

  it("reads bare digits as one of the desk's own customer numbers when the desk is known", () => {
    expect(classifyQuery('42', 'C01')).toEqual({ by: 'number', key: 'C01-000042' })
    expect(classifyQuery('TANGER1-42', 'C01')).toEqual({ by: 'number', key: 'TANGER1-42' })
    expect(classifyQuery('06 12 34 56 78', 'C01')).toEqual({ by: 'phone', tail: '12345678' })
  })
})

describe('keyset cursor', () => {
  it('round-trips the sort value and id', () => {
    const cursor = encodeCursor('dupont jean', '01JD0000000000000000000000')
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor)).toEqual(['dupont jean', '01JD0000000000000000000000'])
  })

  it.each([
    ['not base64 json', '%%%'],
    ['a JSON string', Buffer.from('"x"').toString('base64url')],
    ['three items', Buffer.from('["a","b","c"]').toString('base64url')],
    ['a number inside', Buffer.from('["a",1]').toString('base64url')],
    ['empty', ''],
  ])('refuses %s as a field error on "cursor"', (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: { fields: [{ path: 'cursor', key: 'validation.cursor' }] },
      }),
    )
  })
})
