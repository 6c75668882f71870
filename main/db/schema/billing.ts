import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { customers } from './customers'

/**
 * Issued invoices: immutable once written (corrections are credit notes, new records). Each desk
 * numbers its own series (`2026-C01`) without gaps: `number` is the position in the series and
 * `invoice_number` its printed form (`2026-C01-000123`).
 */
export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    series: text('series').notNull(),
    number: integer('number').notNull(),
    invoiceNumber: text('invoice_number').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind', { enum: ['contract', 'service', 'credit_note', 'bill'] }).notNull(),
    label: text('label').notNull(),
    issueDate: text('issue_date').notNull(),
    currency: text('currency').notNull(),
    totalNetMinor: integer('total_net_minor').notNull(),
    totalVatMinor: integer('total_vat_minor').notNull(),
    totalGrossMinor: integer('total_gross_minor').notNull(),
    /** The invoice a credit note corrects. */
    creditedInvoiceId: text('credited_invoice_id'),
    deskId: text('desk_id').notNull(),
    createdAt: text('created_at').notNull(),
    /** The harbour contract a contract invoice bills, and which instalment of how many. */
    contractId: text('contract_id'),
    instalmentNo: integer('instalment_no'),
    instalmentCount: integer('instalment_count'),
    /** Why a credit note corrects its invoice (printed on it). */
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('invoices_series_number_idx').on(t.series, t.number),
    index('invoices_contract_idx').on(t.contractId),
    index('invoices_credited_idx').on(t.creditedInvoiceId),
    index('invoices_customer_idx').on(t.customerId, t.issueDate),
  ],
)

/** A number of a series allocated and never used: recorded so that every gap is explained. */
export const seriesVoids = sqliteTable(
  'series_voids',
  {
    id: text('id').primaryKey(),
    series: text('series').notNull(),
    number: integer('number').notNull(),
    reason: text('reason').notNull(),
    deskId: text('desk_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('series_voids_series_number_idx').on(t.series, t.number)],
)

/**
 * Money received: append-only. A cancellation is a new row with a negative amount that
 * `reverses_id` the original; balances are always derived by summing.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    customerId: text('customer_id').notNull(),
    method: text('method').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    receivedAt: text('received_at').notNull(),
    reference: text('reference'),
    reversesId: text('reverses_id'),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
    /**
     * What the method needs besides the reference, as JSON: cash tendered and change, the cheque's
     * bank and drawer, the transfer's date. Free-form so that gateway methods add theirs.
     */
    details: text('details'),
    /** Why a reversal cancels its payment (a reversal row only). */
    reason: text('reason'),
  },
  (t) => [
    index('payments_invoice_idx').on(t.invoiceId),
    index('payments_customer_idx').on(t.customerId),
    index('payments_desk_received_idx').on(t.deskId, t.receivedAt),
  ],
)
