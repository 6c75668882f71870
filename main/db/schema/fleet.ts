/** Tables of the fleet area (drizzle-orm; migrations by `npm run db:generate`). */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { customers } from './customers'
import { syncColumns } from './sync'

/**
 * The catalogue of tariff plans (monthly price in minor units). Data, editable by an administrator;
 * `code` is what lines refer to, so that renaming a plan does not touch 50 000 lines.
 */
export const fleetPlans = sqliteTable(
  'fleet_plans',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['voice', 'data'] }).notNull(),
    monthlyPriceMinor: integer('monthly_price_minor').notNull(),
    currency: text('currency').notNull(),
    vatRate: text('vat_rate').notNull(),
    sortOrder: integer('sort_order').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('fleet_plans_sort_idx').on(t.sortOrder, t.code)],
)

export const fleetOptions = sqliteTable(
  'fleet_options',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    sortOrder: integer('sort_order').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('fleet_options_sort_idx').on(t.sortOrder, t.code)],
)

/**
 * One cell of the contract matrix: the option applies to the plan at this monthly price. No row
 * (or `available` false) means "n/a" (Sans objet): the option cannot be put on a line of that plan.
 */
export const fleetPlanOptions = sqliteTable(
  'fleet_plan_options',
  {
    id: text('id').primaryKey(),
    planCode: text('plan_code').notNull(),
    optionCode: text('option_code').notNull(),
    available: integer('available', { mode: 'boolean' }).notNull(),
    monthlyPriceMinor: integer('monthly_price_minor').notNull(),
    ...syncColumns(),
  },
  (t) => [uniqueIndex('fleet_plan_options_cell_idx').on(t.planCode, t.optionCode)],
)

/** Where a line's invoice goes: a business account has one or more, each with a number and address. */
export const fleetBillingAccounts = sqliteTable(
  'fleet_billing_accounts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    ...syncColumns(),
  },
  (t) => [index('fleet_billing_accounts_customer_idx').on(t.customerId, t.number)],
)

/**
 * A split-bill profile: the employer pays the plan (and options up to a monthly ceiling), the
 * employee the rest; a line follows one profile or none.
 */
export const fleetSplitBillProfiles = sqliteTable(
  'fleet_split_bill_profiles',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    employerPays: text('employer_pays', { enum: ['plan', 'plan_and_options', 'ceiling'] }).notNull(),
    ceilingMinor: integer('ceiling_minor'),
    ...syncColumns(),
  },
  (t) => [index('fleet_split_bill_profiles_customer_idx').on(t.customerId, t.name)],
)

/**
 * A line (SIM) of a business account. `status` only changes when the operator confirms a
 * provisioning request (see provisioning/provisioningPort.ts). `searchKey` is derived (lower-case
 * number, description and user names) and local. List queries are keyset on (customer, sort, id).
 */
export const fleetLines = sqliteTable(
  'fleet_lines',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    phoneNumber: text('phone_number').notNull(),
    numberSource: text('number_source', { enum: ['new', 'porting'] }).notNull(),
    description: text('description').notNull(),
    iccid: text('iccid').notNull(),
    puk: text('puk').notNull(),
    status: text('status', { enum: ['PENDING', 'ACTIVE', 'SUSPENDED', 'STOPPED'] }).notNull(),
    tariffPlanCode: text('tariff_plan_code').notNull(),
    /** JSON array of option codes. */
    options: text('options').notNull(),
    billingAccountId: text('billing_account_id').notNull(),
    splitBillProfileId: text('split_bill_profile_id'),
    userTitle: text('user_title', { enum: ['mr', 'mrs', 'none'] }).notNull(),
    userFirstName: text('user_first_name').notNull(),
    userLastName: text('user_last_name').notNull(),
    userBirthDate: text('user_birth_date'),
    userEmail: text('user_email'),
    userPhone: text('user_phone'),
    userLanguage: text('user_language', { enum: ['fr', 'nl', 'en', 'de'] }).notNull(),
    /** Once the user confirmed their data, only they can change it (seed: read-only for the manager). */
    userConfirmed: integer('user_confirmed', { mode: 'boolean' }).notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country'),
    /** JSON array of barring codes (lineRules.ts). */
    barrings: text('barrings').notNull(),
    payByMobileLimitMinor: integer('pay_by_mobile_limit_minor').notNull(),
    activationDate: text('activation_date'),
    activatedAt: text('activated_at'),
    stoppedAt: text('stopped_at'),
    searchKey: text('search_key').notNull(),
    ...syncColumns(),
  },
  (t) => [
    uniqueIndex('fleet_lines_phone_idx').on(t.phoneNumber),
    index('fleet_lines_customer_phone_idx').on(t.customerId, t.phoneNumber, t.id),
    index('fleet_lines_customer_description_idx').on(t.customerId, t.description, t.id),
    index('fleet_lines_customer_status_idx').on(t.customerId, t.status, t.phoneNumber, t.id),
    index('fleet_lines_customer_plan_idx').on(t.customerId, t.tariffPlanCode, t.phoneNumber, t.id),
    index('fleet_lines_iccid_idx').on(t.iccid),
    // Sorting a whole account by status or plan (keyset on (column, id)) without a temporary b-tree.
    index('fleet_lines_customer_status_id_idx').on(t.customerId, t.status, t.id),
    index('fleet_lines_customer_plan_id_idx').on(t.customerId, t.tariffPlanCode, t.id),
  ],
)

/**
 * Every ICCID ever given to a line (creation or swap), append-only: an ICCID seen once can never
 * be used again, even after its line was stopped or swapped.
 */
export const fleetIccids = sqliteTable('fleet_iccids', {
  id: text('id').primaryKey(),
  lineId: text('line_id').notNull(),
  usedAt: text('used_at').notNull(),
})

/** The operator's free numbers a new line may take; `lineId` set once taken. */
export const fleetNumberPool = sqliteTable(
  'fleet_number_pool',
  {
    id: text('id').primaryKey(),
    phoneNumber: text('phone_number').notNull().unique(),
    lineId: text('line_id'),
    ...syncColumns(),
  },
  (t) => [index('fleet_number_pool_free_idx').on(t.lineId, t.phoneNumber)],
)
