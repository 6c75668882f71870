/**
 * Channels of payment links: sending a gateway request's link by email or SMS, and what happened
 * to each link (sent, paid, failed, expired, receipt mailed). Spread into paymentsContract.
 */
import { z } from 'zod'
import { type ChannelDef, channel, ulidSchema } from './common'

export const linkSendInput = z
  .object({
    requestId: ulidSchema,
    channel: z.enum(['email', 'sms'], { error: 'validation.required' }),
    /** An email address or an E.164 phone number; empty = the request's email or the customer's mobile. */
    to: z.string().trim().max(254, { error: 'validation.tooLong' }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.to) return
    if (v.channel === 'email' && !z.email().safeParse(v.to).success)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.email' })
    if (v.channel === 'sms' && !/^\+[1-9]\d{6,14}$/.test(v.to.replace(/[\s.-]/g, '')))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.phone' })
  })
  .transform((v) => ({ ...v, ...(v.to && v.channel === 'sms' ? { to: v.to.replace(/[\s.-]/g, '') } : {}) }))

export type LinkSendInput = z.output<typeof linkSendInput>

export type PaymentLinkState = 'created' | 'sent' | 'opened' | 'paid' | 'failed' | 'expired'

export interface PaymentLinkView {
  requestId: string
  state: PaymentLinkState
  /** The payment the gateway recorded, once paid: its receipt is `invoicing.payments.receipt`. */
  paymentId: string | null
  /** The customer's openings of the link at the hub (pulled by sync); null until first opened. */
  opened: { firstAt: string; lastAt: string; count: number } | null
  events: {
    kind: 'sent' | 'failed' | 'receipt_sent' | 'receipt_failed'
    channel: 'email' | 'sms'
    recipient: string
    detail: string | null
    createdAt: string
  }[]
}

const staff = ['counter', 'agent', 'supervisor', 'admin'] as const

export const paymentLinksContract = {
  'payments.linkSend': channel<PaymentLinkView>()({ input: linkSendInput, access: staff }),
  'payments.linksOfCustomer': channel<PaymentLinkView[]>()({
    input: z.object({ customerId: ulidSchema }).strict(),
    access: staff,
  }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
