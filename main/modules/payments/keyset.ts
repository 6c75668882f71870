/**
 * Keyset pages over (created_at DESC, id DESC) for the payments lists (credits, transfer proofs):
 * the cursor is the last row shown, opaque to the renderer; `limit + 1` rows are read, the extra one
 * only says whether there is a next page.
 */
import { and, type Column, eq, lt, or } from 'drizzle-orm'

/** The cursor's (createdAt, id), or nothing for the first page. */
export function decodeKeyset(cursor: string | undefined): [string, string] | [] {
  return cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string]) : []
}

/** Rows after the cursor in (createdAt DESC, id DESC) order; undefined on the first page. */
export function olderThan(createdAt: Column, idColumn: Column, [at, id]: [string, string] | []) {
  return at && id ? or(lt(createdAt, at), and(eq(createdAt, at), lt(idColumn, id))) : undefined
}

/** The page from the `limit + 1` rows read, its items mapped, and the next page's cursor. */
export function keysetPage<R, T extends { createdAt: string; id: string }>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit).map(map)
  const last = items.at(-1)
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([last.createdAt, last.id])).toString('base64url')
        : null,
  }
}
