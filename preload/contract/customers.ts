import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js'
import { z } from 'zod'
import { type CustomerLanguage, languages, optionalText, text, ulidSchema } from './common'
import { isIce, isSiren, isSiret, isVatNumber } from './identifiers'

export const customerKinds = ['person', 'company'] as const
export type CustomerKind = (typeof customerKinds)[number]
export const titles = ['mr', 'mrs', 'none'] as const
export const phoneTypes = ['mobile', 'landline', 'work'] as const

const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'validation.country' })

export const addressSchema = z
  .object({
    street: text(200),
    postalCode: text(20),
    city: text(100),
    country,
  })
  .strict()
export type Address = z.infer<typeof addressSchema>

export const phoneSchema = z
  .object({
    type: z.enum(phoneTypes),
    number: z
      .string()
      .trim()
      .min(1, { error: 'validation.required' })
      .max(30, { error: 'validation.tooLong' }),
  })
  .strict()

/** A phone number as typed, read in the customer's country when it has no international prefix. */
export function normalizePhone(raw: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, defaultCountry as CountryCode)
  return parsed?.isValid() ? parsed.number : null
}

function identifier(check: (v: string) => boolean, key: string) {
  return z
    .string()
    .trim()
    .max(30, { error: 'validation.tooLong' })
    .refine((v) => v === '' || check(v), { error: key })
    .optional()
}

export const identifiersSchema = z
  .object({
    siren: identifier(isSiren, 'validation.siren'),
    siret: identifier(isSiret, 'validation.siret'),
    ice: identifier(isIce, 'validation.ice'),
    vatNumber: identifier(isVatNumber, 'validation.vatNumber'),
  })
  .strict()
export type CustomerIdentifiers = z.infer<typeof identifiersSchema>

const customerFields = z
  .object({
    kind: z.enum(customerKinds),
    title: z.enum(titles).optional(),
    firstName: optionalText(100),
    lastName: optionalText(100),
    companyName: optionalText(200),
    email: z
      .string()
      .trim()
      .max(254, { error: 'validation.tooLong' })
      .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'validation.email' })
      .optional(),
    phones: z.array(phoneSchema).max(4, { error: 'validation.tooMany' }).default([]),
    language: z.enum(languages).default('fr'),
    address: addressSchema,
    billingAddress: addressSchema.nullable().optional(),
    identifiers: identifiersSchema.default({}),
    notes: optionalText(2000),
  })
  .strict()

/** The rules that span several fields: a person needs a last name, a company a name; phones must be real. */
function refineCustomer(c: z.infer<typeof customerFields>, ctx: z.RefinementCtx) {
  if (c.kind === 'person' && !c.lastName) {
    ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'validation.required' })
  }
  if (c.kind === 'company' && !c.companyName) {
    ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'validation.required' })
  }
  c.phones.forEach((p, i) => {
    if (!normalizePhone(p.number, c.address.country)) {
      ctx.addIssue({ code: 'custom', path: ['phones', i, 'number'], message: 'validation.phone' })
    }
  })
}

export const customerInput = customerFields.superRefine(refineCustomer)
export type CustomerInput = z.input<typeof customerInput>
export type CustomerData = z.output<typeof customerInput>

export const customerUpdateInput = z
  .object({
    id: ulidSchema,
    /** The version the clerk was editing; a later change by someone else answers CONFLICT. */
    expectedVersion: z.string().max(80).optional(),
    customer: customerInput,
  })
  .strict()

export const customerSorts = ['name', 'customerNumber', 'createdAt'] as const
export type CustomerSort = (typeof customerSorts)[number]

export const customerListInput = z
  .object({
    query: z.string().trim().max(100, { error: 'validation.tooLong' }).optional(),
    kind: z.enum(customerKinds).optional(),
    sort: z.enum(customerSorts).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export const customerSearchInput = z
  .object({
    query: z
      .string()
      .trim()
      .min(1, { error: 'validation.required' })
      .max(100, { error: 'validation.tooLong' }),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict()

export const customerDuplicatesInput = z
  .object({
    email: z.string().trim().max(254).optional(),
    phones: z.array(z.string().trim().max(30)).max(4).default([]),
    country: country.default('FR'),
    excludeId: ulidSchema.optional(),
  })
  .strict()

export const idInput = z.object({ id: ulidSchema }).strict()

export interface Phone {
  type: (typeof phoneTypes)[number]
  /** E.164, e.g. +33612345678. */
  number: string
}

export interface Customer {
  id: string
  customerNumber: string
  kind: CustomerKind
  title: (typeof titles)[number] | null
  firstName: string | null
  lastName: string | null
  companyName: string | null
  displayName: string
  email: string | null
  phones: Phone[]
  language: CustomerLanguage
  address: Address
  billingAddress: Address | null
  identifiers: CustomerIdentifiers
  notes: string | null
  version: string
  createdAt: string
  updatedAt: string
}

export interface CustomerListItem {
  id: string
  customerNumber: string
  kind: CustomerKind
  displayName: string
  email: string | null
  phone: string | null
  city: string
  country: string
  createdAt: string
}

/** Another customer sharing an email or a phone number with the one being entered. */
export interface DuplicateHint {
  id: string
  customerNumber: string
  displayName: string
  matchedOn: 'email' | 'phone'
  value: string
}

export interface CustomerSaved {
  customer: Customer
  duplicates: DuplicateHint[]
}

/**
 * The fields of a customer that sync between desks and the hub (derived search keys excepted):
 * the hub accepts exactly these, and the conflicts screen names them.
 */
export const customerSyncedFields = [
  'customerNumber',
  'kind',
  'title',
  'firstName',
  'lastName',
  'companyName',
  'displayName',
  'email',
  'phones',
  'language',
  'street',
  'postalCode',
  'city',
  'country',
  'billingAddress',
  'identifiers',
  'notes',
  'createdAt',
  'updatedAt',
] as const
