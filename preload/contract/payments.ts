/**
 * Channels of payments through gateways: Monetico, CMI, FATOURATI and AmanPay references, transfer proofs, payment links, reconciliation.
 */
import { z } from 'zod'
import {
  type ChannelDef,
  channel,
  type FileDownload,
  fileUpload,
  optionalText,
  type Page,
  ulidSchema,
} from './common'
import { paymentLinksContract } from './paymentLinks'

export const gateways = ['monetico', 'cmi', 'fatourati', 'amanpay'] as const
export type Gateway = (typeof gateways)[number]

export const paymentRequestInput = z
  .object({
    invoiceId: ulidSchema,
    gateway: z.enum(gateways, { error: 'validation.paymentGateway' }),
    email: z.email({ error: 'validation.email' }).max(254, { error: 'validation.tooLong' }).optional(),
    /** The form's key: a double click or a retry after a lost answer returns the same request. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'validation.paymentIdempotencyKey' }),
  })
  .strict()

export interface PaymentRequestView {
  id: string
  invoiceId: string
  customerId: string
  gateway: Gateway
  reference: string
  amountMinor: number
  currency: string
  email: string | null
  state: 'pending' | 'paid' | 'failed' | 'expired'
  /** The link the customer opens (the hub's hosted-payment redirect); null while no hub is known. */
  payUrl: string | null
  expiresAt: string
  createdAt: string
  outcomes: {
    outcome: 'paid' | 'refused' | 'abandoned' | 'expired'
    amountMinor: number
    authorisation: string | null
    maskedPan: string | null
    detail: string | null
    receivedAt: string
  }[]
}

export interface CustomerCreditView {
  id: string
  customerId: string
  invoiceId: string
  amountMinor: number
  currency: string
  reason: 'overpaid' | 'already_settled'
  createdAt: string
}

const staff = ['counter', 'agent', 'supervisor', 'admin'] as const

export const refundMethods = ['transfer', 'cheque', 'cash'] as const
export type RefundMethod = (typeof refundMethods)[number]

/** A customer credit with what became of it: still owed (`open`) or refunded, and how. */
export interface CreditListItem extends CustomerCreditView {
  customerName: string
  invoiceNumber: string | null
  /** Where the money came from: the payment request's gateway and reference, and the bank's authorisation. */
  origin: { gateway: Gateway; reference: string; authorisation: string | null } | null
  /** Whole days since the credit was recorded. */
  ageDays: number
  status: 'open' | 'refunded'
  refund: {
    method: RefundMethod
    reference: string | null
    note: string | null
    staffId: string | null
    deskId: string
    refundedAt: string
  } | null
}

export const creditListInput = z
  .object({
    status: z.enum(['open', 'refunded', 'all']).optional(),
    customerId: ulidSchema.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict()

/** A supervisor's refund of a whole credit: the method, the cheque number or transfer reference, a note. */
export const creditRefundInput = z
  .object({
    creditId: ulidSchema,
    method: z.enum(refundMethods, { error: 'validation.refundMethod' }),
    reference: optionalText(35),
    note: optionalText(300),
  })
  .strict()
  .refine((v) => v.method === 'cash' || !!v.reference, { path: ['reference'], error: 'validation.required' })

/** What the payments panel of a customer's page shows: what is open, and every way it is being paid. */
export interface CustomerPaymentsOverview {
  openInvoices: {
    id: string
    invoiceNumber: string
    label: string
    currency: string
    dueMinor: number
    totalMinor: number
  }[]
  requests: PaymentRequestView[]
  credits: CustomerCreditView[]
}

/** 5 MiB: a scanned or photographed transfer order. */
export const PROOF_MAX_BYTES = 5 * 1024 * 1024

export const transferProofInput = z
  .object({
    invoiceId: ulidSchema,
    amountMinor: z
      .number({ error: 'validation.amountMinor' })
      .int({ error: 'validation.amountMinor' })
      .positive({ error: 'validation.amountPositive' }),
    transferDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.dateFormat' }),
    bankReference: optionalText(35),
    file: fileUpload(PROOF_MAX_BYTES),
  })
  .strict()

export const transferReviewInput = z
  .object({
    proofId: ulidSchema,
    decision: z.enum(['validated', 'rejected']),
    reason: optionalText(300),
  })
  .strict()
  .refine((v) => v.decision === 'validated' || !!v.reason, { path: ['reason'], error: 'validation.required' })

export interface TransferProofView {
  id: string
  invoiceId: string
  customerId: string
  amountMinor: number
  currency: string
  transferDate: string
  bankReference: string | null
  fileName: string
  mimeType: string
  sha256: string
  sizeBytes: number
  /** Whether this desk holds the file (the desk that received it). */
  fileHere: boolean
  deskId: string
  status: 'pending' | 'validated' | 'rejected'
  reason: string | null
  paymentId: string | null
  createdAt: string
  /** Whose proof it is, for the supervisor's queue and the viewer ('' if the customer is unknown here). */
  customerName: string
  customerNumber: string
  /** The invoice the proof pays, and what is still due on it now (null if unknown here). */
  invoiceNumber: string | null
  invoiceDueMinor: number | null
}

export const paymentsContract = {
  ...paymentLinksContract,
  'payments.requestCreate': channel<PaymentRequestView>()({ input: paymentRequestInput, access: staff }),
  'payments.requestsOfInvoice': channel<PaymentRequestView[]>()({
    input: z.object({ invoiceId: ulidSchema }).strict(),
    access: staff,
  }),
  /** The printable slip of a FATOURATI reference or an AmanPay code. */
  'payments.requestSlip': channel<FileDownload>()({
    input: z.object({ id: ulidSchema }).strict(),
    access: staff,
  }),
  'payments.transferSubmit': channel<TransferProofView>()({ input: transferProofInput, access: staff }),
  'payments.transferFile': channel<FileDownload>()({
    input: z.object({ id: ulidSchema }).strict(),
    access: staff,
  }),
  'payments.transferReview': channel<TransferProofView>()({
    input: transferReviewInput,
    access: ['supervisor', 'admin'],
  }),
  'payments.transferList': channel<Page<TransferProofView>>()({
    input: z
      .object({
        pending: z.boolean().optional(),
        invoiceId: ulidSchema.optional(),
        customerId: ulidSchema.optional(),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
    access: staff,
  }),
  'payments.customerOverview': channel<CustomerPaymentsOverview>()({
    input: z.object({ customerId: ulidSchema }).strict(),
    access: staff,
  }),
  'payments.credits': channel<Page<CustomerCreditView>>()({
    input: z
      .object({ cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).optional() })
      .strict(),
    access: ['supervisor', 'admin'],
  }),
  /** Customer credits to refund (and refunded), for every role: only a supervisor refunds. */
  'payments.creditList': channel<Page<CreditListItem>>()({ input: creditListInput, access: staff }),
  'payments.creditRefund': channel<CreditListItem>()({
    input: creditRefundInput,
    access: ['supervisor', 'admin'],
  }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
