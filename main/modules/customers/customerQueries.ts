import type Database from 'better-sqlite3'
import type { CustomerListItem, CustomerSort, Page, Phone } from '../../../preload/contract'
import { decodeCursor, encodeCursor } from './cursor'
import { phoneTail, prefixEnd, searchKey } from './names'

/** What a clerk typed, read as the one thing it can be: an email, a phone, a customer number or a name. */
export type CustomerQuery =
  | { by: 'email'; key: string }
  | { by: 'phone'; tail: string }
  | { by: 'number'; key: string }
  | { by: 'name'; key: string }

/**
 * `deskId` lets a clerk type just the digits of one of this desk's customer numbers ("42" finds
 * C01-000042); a full number ("T02-000042") finds any desk's customer.
 */
export function classifyQuery(raw: string, deskId?: string): CustomerQuery | null {
  const q = raw.trim()
  if (!q) return null
  if (q.includes('@')) return { by: 'email', key: q.toLowerCase() }
  // Desk ids start with a letter, so a number never reads as a phone. A dash with nothing after
  // it is a number only if what precedes has a digit ("C01-"), so that "Jean-" typed on the way
  // to "Jean-Pierre" is still a name.
  if (/^[A-Za-z][A-Za-z0-9]{1,7}-\d{1,7}$/.test(q) || /^[A-Za-z]+\d[A-Za-z0-9]*-$/.test(q)) {
    return { by: 'number', key: q.toUpperCase() }
  }
  if (/^[+\d\s.()/-]+$/.test(q)) {
    const tail = phoneTail(q)
    if (tail) return { by: 'phone', tail }
  }
  if (deskId && /^\d{1,6}$/.test(q)) return { by: 'number', key: `${deskId}-${q.padStart(6, '0')}` }
  const key = searchKey(q)
  return key ? { by: 'name', key } : null
}

const sortColumns: Record<CustomerSort, string> = {
  name: 'sort_name',
  customerNumber: 'customer_number',
  createdAt: 'created_at',
}

interface ItemRow {
  id: string
  customer_number: string
  kind: 'person' | 'company'
  display_name: string
  email: string | null
  phones: string
  city: string
  country: string
  created_at: string
  sort_value: string
}

const itemColumns =
  'c.id, c.customer_number, c.kind, c.display_name, c.email, c.phones, c.city, c.country, c.created_at'

function toItem(r: ItemRow): CustomerListItem {
  const phones = JSON.parse(r.phones) as Phone[]
  return {
    id: r.id,
    customerNumber: r.customer_number,
    kind: r.kind,
    displayName: r.display_name,
    email: r.email,
    phone: phones[0]?.number ?? null,
    city: r.city,
    country: r.country,
    createdAt: r.created_at,
  }
}

function filterSql(query: CustomerQuery | null, params: Record<string, string>): string[] {
  if (!query) return []
  switch (query.by) {
    case 'email':
    case 'number': {
      const col = query.by === 'email' ? 'c.email_key' : 'c.customer_number'
      params.k = query.key
      params.ke = prefixEnd(query.key)
      return [`${col} >= @k AND ${col} < @ke`]
    }
    case 'phone':
      params.tail = query.tail
      return ['c.id IN (SELECT customer_id FROM customer_phone_keys WHERE tail = @tail)']
    case 'name':
      throw new Error('name queries are built by list()')
  }
}

export interface ListOptions {
  query?: string | undefined
  kind?: 'person' | 'company' | undefined
  sort: CustomerSort
  direction: 'asc' | 'desc'
  cursor?: string | undefined
  limit: number
}

/** Reads of the customer list; prepared statements are cached by their SQL text. */
export class CustomerQueries {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(
    private readonly sqlite: Database.Database,
    private readonly deskId?: string,
  ) {}

  private prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql)
    if (!stmt) {
      stmt = this.sqlite.prepare(sql)
      this.statements.set(sql, stmt)
    }
    return stmt
  }

  /** One page, in keyset order: never an OFFSET, so page 4 000 costs what page 1 costs. */
  list(options: ListOptions): Page<CustomerListItem> {
    const params: Record<string, string | number> = {}
    const query = classifyQuery(options.query ?? '', this.deskId)
    const bare = sortColumns[options.sort]
    const dir = options.direction === 'asc' ? 'ASC' : 'DESC'
    // Conditions that hold for the page whatever the query: kind and keyset position, written for
    // a table alias (`c.`) or none (inside the name-search subqueries).
    const common = (alias: string): string[] => [
      ...(options.kind ? [`${alias}kind = @kind`] : []),
      ...(options.cursor
        ? [`(${alias}${bare}, ${alias}id) ${options.direction === 'asc' ? '>' : '<'} (@cv, @cid)`]
        : []),
    ]
    if (options.kind) params.kind = options.kind
    if (options.cursor) {
      const [value, id] = decodeCursor(options.cursor)
      params.cv = value
      params.cid = id
    }
    params.limit = options.limit + 1

    let where: string[]
    if (query?.by === 'name') {
      // A name prefix matches "last first" or "first last". An OR of the two ranges makes SQLite
      // fetch and sort every match; instead each range gives its first page of ids from an index
      // (covering for the name sort), and only the union of those two pages is read and sorted.
      params.k = query.key
      params.ke = prefixEnd(query.key)
      const branch = (column: string) =>
        `SELECT id FROM (SELECT id FROM customers WHERE ${[`${column} >= @k AND ${column} < @ke`, ...common('')].join(' AND ')}
         ORDER BY ${bare} ${dir}, id ${dir} LIMIT @limit)`
      where = [`c.id IN (${branch('sort_name')} UNION ${branch('alt_name')})`]
    } else {
      where = [...filterSql(query, params as Record<string, string>), ...common('c.')]
    }
    const sql = `SELECT ${itemColumns}, c.${bare} AS sort_value FROM customers c
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.${bare} ${dir}, c.id ${dir} LIMIT @limit`
    const rows = this.prepare(sql).all(params) as ItemRow[]
    const more = rows.length > options.limit
    const page = more ? rows.slice(0, options.limit) : rows
    const last = page[page.length - 1]
    return {
      items: page.map(toItem),
      nextCursor: more && last ? encodeCursor(last.sort_value, last.id) : null,
    }
  }

  /** The global search (Ctrl+K): the first matches by name, phone, email or customer number. */
  search(query: string, limit: number): CustomerListItem[] {
    return this.list({ query, sort: 'name', direction: 'asc', limit }).items
  }

  /** Other customers with the same email (case-insensitive) or one of the same E.164 phone numbers. */
  duplicates(
    email: string | null,
    phones: string[],
    excludeId: string | null,
  ): {
    id: string
    customerNumber: string
    displayName: string
    matchedOn: 'email' | 'phone'
    value: string
  }[] {
    type Dup = { id: string; customer_number: string; display_name: string; value: string }
    const out: ReturnType<CustomerQueries['duplicates']> = []
    if (email) {
      const rows = this.prepare(
        `SELECT id, customer_number, display_name, email AS value FROM customers
         WHERE email_key = ? AND id IS NOT ? LIMIT 5`,
      ).all(email.toLowerCase(), excludeId) as Dup[]
      for (const r of rows) {
        out.push({
          id: r.id,
          customerNumber: r.customer_number,
          displayName: r.display_name,
          matchedOn: 'email',
          value: r.value,
        })
      }
    }
    for (const phone of phones) {
      const tail = phoneTail(phone)
      if (!tail) continue
      const rows = this.prepare(
        `SELECT c.id, c.customer_number, c.display_name, c.phones AS value FROM customer_phone_keys k
         JOIN customers c ON c.id = k.customer_id WHERE k.tail = ? AND c.id IS NOT ? LIMIT 5`,
      ).all(tail, excludeId) as Dup[]
      for (const r of rows) {
        // The tail is shared by +33 6 12 34 56 78 and +212 6 12 34 56 78: confirm on the full number.
        if (!(JSON.parse(r.value) as Phone[]).some((p) => p.number === phone)) continue
        if (out.some((d) => d.id === r.id && d.matchedOn === 'phone')) continue
        out.push({
          id: r.id,
          customerNumber: r.customer_number,
          displayName: r.display_name,
          matchedOn: 'phone',
          value: phone,
        })
      }
    }
    return out
  }
}
