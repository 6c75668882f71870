/**
 * Tables of the fleet desk (what a business fleet manager asks the operator for): group packs and
 * their usage, tickets and their status history, blank SIM orders, fleet-manager users and the
 * invitations sent to them. Descriptive records merge per field (lww); usage records, status
 * changes and invitations are facts, appended once.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { customers } from './customers'
import { syncColumns } from './sync'

/** A pack shared by the lines of a business account (a pool of data, minutes or SMS). */
export const fleetGroupPacks = sqliteTable(
  'fleet_group_packs',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Code of the pack type (packCatalogue.ts); allowance and price are copied at order/modify time. */
    packCode: text('pack_code').notNull(),
    unit: text('unit', { enum: ['MB', 'MIN', 'SMS'] }).notNull(),
    allowance: integer('allowance').notNull(),
    monthlyPriceMinor: integer('monthly_price_minor').notNull(),
    /** Price of one unit beyond the allowance (out of bundle). */
    overUnitPriceMinor: integer('over_unit_price_minor').notNull(),
    currency: text('currency').notNull(),
    startDate: text('start_date').notNull(),
    notifyEnabled: integer('notify_enabled', { mode: 'boolean' }).notNull(),
    notifyThresholdMinor: integer('notify_threshold_minor').notNull(),
    ...syncColumns(),
  },
  (t) => [index('fleet_group_packs_customer_idx').on(t.customerId, t.createdAt, t.id)],
)

/**
 * Usage of a pack by one line on one day, as the operator reports it (one record per line, day and
 * unit in a daily report). A correction is another record (negative quantity), never an update.
 */
export const fleetPackUsage = sqliteTable(
  'fleet_pack_usage',
  {
    id: text('id').primaryKey(),
    packId: text('pack_id')
      .notNull()
      .references(() => fleetGroupPacks.id),
    customerId: text('customer_id').notNull(),
    lineId: text('line_id').notNull(),
    phoneNumber: text('phone_number').notNull(),
    usageDate: text('usage_date').notNull(),
    unit: text('unit', { enum: ['MB', 'MIN', 'SMS'] }).notNull(),
    quantity: integer('quantity').notNull(),
    /** Where the figure comes from (`operator_report`, `demo`). */
    source: text('source').notNull(),
    deskId: text('desk_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('fleet_pack_usage_pack_date_idx').on(t.packId, t.usageDate),
    index('fleet_pack_usage_pack_line_idx').on(t.packId, t.lineId, t.usageDate),
  ],
)

/** A ticket the account's manager asked the operator for (seed: "Créer un ticket technique"). */
export const fleetTickets = sqliteTable(
  'fleet_tickets',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Printed reference from the desk's own series (`TK-C01-000012`). */
    ticketNumber: text('ticket_number').notNull().unique(),
    subject: text('subject').notNull(),
    detail: text('detail').notNull(),
    lineId: text('line_id'),
    phoneNumber: text('phone_number'),
    actionDate: text('action_date'),
    message: text('message').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactMobile: text('contact_mobile').notNull(),
    status: text('status', {
      enum: ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'],
    }).notNull(),
    attachmentCount: integer('attachment_count').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('fleet_tickets_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('fleet_tickets_customer_status_idx').on(t.customerId, t.status, t.createdAt, t.id),
  ],
)

/** Every status a ticket went through, with who and when (append-only). */
export const fleetTicketEvents = sqliteTable(
  'fleet_ticket_events',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => fleetTickets.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    staffId: text('staff_id'),
    staffName: text('staff_name'),
    deskId: text('desk_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('fleet_ticket_events_ticket_idx').on(t.ticketId, t.createdAt, t.id)],
)

/** Blank SIM cards ordered for an account, delivered in two business days. */
export const fleetBlankSimOrders = sqliteTable(
  'fleet_blank_sim_orders',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    orderNumber: text('order_number').notNull().unique(),
    quantity: integer('quantity').notNull(),
    country: text('country').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    street: text('street').notNull(),
    houseNumber: text('house_number').notNull(),
    suffix: text('suffix'),
    box: text('box'),
    message: text('message'),
    contactEmail: text('contact_email'),
    contactMobile: text('contact_mobile'),
    orderedOn: text('ordered_on').notNull(),
    expectedDelivery: text('expected_delivery').notNull(),
    status: text('status', { enum: ['ordered', 'shipped', 'delivered', 'cancelled'] }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('fleet_blank_sim_orders_customer_idx').on(t.customerId, t.createdAt, t.id)],
)

/** A person of the business account who may use the fleet portal (seed: "Gérer les profils"). */
export const fleetUsers = sqliteTable(
  'fleet_users',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    description: text('description').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ['MANAGER', 'MEMBER'] }).notNull(),
    status: text('status', { enum: ['VALIDATED', 'INVITED'] }).notNull(),
    /** JSON array of the phone numbers (of the account's lines) this user manages. */
    phoneNumbers: text('phone_numbers').notNull(),
    lastInvitedAt: text('last_invited_at'),
    validatedAt: text('validated_at'),
    ...syncColumns(),
  },
  (t) => [index('fleet_users_customer_idx').on(t.customerId, t.description, t.id)],
)

/** Each invitation sent to a fleet user (append-only): the first one and every resend. */
export const fleetUserInvitations = sqliteTable(
  'fleet_user_invitations',
  {
    id: text('id').primaryKey(),
    fleetUserId: text('fleet_user_id')
      .notNull()
      .references(() => fleetUsers.id),
    email: text('email').notNull(),
    /** `recorded` (no mail transport on this desk) or `mailed` (handed to the mail port). */
    delivery: text('delivery').notNull(),
    staffId: text('staff_id'),
    deskId: text('desk_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('fleet_user_invitations_user_idx').on(t.fleetUserId, t.createdAt)],
)
