import { z } from 'zod'
import { ulidSchema } from './common'

export interface SyncStatus {
  /** `demo`: the local hub started with the desk; `hub`: an enrolled hub; `none`: not connected. */
  mode: 'demo' | 'hub' | 'none'
  hubUrl: string | null
  site: string | null
  online: boolean
  running: boolean
  lastAttemptAt: string | null
  lastSuccessAt: string | null
  lastError: string | null
  pending: number
  rejected: number
  openConflicts: number
  /** No successful sync for longer than the configured delay. */
  offlineWarning: boolean
  offlineWarnHours: number
  updateRequired: boolean
}

export interface SyncIssue {
  seq: number
  opId: string
  entity: string
  entityId: string
  kind: string
  fields: Record<string, unknown>
  reason: string
  message: string
  createdAt: string
}

export interface SyncConflictView {
  id: string
  entity: string
  entityId: string
  /** A readable name of the record (customer name and number). */
  label: string
  field: string
  theirs: unknown
  theirsDesk: string | null
  theirsHlc: string | null
  yours: unknown
  yoursDesk: string | null
  yoursHlc: string | null
  /** The value the record has now. */
  current: unknown
  status: 'open' | 'resolved'
  resolution: string | null
  resolvedBy: string | null
  detectedAt: string
}

export const syncConnectInput = z
  .object({
    hubUrl: z
      .string()
      .trim()
      .max(300, { error: 'validation.tooLong' })
      .refine((v) => /^https?:\/\/[^\s/]+(\/.*)?$/.test(v), { error: 'validation.url' }),
    code: z
      .string()
      .trim()
      .min(6, { error: 'validation.enrolmentCode' })
      .max(64, { error: 'validation.tooLong' }),
  })
  .strict()

export const syncSeqInput = z.object({ seq: z.number().int().positive() }).strict()

export const syncDiscardInput = z
  .object({
    seq: z.number().int().positive(),
    reason: z
      .string()
      .trim()
      .min(3, { error: 'validation.reasonTooShort' })
      .max(500, { error: 'validation.tooLong' }),
  })
  .strict()

export const conflictListInput = z.object({ status: z.enum(['open', 'resolved']).default('open') }).strict()

export const conflictResolveInput = z
  .object({
    id: ulidSchema,
    choice: z.enum(['theirs', 'yours', 'edit']),
    /** The value to keep when `choice` is `edit`. */
    value: z.unknown().optional(),
  })
  .strict()
