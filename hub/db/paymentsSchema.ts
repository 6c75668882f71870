/**
 * The hub's own payment tables (re-exported by schema.ts). Payment requests, outcomes, payments
 * and credits themselves are synced records in `entities`; these keep what only the hub sees.
 */
import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

/**
 * Every bank notification received with a valid signature, by the digest of its fields: the same
 * notification delivered again is recognised and settles nothing more.
 */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    gateway: text('gateway').notNull(),
    reference: text('reference').notNull(),
    digest: text('digest').notNull(),
    /** `settled`, `recorded` (a refusal), `duplicate` (already paid) or `rejected` (see security_events). */
    verdict: text('verdict').notNull(),
    requestId: text('request_id'),
    fields: jsonb('fields').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_notifications_digest_idx').on(t.gateway, t.digest),
    index('payment_notifications_reference_idx').on(t.gateway, t.reference),
  ],
)

/** Refused notifications (forged signature, unknown reference, wrong amount or currency). */
export const securityEvents = pgTable('security_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  gateway: text('gateway').notNull(),
  reference: text('reference'),
  remoteAddress: text('remote_address'),
  detail: jsonb('detail').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
})
