import type { Repository } from '../../repo/repository'

/**
 * The display name of the staff member writing, kept on the records other desks show (staff
 * accounts are desk-local, so another desk could not name them from the id alone).
 */
export function staffNameOf(repo: Repository, staffId: string | null): string | null {
  if (!staffId) return null
  const row = repo.sqlite.prepare('SELECT display_name AS name FROM staff WHERE id = ?').get(staffId) as
    | { name: string }
    | undefined
  return row?.name ?? null
}

/** The next number of the desk's own series (`TK-C01-000042`): offline desks never clash. */
export function nextSeriesNumber(repo: Repository, table: string, column: string, prefix: string): string {
  const start = `${prefix}-${repo.deskId}-`
  const last = repo.sqlite
    .prepare(`SELECT max(${column}) AS n FROM ${table} WHERE ${column} >= ? AND ${column} < ?`)
    .get(start, `${prefix}-${repo.deskId}.`) as { n: string | null }
  const next = last.n ? Number(last.n.slice(start.length)) + 1 : 1
  return `${start}${String(next).padStart(6, '0')}`
}
