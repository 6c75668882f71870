/** Tables of the payments area (drizzle-orm; migrations by `npm run db:generate`). See docs/payments.md. */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { invoices } from './billing'
import { syncColumns } from './sync'

/**
 * A request to be paid through a gateway (card on Monetico or CMI, a FATOURATI reference, an
 * AmanPay code) for an invoice's balance. Made on a desk, append-only and synced: the hub serves
 * the hosted payment page for it and matches the bank's notification to it by `reference`.
 */
export const paymentRequests = sqliteTable(
  'payment_requests',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    customerId: text('customer_id').notNull(),
    gateway: text('gateway', { enum: ['monetico', 'cmi', 'fatourati', 'amanpay'] }).notNull(),
    /** What the gateway knows the order by (Monetico `reference`, CMI `oid`, the FATOURATI reference). */
    reference: text('reference').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** Where the bank sends the payment ticket. */
    email: text('email'),
    /** The caller's key: the same key returns the same request instead of a second one. */
    idempotencyKey: text('idempotency_key').notNull(),
    expiresAt: text('expires_at').notNull(),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payment_requests_reference_idx').on(t.reference),
    uniqueIndex('payment_requests_idem_idx').on(t.idempotencyKey),
    index('payment_requests_invoice_idx').on(t.invoiceId),
  ],
)

/**
 * What the hub learnt about a request: paid (with the payment it recorded, and the credit for any
 * excess), refused by the bank, abandoned by the customer, or expired. Only the hub creates them.
 */
export const paymentOutcomes = sqliteTable(
  'payment_outcomes',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull(),
    outcome: text('outcome', { enum: ['paid', 'refused', 'abandoned', 'expired'] }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    authorisation: text('authorisation'),
    maskedPan: text('masked_pan'),
    /** The bank's reason for a refusal. */
    detail: text('detail'),
    /** 1 when the bank flagged a test payment (`payetest`). */
    test: integer('test').notNull(),
    paymentId: text('payment_id'),
    creditId: text('credit_id'),
    receivedAt: text('received_at').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payment_outcomes_request_idx').on(t.requestId)],
)

/**
 * The customer's openings of a request's payment link (`GET /pay/:id` at the hub): one row per
 * request, its id the request's, created at the first opening; the latest opening and the count
 * follow. Only the hub writes them (merged per field by clock, like conflict records).
 */
export const paymentLinkOpens = sqliteTable('payment_link_opens', {
  id: text('id').primaryKey(),
  firstOpenedAt: text('first_opened_at').notNull(),
  lastOpenedAt: text('last_opened_at').notNull(),
  openCount: integer('open_count').notNull(),
  ...syncColumns(),
})

/**
 * Money received beyond an invoice's balance (or for an invoice already settled): owed back to
 * the customer, shown to supervisors. Only the hub creates them; refunds are separate records.
 */
export const customerCredits = sqliteTable(
  'customer_credits',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    invoiceId: text('invoice_id').notNull(),
    requestId: text('request_id'),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason', { enum: ['overpaid', 'already_settled'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('customer_credits_customer_idx').on(t.customerId)],
)

/**
 * The refund of a customer credit, made by a supervisor (transfer, cheque or cash): append-only and
 * synced like all money. Its id IS the credit's id — one refund per credit on a desk (primary key)
 * and at the hub, which refuses a second append of an id it holds, so two desks refunding the same
 * credit offline cannot both count (the second sees the refusal in its sync issues). No foreign key
 * to `customer_credits`: credits are the hub's records, which a desk drops and pulls again when the
 * hub's feed goes back (SyncEngine.pull).
 */
export const customerCreditRefunds = sqliteTable(
  'customer_credit_refunds',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    /** Always the credit's amount and currency: a credit is refunded whole. */
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    method: text('method', { enum: ['transfer', 'cheque', 'cash'] }).notNull(),
    /** The cheque number or the transfer's reference (none for cash). */
    reference: text('reference'),
    note: text('note'),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('customer_credit_refunds_customer_idx').on(t.customerId)],
)

/**
 * A customer's proof of a bank transfer (PDF, JPEG or PNG, checked by content), kept with its
 * SHA-256 in the desk's document store. Only a supervisor's validation settles the invoice.
 */
export const transferProofs = sqliteTable(
  'transfer_proofs',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    customerId: text('customer_id').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    transferDate: text('transfer_date').notNull(),
    bankReference: text('bank_reference'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** The stored file on the desk that received it (documents are not synced). */
    documentId: text('document_id').notNull(),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('transfer_proofs_invoice_idx').on(t.invoiceId),
    index('transfer_proofs_created_idx').on(t.createdAt),
  ],
)

/** A supervisor's decision on a proof: validated (with the payment it recorded) or rejected with a reason. */
export const transferReviews = sqliteTable(
  'transfer_reviews',
  {
    id: text('id').primaryKey(),
    proofId: text('proof_id')
      .notNull()
      .references(() => transferProofs.id),
    decision: text('decision', { enum: ['validated', 'rejected'] }).notNull(),
    reason: text('reason'),
    paymentId: text('payment_id'),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('transfer_reviews_proof_idx').on(t.proofId)],
)

/**
 * What happened to a payment link after it was made: sent by email or SMS (or the sending failed),
 * and the receipt emailed once the payment settled. Append-only, kept on the desk that sent it.
 */
export const paymentLinkEvents = sqliteTable(
  'payment_link_events',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull(),
    kind: text('kind', { enum: ['sent', 'failed', 'receipt_sent', 'receipt_failed'] }).notNull(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    /** The mail server's Message-ID or the SMS gateway's message id. */
    providerId: text('provider_id'),
    detail: text('detail'),
    paymentId: text('payment_id'),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('payment_link_events_request_idx').on(t.requestId),
    // A payment's receipt is mailed once, whatever how many syncs or processes look at it.
    uniqueIndex('payment_link_events_receipt_once_idx').on(t.paymentId).where(sql`kind = 'receipt_sent'`),
  ],
)
