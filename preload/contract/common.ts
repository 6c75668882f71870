import { z } from 'zod'

export const roles = ['counter', 'agent', 'supervisor', 'admin'] as const
export type Role = (typeof roles)[number]

/** Who may call a channel: anyone, any logged-in staff (even while locked), or these roles. */
export type Access = 'public' | 'session' | readonly Role[]

/** A channel: the zod schema of its input and, as a phantom type, its output. */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I
  access: Access
  /** Never carries a value: it only gives the output its type. */
  output?: O
}

export function channel<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access }): ChannelDef<I, O> => def
}

export const ulidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'validation.id' })

/** A trimmed text of at most `max` characters; required unless `optional` is used. */
export function text(max: number) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' })
}

/** An optional text: the empty string means "none". */
export function optionalText(max: number) {
  return z.string().trim().max(max, { error: 'validation.tooLong' }).optional()
}

export const languages = ['fr', 'en', 'ar', 'nl'] as const
export type CustomerLanguage = (typeof languages)[number]

export const emptyInput = z.object({}).strict()

export interface Page<T> {
  items: T[]
  /** Opaque keyset cursor for the next page; null on the last page. */
  nextCursor: string | null
}

/** A file sent to the renderer (a PDF, an .xlsx): it saves or shows it, never reads the disk itself. */
export interface FileDownload {
  fileName: string
  mimeType: string
  base64: string
  sha256?: string
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * A file the clerk picked (a proof of transfer, an attachment), sent as base64. The size is checked
 * here; the type must be checked by the handler from the bytes themselves, never from the name.
 */
export function fileUpload(maxBytes: number) {
  return z.object({
    fileName: text(200),
    base64: z
      .string()
      .regex(BASE64, { error: 'validation.invalidFormat' })
      .refine((b64) => Math.floor((b64.length * 3) / 4) - (b64.match(/=+$/)?.[0].length ?? 0) <= maxBytes, {
        error: 'validation.fileTooBig',
        params: { maximum: Math.round(maxBytes / 1024) },
      }),
  })
}
