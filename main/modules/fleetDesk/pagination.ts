import { AppError } from '../../ipc/appError'

/** Keyset cursor over (created_at DESC, id DESC): the last row shown, opaque to the renderer. */
export function encodeNewestCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url')
}

export function decodeNewestCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string]
  } catch {
    // the validation error below
  }
  throw AppError.field('cursor', 'validation.cursor')
}

/** A page from `limit + 1` rows read: the extra row only says whether there is a next page. */
export function pageOf<R extends { createdAt: string; id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last ? encodeNewestCursor(last.createdAt, last.id) : null,
  }
}
