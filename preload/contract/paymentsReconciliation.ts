/**
 * Channels of reconciliation: payments totalled by day, method, gateway and desk, and the import
 * of a gateway's settlement file (CSV) compared with what Guichet recorded. See docs/payments.md.
 */
import { z } from 'zod'
import { type ChannelDef, channel, fileUpload } from './common'
import type { Gateway } from './payments'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.dateFormat' })

export const reconciliationSummaryInput = z
  .object({ from: day, to: day })
  .strict()
  .refine((v) => v.from <= v.to, { path: ['to'], error: 'validation.dateRange' })
  // One summary call stays bounded: at most a quarter of days.
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 92 * 86400000, {
    path: ['to'],
    error: 'validation.dateRangeTooLong',
  })

/** Net total (reversals included, negative) of one day, method, gateway and desk, in one currency. */
export interface ReconciliationGroup {
  day: string
  method: string
  /** null for counter methods (cash, cheque, transfer…). */
  gateway: Gateway | null
  deskId: string
  currency: string
  count: number
  reversals: number
  netMinor: number
}

export interface ReconciliationSummary {
  groups: ReconciliationGroup[]
  /** Net per currency over the whole period. */
  totals: { currency: string; netMinor: number }[]
  /** True when the period held more groups than one answer carries (narrow the dates). */
  truncated: boolean
}

/** 2 MiB: a month of a busy gateway's settlement lines. */
export const SETTLEMENT_MAX_BYTES = 2 * 1024 * 1024

export const settlementImportInput = z.object({ file: fileUpload(SETTLEMENT_MAX_BYTES) }).strict()

export interface SettlementRow {
  /** Line in the file (1 is the header). */
  line: number
  date: string
  gateway: Gateway
  reference: string
  authorisation: string | null
  /** Negative for a refund. */
  amountMinor: number
  currency: string
  feeMinor: number
}

export interface SettlementRowError {
  line: number
  column: string
  code:
    | 'missingColumn'
    | 'empty'
    | 'encoding'
    | 'date'
    | 'gateway'
    | 'reference'
    | 'authorisation'
    | 'amount'
    | 'currency'
    | 'fee'
    | 'duplicate'
  value: string
}

export interface ReconciliationDifference {
  kind: 'missingInGuichet' | 'missingInFile' | 'amountDiffers' | 'currencyDiffers' | 'dateDiffers'
  gateway: Gateway
  reference: string
  fileAmountMinor: number | null
  fileCurrency: string | null
  fileDate: string | null
  guichetAmountMinor: number | null
  guichetCurrency: string | null
  guichetDate: string | null
  paymentIds: string[]
}

export interface ReconciliationTotal {
  day: string
  gateway: Gateway
  currency: string
  fileMinor: number
  guichetMinor: number
  differenceMinor: number
}

export interface SettlementImportView {
  id: string
  sha256: string
  fileName: string
  rowCount: number
  dateFrom: string
  dateTo: string
  staffId: string | null
  deskId: string
  createdAt: string
}

export type SettlementImportResult =
  | { status: 'invalid'; errors: SettlementRowError[] }
  | {
      status: 'imported' | 'alreadyImported'
      import: SettlementImportView
      matched: number
      feesMinor: { currency: string; feeMinor: number }[]
      differences: ReconciliationDifference[]
      totals: ReconciliationTotal[]
    }

const supervisors = ['supervisor', 'admin'] as const

export const paymentsReconciliationContract = {
  'payments.reconciliationSummary': channel<ReconciliationSummary>()({
    input: reconciliationSummaryInput,
    access: supervisors,
  }),
  /** Checks and compares a settlement file; stored only when valid, recognised by its SHA-256. */
  'payments.settlementImport': channel<SettlementImportResult>()({
    input: settlementImportInput,
    access: supervisors,
  }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
