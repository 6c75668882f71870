/**
 * Channels of invoicing and the counter: invoices with VAT per rate, credit notes, counter payments and receipts, the customer account and statement, cash-up, portal access.
 */
import { z } from 'zod'
import {
  type ChannelDef,
  channel,
  type FileDownload,
  optionalText,
  type Page,
  text,
  ulidSchema,
} from './common'

const counterStaff = ['counter', 'agent', 'supervisor', 'admin'] as const
const supervisors = ['supervisor', 'admin'] as const

const DATE = /^\d{4}-\d{2}-\d{2}$/
const isoDate = z
  .string({ error: 'validation.required' })
  .regex(DATE, { error: 'validation.date' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: 'validation.date' })

/**
 * A decimal as typed at the counter (`1 520,00`, `670.5`) turned into an integer of `10^scale`
 * units, never through a float. Returns a zod issue key when the text is not such a number.
 */
export function parseDecimal(raw: string, scale: number): { value: number } | { error: string } {
  const cleaned = raw.replace(/[\s\u00a0\u202f]/g, '')
  if (cleaned === '') return { error: 'validation.required' }
  const match = /^(-?)(\d{1,12})(?:[.,](\d+))?$/.exec(cleaned)
  if (!match) return { error: 'validation.amountFormat' }
  const [, sign, whole, fraction = ''] = match
  if (fraction.length > scale)
    return { error: scale === 2 ? 'validation.amountDecimals' : 'validation.tooManyDecimals' }
  const value = Number(`${whole}${fraction.padEnd(scale, '0')}`)
  if (!Number.isSafeInteger(value)) return { error: 'validation.tooBig' }
  return { value: sign ? -value : value }
}

/** Money typed by a clerk: strictly positive, at most two decimals → minor units (cents). */
export const moneyText = z.string({ error: 'validation.required' }).transform((raw, ctx) => {
  const parsed = parseDecimal(raw, 2)
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error })
    return z.NEVER
  }
  if (parsed.value <= 0) {
    ctx.addIssue({ code: 'custom', message: 'validation.amountPositive' })
    return z.NEVER
  }
  return parsed.value
})

/** Money that may be zero (a price, counted cash). */
const moneyOrZeroText = z.string({ error: 'validation.required' }).transform((raw, ctx) => {
  const parsed = parseDecimal(raw, 2)
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error })
    return z.NEVER
  }
  if (parsed.value < 0) {
    ctx.addIssue({ code: 'custom', message: 'validation.amountNotNegative' })
    return z.NEVER
  }
  return parsed.value
})

const quantityText = z.string({ error: 'validation.required' }).transform((raw, ctx) => {
  const parsed = parseDecimal(raw, 3)
  if ('error' in parsed || parsed.value <= 0 || parsed.value > 1_000_000_000) {
    ctx.addIssue({ code: 'custom', message: 'validation.quantity' })
    return z.NEVER
  }
  return parsed.value
})

/** A VAT rate in percent (`20`, `5,5`) → basis points. */
const vatRateText = z.string({ error: 'validation.required' }).transform((raw, ctx) => {
  const parsed = parseDecimal(raw, 2)
  if ('error' in parsed || parsed.value < 0 || parsed.value > 10_000) {
    ctx.addIssue({ code: 'custom', message: 'validation.vatRate' })
    return z.NEVER
  }
  return parsed.value
})

export const serviceLineInput = z
  .object({
    label: text(200),
    quantity: quantityText,
    unitPrice: moneyOrZeroText,
    vatRate: vatRateText,
  })
  .strict()

export const serviceInvoiceInput = z
  .object({
    customerId: ulidSchema,
    label: optionalText(120),
    /** Defaults to today; never earlier than the series' last invoice. */
    issueDate: isoDate.optional(),
    lines: z
      .array(serviceLineInput)
      .min(1, { error: 'validation.noLines' })
      .max(50, { error: 'validation.tooMany' }),
  })
  .strict()
export type ServiceInvoiceInput = z.input<typeof serviceInvoiceInput>

export const invoicePreviewInput = z.object({ lines: serviceInvoiceInput.shape.lines }).strict()

export interface InvoiceTotalsView {
  lineNetMinor: number[]
  breakdown: { vatRateBp: number; netMinor: number; vatMinor: number }[]
  totalNetMinor: number
  totalVatMinor: number
  totalGrossMinor: number
}

export const contractInvoiceInput = z.object({ contractId: ulidSchema }).strict()

export const creditNoteInput = z
  .object({
    invoiceId: ulidSchema,
    reason: z
      .string({ error: 'validation.required' })
      .trim()
      .min(3, { error: 'validation.reasonTooShort' })
      .max(300, { error: 'validation.tooLong' }),
  })
  .strict()

export const invoiceListInput = z
  .object({
    customerId: ulidSchema.optional(),
    /** An invoice number or its beginning (`2026-C01-0001`). */
    query: z.string().trim().max(40, { error: 'validation.tooLong' }).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export const counterMethods = ['cash', 'cheque', 'transfer', 'card_terminal'] as const
export type CounterMethod = (typeof counterMethods)[number]

const paymentBase = {
  invoiceId: ulidSchema,
  amount: moneyText,
}

/**
 * A payment taken at the counter: one invoice, one method, the facts that method needs. A cheque
 * without its number, a transfer without its reference, a card payment without the terminal's
 * authorisation number are refused at their field.
 */
export const counterPaymentInput = z.discriminatedUnion('method', [
  z
    .object({
      ...paymentBase,
      method: z.literal('cash'),
      /** What the customer handed over; the change is the difference. */
      tendered: moneyText.optional(),
    })
    .strict(),
  z
    .object({
      ...paymentBase,
      method: z.literal('cheque'),
      chequeNumber: z
        .string({ error: 'validation.chequeNumber' })
        .trim()
        .regex(/^[0-9]{7}$/, { error: 'validation.chequeNumber' }),
      bank: text(80),
      drawer: text(120),
    })
    .strict(),
  z
    .object({
      ...paymentBase,
      method: z.literal('transfer'),
      reference: text(60),
      transferDate: isoDate,
    })
    .strict(),
  z
    .object({
      ...paymentBase,
      method: z.literal('card_terminal'),
      authorisation: z
        .string({ error: 'validation.authorisation' })
        .trim()
        .regex(/^[A-Za-z0-9]{6}$/, { error: 'validation.authorisation' }),
    })
    .strict(),
])
export type CounterPaymentInput = z.input<typeof counterPaymentInput>

export const paymentCancelInput = z
  .object({
    paymentId: ulidSchema,
    reason: z
      .string({ error: 'validation.required' })
      .trim()
      .min(3, { error: 'validation.reasonTooShort' })
      .max(300, { error: 'validation.tooLong' }),
  })
  .strict()

export const accountInput = z
  .object({
    customerId: ulidSchema,
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export const statementInput = z
  .object({ customerId: ulidSchema, from: isoDate, to: isoDate })
  .strict()
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'validation.periodEndBeforeStart' })

export const cashupDayInput = z.object({ day: isoDate.optional() }).strict()
export const cashupCloseInput = z
  .object({
    day: isoDate,
    countedCash: moneyOrZeroText,
    note: optionalText(300),
  })
  .strict()
export const cashupListInput = z
  .object({ cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).default(30) })
  .strict()

export const portalSendInput = z
  .object({
    customerId: ulidSchema,
    /** When no email is on file: the caller proves who they are with an invoice of this year. */
    check: z
      .object({
        invoiceNumber: text(35),
        issueDate: isoDate,
        amount: moneyText,
        email: z
          .string({ error: 'validation.required' })
          .trim()
          .max(254, { error: 'validation.tooLong' })
          .refine((v) => z.email().safeParse(v).success, { error: 'validation.email' }),
      })
      .strict()
      .optional(),
  })
  .strict()

export const invoicingIdInput = z.object({ id: ulidSchema }).strict()
export const customerIdInput = z.object({ customerId: ulidSchema }).strict()

export type InvoiceKind = 'contract' | 'service' | 'credit_note' | 'bill'
export type InvoiceStatus = 'unpaid' | 'partly_paid' | 'paid' | 'credited' | 'credit_note'

export interface InvoiceListItem {
  id: string
  invoiceNumber: string
  customerId: string
  customerName: string
  kind: InvoiceKind
  label: string
  issueDate: string
  currency: string
  totalGrossMinor: number
  paidMinor: number
  dueMinor: number
  status: InvoiceStatus
}

export interface InvoiceLineView {
  position: number
  label: string
  quantityMilli: number
  unitNetMinor: number
  vatRateBp: number
  lineNetMinor: number
}

export interface PaymentView {
  id: string
  method: string
  amountMinor: number
  currency: string
  receivedAt: string
  reference: string | null
  details: Record<string, unknown> | null
  /** Set on a reversal row: the payment it cancels, and why. */
  reversesId: string | null
  reason: string | null
  /** Set on a payment that a later reversal cancelled. */
  cancelledBy: string | null
  deskId: string
  receiptDocumentId: string | null
}

export interface InvoiceDetail extends InvoiceListItem {
  series: string
  number: number
  totalNetMinor: number
  totalVatMinor: number
  creditedMinor: number
  creditedInvoiceId: string | null
  creditedInvoiceNumber: string | null
  creditNotes: { id: string; invoiceNumber: string; totalGrossMinor: number }[]
  contractId: string | null
  instalmentNo: number | null
  instalmentCount: number | null
  lines: InvoiceLineView[]
  vatBreakdown: { vatRateBp: number; netMinor: number; vatMinor: number }[]
  payments: PaymentView[]
  pdfDocumentId: string | null
  pdfSha256: string | null
}

export interface PaymentRecorded {
  payment: PaymentView
  /** Cash only: what to hand back. */
  changeMinor: number | null
  invoice: InvoiceDetail
}

/** The account's totals in one currency: amounts of different currencies are never added. */
export interface AccountTotals {
  currency: string
  invoicedMinor: number
  paidMinor: number
  /** invoiced − paid. */
  dueMinor: number
  invoiceCount: number
}

export interface CustomerAccount {
  customerId: string
  /** One entry per currency present on the account (sorted by code); the harbour's currency when none. */
  totals: AccountTotals[]
  items: InvoiceListItem[]
  /** Documents of the items, to link their PDF. */
  pdfs: Record<string, string>
  nextCursor: string | null
}

export interface CashupMethodTotal {
  count: number
  amountMinor: number
}

/** Movements of the day in a currency other than the cash-up's: never added to its totals. */
export interface CashupOtherCurrency {
  currency: string
  /** Net of reversals and cash refunds, in that currency's minor units. */
  totalMinor: number
  /** Operations: payments net of reversals, plus cash refunds. */
  count: number
}

export interface CashupSummary {
  deskId: string
  day: string
  /** The desk's currency: every figure of the cash-up is in it. */
  currency: string
  byMethod: Record<string, CashupMethodTotal>
  expectedCashMinor: number
  totalMinor: number
  /** Payments and cash refunds of the day in another currency, apart (sorted by code; empty when none). */
  otherCurrencies: CashupOtherCurrency[]
  /** Set once the day is closed. */
  closed: {
    id: string
    countedCashMinor: number
    differenceMinor: number
    note: string | null
    staffId: string | null
    createdAt: string
    zReportDocumentId: string | null
  } | null
}

export interface PortalAccessView {
  id: string
  login: string
  verifiedBy: 'email_on_file' | 'invoice_check'
  sentTo: string
  sentAt: string
  activatedAt: string | null
}

export interface PortalStatus {
  customerId: string
  emailOnFile: string | null
  accesses: PortalAccessView[]
}

export const invoicingContract = {
  'invoicing.invoices.list': channel<Page<InvoiceListItem>>()({
    input: invoiceListInput,
    access: counterStaff,
  }),
  'invoicing.invoices.get': channel<InvoiceDetail>()({ input: invoicingIdInput, access: counterStaff }),
  'invoicing.invoices.issueService': channel<InvoiceDetail>()({
    input: serviceInvoiceInput,
    access: counterStaff,
  }),
  /** The totals main would print for these lines: the form shows them live, computed by the same rule. */
  'invoicing.invoices.preview': channel<InvoiceTotalsView>()({
    input: invoicePreviewInput,
    access: counterStaff,
  }),
  'invoicing.invoices.issueContract': channel<InvoiceDetail>()({
    input: contractInvoiceInput,
    access: counterStaff,
  }),
  'invoicing.invoices.creditNote': channel<InvoiceDetail>()({ input: creditNoteInput, access: supervisors }),
  'invoicing.invoices.pdf': channel<FileDownload>()({ input: invoicingIdInput, access: counterStaff }),
  'invoicing.payments.record': channel<PaymentRecorded>()({
    input: counterPaymentInput,
    access: counterStaff,
  }),
  'invoicing.payments.cancel': channel<InvoiceDetail>()({ input: paymentCancelInput, access: supervisors }),
  'invoicing.payments.receipt': channel<FileDownload>()({ input: invoicingIdInput, access: counterStaff }),
  'invoicing.account': channel<CustomerAccount>()({ input: accountInput, access: counterStaff }),
  'invoicing.statement': channel<FileDownload>()({ input: statementInput, access: counterStaff }),
  'invoicing.cashup.day': channel<CashupSummary>()({ input: cashupDayInput, access: counterStaff }),
  'invoicing.cashup.close': channel<CashupSummary>()({ input: cashupCloseInput, access: counterStaff }),
  'invoicing.cashup.list': channel<Page<CashupSummary>>()({ input: cashupListInput, access: counterStaff }),
  'invoicing.cashup.zReport': channel<FileDownload>()({ input: invoicingIdInput, access: counterStaff }),
  'invoicing.portal.status': channel<PortalStatus>()({ input: customerIdInput, access: counterStaff }),
  'invoicing.portal.send': channel<PortalStatus>()({ input: portalSendInput, access: counterStaff }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
