/** Tables of the harbour area (drizzle-orm; migrations by `npm run db:generate`). */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { customers } from './customers'
import { syncColumns } from './sync'

/** A customer's boat. Dimensions are whole centimetres: a berth's fit is compared exactly. */
export const harbourBoats = sqliteTable(
  'harbour_boats',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    registration: text('registration').notNull(),
    boatType: text('boat_type', { enum: ['sail', 'motor', 'catamaran', 'other'] }).notNull(),
    lengthCm: integer('length_cm').notNull(),
    beamCm: integer('beam_cm').notNull(),
    draughtCm: integer('draught_cm').notNull(),
    /** `YYYY-MM-DD`; past = the screens warn. */
    insuranceExpiry: text('insurance_expiry'),
    ...syncColumns(),
  },
  (t) => [index('harbour_boats_customer_idx').on(t.customerId, t.name, t.id)],
)

export const harbourPontoons = sqliteTable(
  'harbour_pontoons',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...syncColumns(),
  },
  (t) => [index('harbour_pontoons_code_idx').on(t.code, t.id)],
)

/**
 * A berth of a pontoon. `status` is the berth's own state (out of service for works, reserved for
 * the harbour's own use); whether a boat is there on a date comes from contracts.
 */
export const harbourBerths = sqliteTable(
  'harbour_berths',
  {
    id: text('id').primaryKey(),
    pontoonId: text('pontoon_id')
      .notNull()
      .references(() => harbourPontoons.id),
    code: text('code').notNull(),
    /** Order on the pontoon (the plan draws berths in this order). */
    position: integer('position').notNull(),
    maxLengthCm: integer('max_length_cm').notNull(),
    maxBeamCm: integer('max_beam_cm').notNull(),
    status: text('status', { enum: ['in_service', 'reserved', 'out_of_service'] }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('harbour_berths_pontoon_idx').on(t.pontoonId, t.position, t.id)],
)

/**
 * One version of one price: (contract type, season, length class) → net price from `valid_from`.
 * Append-only: editing a price appends a new version; contracts keep the version they used, so
 * a price that an issued contract or invoice used is never changed retroactively.
 */
export const harbourTariffs = sqliteTable(
  'harbour_tariffs',
  {
    id: text('id').primaryKey(),
    contractType: text('contract_type', { enum: ['annual', 'seasonal', 'passage'] }).notNull(),
    season: text('season', { enum: ['year', 'high', 'low'] }).notNull(),
    /** Length class: from (inclusive) … to (exclusive), centimetres. */
    lengthFromCm: integer('length_from_cm').notNull(),
    lengthToCm: integer('length_to_cm').notNull(),
    /** Per contract (annual, seasonal) or per night (passage), excluding VAT. */
    netMinor: integer('net_minor').notNull(),
    currency: text('currency').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull(),
    validFrom: text('valid_from').notNull(),
    /** The version this one follows (null for a new price line). */
    previousId: text('previous_id'),
    deskId: text('desk_id').notNull(),
    staffId: text('staff_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('harbour_tariffs_lookup_idx').on(t.contractType, t.season, t.lengthFromCm, t.validFrom)],
)

/**
 * A berth contract. A draft can be changed or cancelled; once signed it is never modified again:
 * an amendment or a termination is a new record whose `references_id` names it and whose start
 * date ends it (see contractState.ts). The price is frozen: `pricing` (JSON lines) and the tariff
 * versions it used.
 */
export const harbourContracts = sqliteTable(
  'harbour_contracts',
  {
    id: text('id').primaryKey(),
    contractNumber: text('contract_number').notNull(),
    kind: text('kind', { enum: ['contract', 'amendment', 'termination'] }).notNull(),
    referencesId: text('references_id'),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    boatId: text('boat_id').notNull(),
    /** Null only for a termination, which occupies no berth. */
    berthId: text('berth_id'),
    contractType: text('contract_type', { enum: ['annual', 'seasonal', 'passage'] }).notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    homePort: text('home_port').notNull(),
    paymentMethod: text('payment_method', { enum: ['card_online', 'sepa', 'cheque', 'transfer'] }).notNull(),
    instalments: integer('instalments').notNull(),
    currency: text('currency').notNull(),
    /** JSON: [{ label, quantity, unitNetMinor, vatRateBp, tariffId }]. */
    pricing: text('pricing').notNull(),
    totalNetMinor: integer('total_net_minor').notNull(),
    totalVatMinor: integer('total_vat_minor').notNull(),
    totalGrossMinor: integer('total_gross_minor').notNull(),
    /** The boat as it was when the contract was made (JSON: name, registration, dimensions). */
    boatSnapshot: text('boat_snapshot').notNull(),
    status: text('status', { enum: ['draft', 'signed', 'cancelled'] }).notNull(),
    signedAt: text('signed_at'),
    signedSha256: text('signed_sha256'),
    notes: text('notes'),
    deskId: text('desk_id').notNull(),
    ...syncColumns(),
  },
  (t) => [
    uniqueIndex('harbour_contracts_number_idx').on(t.contractNumber),
    index('harbour_contracts_berth_idx').on(t.berthId, t.startDate, t.endDate),
    index('harbour_contracts_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('harbour_contracts_created_idx').on(t.createdAt, t.id),
    index('harbour_contracts_references_idx').on(t.referencesId),
  ],
)

/** A signature step (1 downloaded, 2 read, 3 accepted): append-only, each with who, where, when. */
export const harbourSignatureSteps = sqliteTable(
  'harbour_signature_steps',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => harbourContracts.id),
    step: integer('step').notNull(),
    at: text('at').notNull(),
    staffId: text('staff_id'),
    deskId: text('desk_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  // Not unique: two offline desks may both record a step; both records are kept, the first counts.
  (t) => [index('harbour_signature_steps_contract_idx').on(t.contractId, t.step)],
)

/** The harbour's identity printed on its documents (key → JSON value); desk-local, set by an admin. */
export const harbourSettings = sqliteTable('harbour_settings', {
  id: text('id').primaryKey(),
  value: text('value').notNull(),
})
