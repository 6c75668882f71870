/** Lower case, accents and punctuation folded, single spaces: "Éloïse  D'Arc" -> "eloise d arc". */
export function searchKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+_-]+/gu, ' ')
    .trim()
}

export interface NameParts {
  kind: 'person' | 'company'
  firstName?: string | null | undefined
  lastName?: string | null | undefined
  companyName?: string | null | undefined
}

/** The name shown everywhere, and the two keys a name prefix is searched on. */
export function nameKeys(c: NameParts): { displayName: string; sortName: string; altName: string } {
  if (c.kind === 'company') {
    const name = (c.companyName ?? '').trim()
    return { displayName: name, sortName: searchKey(name), altName: searchKey(name) }
  }
  const first = (c.firstName ?? '').trim()
  const last = (c.lastName ?? '').trim()
  return {
    displayName: [first, last].filter(Boolean).join(' '),
    sortName: searchKey(`${last} ${first}`),
    altName: searchKey(`${first} ${last}`),
  }
}

/** The upper bound of a prefix range: every key starting with `prefix` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`
}

/** The digits a phone is looked up by: the last 8, the same in national and international form. */
export function phoneTail(raw: string): string | null {
  const digits = raw.replace(/\D/g, '')
  return digits.length >= 8 ? digits.slice(-8) : null
}
