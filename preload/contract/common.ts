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
