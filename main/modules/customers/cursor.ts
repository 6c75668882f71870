import { AppError } from '../../ipc/appError'

/** Keyset cursors: the last row's sort value and id, opaque to the renderer. */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url')
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string]
    }
  } catch {
    // fall through to the validation error
  }
  throw AppError.field('cursor', 'validation.cursor')
}
