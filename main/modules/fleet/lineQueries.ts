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

const SELECT = `SELECT l.id, l.customer_id AS customerId, l.phone_number AS phoneNumber, l.description,
  l.status, l.tariff_plan_code AS tariffPlanCode, l.billing_account_id AS billingAccountId,
  COALESCE(b.number, '') AS billingAccountNumber, l.options, l.user_first_name AS userFirstName,
  l.user_last_name AS userLastName
  FROM fleet_lines l LEFT JOIN fleet_billing_accounts b ON b.id = l.billing_account_id`

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
 * The trigram index answers substrings of three characters or more; a shorter query is a scan
 * (LIKE; `%` and `_` typed by the clerk are searched literally).
 */
function textClause(query: string): { sql: string; param: string } | null {
  const text = searchText(query)
  if (text === '') return null
  if ([...text].length >= 3) {
    return {
      sql: `l.id IN (SELECT i.line_id FROM fleet_line_search s
        JOIN fleet_line_search_ids i ON i.seq = s.rowid WHERE fleet_line_search MATCH ?)`,
      // One phrase: the trigram tokenizer matches it as a substring, quotes doubled.
      param: `"${text.replace(/"/g, '""')}"`,
    }
  }
  return { sql: "l.search_key LIKE ? ESCAPE '\\'", param: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
}

function where(filter: LineFilter): { sql: string; params: unknown[] } {
  const clauses = ['l.customer_id = ?']
  const params: unknown[] = [filter.customerId]
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
  const text = filter.query ? textClause(filter.query) : null
  if (text) {
    clauses.push(text.sql)
    params.push(text.param)
  }
  return { sql: clauses.join(' AND '), params }
}

/**
 * Read side of the inventory: keyset pages, counts, the ids of a selection, a streaming walk for
 * the export. Plain prepared SQL (cached per text): these run on 50 000-line accounts.
 */
export class LineQueries {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(private readonly sqlite: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.sqlite.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  page(
    filter: LineFilter,
    sort: LineSort,
    direction: 'asc' | 'desc',
    limit: number,
    cursor?: string,
  ): LinePage {
    const { sql, params } = where(filter)
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
      `${SELECT} WHERE ${sql}${keyset} ORDER BY ${column} ${dir}, l.id ${dir} LIMIT ?`,
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
    const { sql, params } = where(filter)
    return (
      this.prepare(`SELECT count(*) AS n FROM fleet_lines l WHERE ${sql}`).get(...params) as { n: number }
    ).n
  }

  /** Ids of every line matching the filter, in number order ("select all" = all matching). */
  ids(filter: LineFilter): string[] {
    const { sql, params } = where(filter)
    return this.prepare(`SELECT l.id FROM fleet_lines l WHERE ${sql} ORDER BY l.phone_number, l.id`)
      .pluck()
      .all(...params) as string[]
  }

  /** Every matching row, one at a time (the export does not hold 50 000 objects at once). */
  *iterate(filter: LineFilter, sort: LineSort, direction: 'asc' | 'desc'): Generator<LineRow> {
    const { sql, params } = where(filter)
    const dir = direction === 'asc' ? 'ASC' : 'DESC'
    yield* this.prepare(`${SELECT} WHERE ${sql} ORDER BY ${SORT_COLUMNS[sort]} ${dir}, l.id ${dir}`).iterate(
      ...params,
    ) as IterableIterator<LineRow>
  }

  /** Rows of these ids (bulk review and apply), in number order. */
  byIds(ids: readonly string[]): LineRow[] {
    return this.prepare(
      `${SELECT} WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.phone_number, l.id`,
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
