import type Database from 'better-sqlite3'
import type { LineFilter, LineListItem, LinePage, LineSort } from '../../../preload/contract/fleet'
import { decodeCursor, encodeCursor } from '../customers/cursor'

/** A line row as the queries read it (snake_case columns aliased to the view's names). */
export interface LineRow {
  id: string
  customerId: string
  phoneNumber: string
  description: string
  status: LineListItem['status']
  tariffPlanCode: string
  billingAccountId: string
  billingAccountNumber: string
  options: string
  userFirstName: string
  userLastName: string
}

const SORT_COLUMNS: Record<LineSort, string> = {
  phoneNumber: 'l.phone_number',
  description: 'l.description',
  status: 'l.status',
  tariffPlanCode: 'l.tariff_plan_code',
}

const COLUMNS = `l.id, l.customer_id AS customerId, l.phone_number AS phoneNumber, l.description,
  l.status, l.tariff_plan_code AS tariffPlanCode, l.billing_account_id AS billingAccountId,
  COALESCE(b.number, '') AS billingAccountNumber, l.options, l.user_first_name AS userFirstName,
  l.user_last_name AS userLastName`
const BILLING_JOIN = 'LEFT JOIN fleet_billing_accounts b ON b.id = l.billing_account_id'

/**
 * Up to this many matches (in the account, with the status asked), a search starts from the
 * index's matches and fetches each line (about 7 µs a match at 50 000 lines); above, it walks the
 * account's lines in the page's order, checking each against the matches (about 0.4 µs a line),
 * and stops at the page's end: with n matches among R lines that is about 50·R/n lines, so the
 * two cost the same near n = √(3·R), a few hundred for tens of thousands of lines.
 */
const DRIVE_FROM_MATCHES_BELOW = 300

export function toListItem(row: LineRow): LineListItem {
  return {
    id: row.id,
    phoneNumber: row.phoneNumber,
    description: row.description,
    status: row.status,
    tariffPlanCode: row.tariffPlanCode,
    billingAccountId: row.billingAccountId,
    billingAccountNumber: row.billingAccountNumber,
    options: JSON.parse(row.options) as string[],
    userName: `${row.userFirstName} ${row.userLastName}`.trim(),
  }
}

/** What the clerk typed, in the form of `search_key` (lineRules.lineSearchKey). */
function searchText(query: string): string {
  const key = query
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
  // A number typed with spaces or dots (0470 12 34 56) is searched by its digits.
  return /^[\d\s./+-]+$/.test(key) ? key.replace(/[^\d]/g, '') : key
}

/**
 * How a search is answered: the trigram index finds substrings of three characters or more (as
 * one phrase, quotes doubled); a shorter query is a LIKE scan (`%` and `_` searched literally).
 */
type TextSearch = { kind: 'match'; phrase: string } | { kind: 'like'; pattern: string }

function textSearch(query: string): TextSearch | null {
  const text = searchText(query)
  if (text === '') return null
  if ([...text].length >= 3) return { kind: 'match', phrase: `"${text.replace(/"/g, '""')}"` }
  return { kind: 'like', pattern: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
}

/**
 * Lines of an account (and status) whose search key holds the phrase: the trigram index, through
 * its id table, which carries each line's account and status (migration 0010), so that the set is
 * found without reading the lines.
 */
function matchingIds(filter: LineFilter, phrase: string): { sql: string; params: unknown[] } {
  const where = ['fleet_line_search MATCH ?', 'i.customer_id = ?']
  const params: unknown[] = [phrase, filter.customerId]
  if (filter.status) {
    where.push('i.status = ?')
    params.push(filter.status)
  }
  return {
    sql: `SELECT i.line_id FROM fleet_line_search s JOIN fleet_line_search_ids i ON i.seq = s.rowid
      WHERE ${where.join(' AND ')}`,
    params,
  }
}

/** The FROM and WHERE of a filtered query, with their parameters in order. */
interface LineSource {
  from: string
  where: string
  params: unknown[]
}

/**
 * Read side of the inventory: keyset pages, counts, the ids of a selection, a streaming walk for
 * the export. Plain prepared SQL (cached per text): these run on 50 000-line accounts.
 */
export class LineQueries {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(
    private readonly sqlite: Database.Database,
    /** Tests set it to take one path or the other on small accounts. */
    private readonly driveFromMatchesBelow = DRIVE_FROM_MATCHES_BELOW,
  ) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.sqlite.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  /**
   * FROM and WHERE for a filter. A search with few matches starts from them (CROSS JOIN keeps that
   * order); one with many walks the account's index and checks membership, so that neither a
   * rare number nor a common word costs a scan of the account's search keys.
   */
  private source(filter: LineFilter): LineSource {
    const clauses = ['l.customer_id = ?']
    const params: unknown[] = [filter.customerId]
    let from = 'fleet_lines l'
    const fromParams: unknown[] = []
    if (filter.status) {
      clauses.push('l.status = ?')
      params.push(filter.status)
    }
    if (filter.planCode) {
      clauses.push('l.tariff_plan_code = ?')
      params.push(filter.planCode)
    }
    if (filter.billingAccountId) {
      clauses.push('l.billing_account_id = ?')
      params.push(filter.billingAccountId)
    }
    const text = filter.query ? textSearch(filter.query) : null
    if (text?.kind === 'like') {
      clauses.push("l.search_key LIKE ? ESCAPE '\\'")
      params.push(text.pattern)
    } else if (text?.kind === 'match') {
      const matching = matchingIds(filter, text.phrase)
      const matches = this.prepare(
        `SELECT count(*) FROM (${matching.sql} LIMIT ${this.driveFromMatchesBelow})`,
      )
        .pluck()
        .get(...matching.params) as number
      if (matches < this.driveFromMatchesBelow) {
        from = `(${matching.sql}) m CROSS JOIN fleet_lines l ON l.id = m.line_id`
        fromParams.push(...matching.params)
      } else {
        clauses.push(`l.id IN (${matching.sql})`)
        params.push(...matching.params)
      }
    }
    return { from, where: clauses.join(' AND '), params: [...fromParams, ...params] }
  }

  page(
    filter: LineFilter,
    sort: LineSort,
    direction: 'asc' | 'desc',
    limit: number,
    cursor?: string,
  ): LinePage {
    const { from, where, params } = this.source(filter)
    const column = SORT_COLUMNS[sort]
    const op = direction === 'asc' ? '>' : '<'
    const dir = direction === 'asc' ? 'ASC' : 'DESC'
    let keyset = ''
    const keyParams: unknown[] = []
    if (cursor) {
      const [value, id] = decodeCursor(cursor)
      keyset = ` AND (${column} ${op} ? OR (${column} = ? AND l.id ${op} ?))`
      keyParams.push(value, value, id)
    }
    const rows = this.prepare(
      `SELECT ${COLUMNS} FROM ${from} ${BILLING_JOIN} WHERE ${where}${keyset}
       ORDER BY ${column} ${dir}, l.id ${dir} LIMIT ?`,
    ).all(...params, ...keyParams, limit + 1) as LineRow[]
    const more = rows.length > limit
    const items = rows.slice(0, limit).map(toListItem)
    const last = items.at(-1)
    // The total is counted for the first page only: the screen keeps it while it pages on.
    const total = cursor ? -1 : this.count(filter)
    return {
      items,
      nextCursor: more && last ? encodeCursor(String(last[sort]), last.id) : null,
      total,
    }
  }

  count(filter: LineFilter): number {
    const text = filter.query ? textSearch(filter.query) : null
    if (text?.kind === 'match' && !filter.planCode && !filter.billingAccountId) {
      // Account, status and text: the index's id table answers alone.
      const matching = matchingIds(filter, text.phrase)
      return this.prepare(`SELECT count(*) FROM (${matching.sql})`)
        .pluck()
        .get(...matching.params) as number
    }
    const { from, where, params } = this.source(filter)
    return (this.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(...params) as { n: number })
      .n
  }

  /** Ids of every line matching the filter, in number order ("select all" = all matching). */
  ids(filter: LineFilter): string[] {
    const { from, where, params } = this.source(filter)
    return this.prepare(`SELECT l.id FROM ${from} WHERE ${where} ORDER BY l.phone_number, l.id`)
      .pluck()
      .all(...params) as string[]
  }

  /** Every matching row, one at a time (the export does not hold 50 000 objects at once). */
  *iterate(filter: LineFilter, sort: LineSort, direction: 'asc' | 'desc'): Generator<LineRow> {
    const { from, where, params } = this.source(filter)
    const dir = direction === 'asc' ? 'ASC' : 'DESC'
    yield* this.prepare(
      `SELECT ${COLUMNS} FROM ${from} ${BILLING_JOIN} WHERE ${where} ORDER BY ${SORT_COLUMNS[sort]} ${dir}, l.id ${dir}`,
    ).iterate(...params) as IterableIterator<LineRow>
  }

  /** Rows of these ids (bulk review and apply), in number order. */
  byIds(ids: readonly string[]): LineRow[] {
    return this.prepare(
      `SELECT ${COLUMNS} FROM fleet_lines l ${BILLING_JOIN}
       WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.phone_number, l.id`,
    ).all(JSON.stringify(ids)) as LineRow[]
  }

  /** The fleet-desk tabs' view of an account's lines (FleetArea.linesOf). */
  linesOf(
    customerId: string,
    limit = 1000,
  ): Array<{ id: string; phoneNumber: string; description: string; status: string; tariffPlanCode: string }> {
    return this.prepare(
      `SELECT id, phone_number AS phoneNumber, description, status, tariff_plan_code AS tariffPlanCode
       FROM fleet_lines WHERE customer_id = ? ORDER BY phone_number, id LIMIT ?`,
    ).all(customerId, limit) as Array<{
      id: string
      phoneNumber: string
      description: string
      status: string
      tariffPlanCode: string
    }>
  }
}
