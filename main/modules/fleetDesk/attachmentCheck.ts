/**
 * What a ticket attachment really is, read from its bytes (file-type's magic numbers), never from
 * its name: a PNG renamed `.pdf`, or a program renamed anything, is refused. The name's extension
 * must also agree with the content, so the operator's back office opens it with the right tool.
 * CSV has no magic number: a file is taken as CSV only if it is named .csv and is plain UTF-8 text.
 */
import { fileTypeFromBuffer } from 'file-type'

export interface AcceptedFile {
  mimeType: string
  /** The extensions a name may end with for this content. */
  extensions: readonly string[]
}

const ACCEPTED: Record<string, AcceptedFile> = {
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'] },
  jpg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mimeType: 'image/png', extensions: ['png'] },
  xlsx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
}
const CSV: AcceptedFile = { mimeType: 'text/csv', extensions: ['csv'] }

export type AttachmentVerdict =
  | { ok: true; mimeType: string; kind: 'pdf' | 'jpg' | 'png' | 'xlsx' | 'csv' }
  | { ok: false; reason: 'type' | 'extension' | 'empty' }

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/** UTF-8 text without NUL or other control characters than tab, CR and LF. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return false
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)
}

export async function checkAttachment(fileName: string, bytes: Uint8Array): Promise<AttachmentVerdict> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' }
  const ext = extensionOf(fileName)
  const detected = await fileTypeFromBuffer(bytes)
  if (detected) {
    const accepted = ACCEPTED[detected.ext]
    if (!accepted) return { ok: false, reason: 'type' }
    if (!accepted.extensions.includes(ext)) return { ok: false, reason: 'extension' }
    return { ok: true, mimeType: accepted.mimeType, kind: detected.ext as 'pdf' | 'jpg' | 'png' | 'xlsx' }
  }
  if (!isPlainText(bytes)) return { ok: false, reason: 'type' }
  if (!CSV.extensions.includes(ext)) return { ok: false, reason: ext === '' ? 'type' : 'extension' }
  return { ok: true, mimeType: CSV.mimeType, kind: 'csv' }
}
