import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './sync'

/**
 * Customers of both workspaces. `sort_name` and `alt_name` are normalised (lower case, no
 * accents) "last first" and "first last" names, indexed for prefix search and keyset pagination.
 */
export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    customerNumber: text('customer_number').notNull().unique(),
    kind: text('kind', { enum: ['person', 'company'] }).notNull(),
    title: text('title', { enum: ['mr', 'mrs', 'none'] }),
    firstName: text('first_name'),
    lastName: text('last_name'),
    companyName: text('company_name'),
    displayName: text('display_name').notNull(),
    sortName: text('sort_name').notNull(),
    altName: text('alt_name').notNull(),
    email: text('email'),
    emailKey: text('email_key'),
    phones: text('phones').notNull(),
    language: text('language', { enum: ['fr', 'en', 'ar', 'nl'] }).notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    billingAddress: text('billing_address'),
    identifiers: text('identifiers').notNull(),
    notes: text('notes'),
    ...syncColumns(),
  },
  (t) => [
    index('customers_sort_name_idx').on(t.sortName, t.id),
    // Covering for the first-name branch of a name search sorted by name (see customerQueries.ts).
    index('customers_alt_name_idx').on(t.altName, t.sortName, t.id),
    index('customers_email_key_idx').on(t.emailKey),
    index('customers_created_idx').on(t.createdAt, t.id),
  ],
)

/**
 * The last 8 digits of each phone number of a customer: numbers are typed in national or
 * international form, and these digits are the same in both for FR, MA and BE numbers.
 * Derived from `customers.phones` in the same transaction; not synced.
 */
export const customerPhoneKeys = sqliteTable(
  'customer_phone_keys',
  {
    tail: text('tail').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.tail, t.customerId] }),
    index('customer_phone_keys_customer_idx').on(t.customerId),
  ],
)
