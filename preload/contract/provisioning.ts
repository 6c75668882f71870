/**
 * Channels of provisioning: the requests a desk sends to the operator's network and their state.
 */
import { z } from 'zod'
import { type ChannelDef, channel, emptyInput, type Page, ulidSchema } from './common'

export const provisioningStates = ['queued', 'sent', 'done', 'failed'] as const
export type ProvisioningState = (typeof provisioningStates)[number]

export const provisioningActionNames = [
  'activate',
  'swap',
  'suspend',
  'reactivate',
  'stop',
  'barrings',
  'plan',
  'options',
  'payByMobile',
] as const

export interface ProvisioningRequestView {
  id: string
  /** The desk that created it: only that desk sends it to the operator. */
  deskId: string
  ownDesk: boolean
  lineId: string
  lineLabel: string | null
  action: (typeof provisioningActionNames)[number]
  payload: Record<string, unknown>
  effectiveDate: string | null
  idempotencyKey: string
  state: ProvisioningState
  reasonCode: string | null
  /** The refusal in French, as recorded (the renderer shows its own text for known codes). */
  reason: string | null
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
  operatorRef: string | null
  operatorStatus: string | null
  sentAt: string | null
  finishedAt: string | null
  createdAt: string
  updatedAt: string
  /** Whether "retry" is possible (failed for want of an answer, or waiting after a time-out). */
  retryable: boolean
}

export interface ProvisioningSummary {
  counts: Record<ProvisioningState, number>
  operator: {
    /** `demo`: the in-process sandbox operator; `remote`: GUICHET_OPERATOR_URL; `none`: not configured. */
    mode: 'demo' | 'remote' | 'none'
    /** null until the first call; false while the operator cannot be reached (requests wait). */
    reachable: boolean | null
    lastContactAt: string | null
  }
}

export const provisioningListInput = z
  .object({
    state: z.enum(provisioningStates).optional(),
    lineId: ulidSchema.optional(),
    cursor: z.string().max(400, { error: 'validation.cursor' }).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export const provisioningIdInput = z.object({ id: ulidSchema }).strict()

const telecomStaff = ['agent', 'supervisor', 'admin'] as const

export const provisioningContract = {
  'provisioning.list': channel<Page<ProvisioningRequestView>>()({
    input: provisioningListInput,
    access: telecomStaff,
  }),
  'provisioning.summary': channel<ProvisioningSummary>()({ input: emptyInput, access: telecomStaff }),
  'provisioning.retry': channel<ProvisioningRequestView>()({
    input: provisioningIdInput,
    access: telecomStaff,
  }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
