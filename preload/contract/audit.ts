import { z } from 'zod'
import { ulidSchema } from './common'

export const entityHistoryInput = z
  .object({
    entity: z.string().regex(/^[a-z_]{1,40}$/),
    entityId: ulidSchema,
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export interface AuditEntry {
  id: string
  at: string
  staffId: string | null
  staffName: string | null
  deskId: string
  action: string
  entity: string
  entityId: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface OutboxStats {
  pending: number
  rejected: number
  acknowledged: number
  lastSeq: number
}
