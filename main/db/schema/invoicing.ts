import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { invoices } from './billing'
import { customers } from './customers'

/**
 * The lines of an issued invoice: immutable like the invoice itself. `line_net_minor` is stored
 * as computed at issue (quantity × unit price, half-up) so the PDF, the account and the e-invoice
 * read the same figure.
 */
export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    /** Thousandths of a unit (1000 = 1). */
    quantityMilli: integer('quantity_milli').notNull(),
    unitNetMinor: integer('unit_net_minor').notNull(),
    /** Basis points (2000 = 20 %). */
    vatRateBp: integer('vat_rate_bp').notNull(),
    lineNetMinor: integer('line_net_minor').notNull(),
    deskId: text('desk_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('invoice_lines_invoice_idx').on(t.invoiceId, t.position)],
)

/**
 * A desk's cash-up (clôture de caisse) for one day: the figures as counted, append-only. Its
 * existence locks the day: no payment dated that day, no cancellation of one.
 */
export const cashups = sqliteTable(
  'cashups',
  {
    id: text('id').primaryKey(),
    deskId: text('desk_id').notNull(),
    /** The business day closed, `YYYY-MM-DD` in the desk's time zone. */
    day: text('day').notNull(),
    currency: text('currency').notNull(),
    /** JSON `{ cash: { count, amountMinor }, cheque: …}` of the day's payments net of reversals. */
    byMethod: text('by_method').notNull(),
    expectedCashMinor: integer('expected_cash_minor').notNull(),
    countedCashMinor: integer('counted_cash_minor').notNull(),
    differenceMinor: integer('difference_minor').notNull(),
    note: text('note'),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('cashups_desk_day_idx').on(t.deskId, t.day)],
)

/**
 * Portal access sent to a customer (seed 002, "Inscription"): one row per sending, append-only.
 * Only a hash of the generated password is kept; the clear one exists in the email alone.
 */
export const portalAccesses = sqliteTable(
  'portal_accesses',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    login: text('login').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** `email_on_file`, or `invoice_check` when the caller proved who they are with an invoice. */
    verifiedBy: text('verified_by').notNull(),
    /** The invoice used for the check, if any. */
    invoiceId: text('invoice_id'),
    sentTo: text('sent_to').notNull(),
    messageId: text('message_id'),
    /** When the customer first logged in with it (set by the portal, reaches the desk by sync). */
    activatedAt: text('activated_at'),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('portal_accesses_customer_idx').on(t.customerId, t.createdAt)],
)

/**
 * Who issued an invoice, as printed on it and on every receipt that settles it: the harbour for
 * its own invoices, another biller for the bills the desk collects (Maroc Telecom, PORTNET). A
 * snapshot of the identity taken at issue, immutable like the invoice (a later change of the
 * harbour's settings does not rewrite what was issued). An invoice without a row was issued by the
 * harbour before this table existed: it prints the harbour's current identity.
 */
export const invoiceIssuers = sqliteTable('invoice_issuers', {
  /** The invoice's id: one issuer per invoice, written once. */
  id: text('id')
    .primaryKey()
    .references(() => invoices.id),
  name: text('name').notNull(),
  /** JSON of the identity (`HarbourIssuer`: name, address lines, SIRET/ICE, VAT number, currency…). */
  identity: text('identity').notNull(),
  deskId: text('desk_id').notNull(),
  createdAt: text('created_at').notNull(),
})
