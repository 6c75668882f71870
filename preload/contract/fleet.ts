/**
 * Channels of telecom business fleets: catalogue, billing accounts, split-bill profiles, SIM lines, the Add-SIM wizard, line lifecycle, bulk changes, barrings, provisioning, CSV import, Excel export.
 */
import { z } from 'zod'
import {
  type ChannelDef,
  channel,
  emptyInput,
  type FileDownload,
  optionalText,
  type Page,
  text,
  ulidSchema,
} from './common'

const anyStaff = ['counter', 'agent', 'supervisor', 'admin'] as const
const agents = ['agent', 'supervisor', 'admin'] as const
/** Who may see a line's ICCID and PUK (a counter clerk may not). */
export const simSecretRoles = agents

// ---- Pure rules shared by the screens and main (no I/O) ----

/** Belgian SIM cards: ITU-T E.118 issuer prefix 89 (telecom) + 32 (Belgium) + issuer 03. */
export const BELGIAN_ICCID_PREFIX = '893203'

/** The Luhn check digit of `payload` (the digits before the check digit). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0
  // Doubling starts from the rightmost payload digit (the one next to the check digit).
  for (let i = 0; i < payload.length; i++) {
    let d = payload.charCodeAt(payload.length - 1 - i) - 48
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

export type IccidProblem = 'iccidDigits' | 'iccidLength' | 'iccidPrefix' | 'iccidCheckDigit'

export function normalizeIccid(raw: string): string {
  return raw.replace(/\s+/g, '')
}

/**
 * Why an ICCID is not acceptable, or null: digits only, 19 or 20 digits, the Belgian prefix, and
 * a valid Luhn check digit as its last digit.
 */
export function iccidProblem(raw: string): IccidProblem | null {
  const iccid = normalizeIccid(raw)
  if (!/^\d+$/.test(iccid)) return 'iccidDigits'
  if (iccid.length < 19 || iccid.length > 20) return 'iccidLength'
  if (!iccid.startsWith(BELGIAN_ICCID_PREFIX)) return 'iccidPrefix'
  if (luhnCheckDigit(iccid.slice(0, -1)) !== Number(iccid.at(-1))) return 'iccidCheckDigit'
  return null
}

/** The seed's barrings, in its order. */
export const barringCodes = [
  'allServices',
  'incomingCalls',
  'outgoingCalls',
  'incomingSms',
  'outgoingSms',
  'mms',
  'mobileData',
  'callsBelgiumToAbroad',
  'abroadAll',
  'abroadIncomingCalls',
  'abroadOutgoingCalls',
] as const
export type BarringCode = (typeof barringCodes)[number]

export const lineStatusValues = ['PENDING', 'ACTIVE', 'SUSPENDED', 'STOPPED'] as const
export type FleetLineStatus = (typeof lineStatusValues)[number]
export const fleetUserLanguages = ['fr', 'nl', 'en', 'de'] as const
export const fleetTitles = ['mr', 'mrs', 'none'] as const

// ---- Schemas ----

const code = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(40, { error: 'validation.tooLong' })
  .regex(/^[A-Z0-9_]+$/, { error: 'validation.fleetCode' })

const minor = z
  .number({ error: 'validation.required' })
  .int({ error: 'validation.invalidFormat' })
  .min(0, { error: 'validation.fleetAmount' })
  .max(100_000_00, { error: 'validation.fleetAmount' })

export const iccidSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .transform(normalizeIccid)
  .superRefine((v, ctx) => {
    const problem = iccidProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.${problem}` })
  })

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.fleetDate' })

export const fleetAddressSchema = z
  .object({
    street: text(200),
    postalCode: text(20),
    city: text(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'validation.country' }),
  })
  .strict()

export const fleetUserSchema = z
  .object({
    description: text(120),
    title: z.enum(fleetTitles),
    firstName: text(80),
    lastName: text(80),
    birthDate: isoDate.optional().or(z.literal('')),
    email: z.email({ error: 'validation.email' }).optional().or(z.literal('')),
    phone: optionalText(30),
    language: z.enum(fleetUserLanguages),
  })
  .strict()
export type FleetUserInput = z.infer<typeof fleetUserSchema>

export const lineSorts = ['phoneNumber', 'description', 'status', 'tariffPlanCode'] as const
export type LineSort = (typeof lineSorts)[number]

export const lineFilterSchema = z
  .object({
    customerId: ulidSchema,
    query: z.string().trim().max(80).optional(),
    status: z.enum(lineStatusValues).optional(),
    planCode: z.string().max(40).optional(),
    billingAccountId: z.string().max(40).optional(),
  })
  .strict()
export type LineFilter = z.infer<typeof lineFilterSchema>

export const lineListInput = lineFilterSchema
  .extend({
    sort: z.enum(lineSorts).default('phoneNumber'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    cursor: z.string().max(400).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()

/** A selection of lines: these ids, or every line matching the filter (minus some). */
export const lineSelectionSchema = z.union([
  z.object({ ids: z.array(ulidSchema).min(1).max(50_000) }).strict(),
  z.object({ filter: lineFilterSchema, excludeIds: z.array(ulidSchema).max(50_000).default([]) }).strict(),
])
export type LineSelection = z.infer<typeof lineSelectionSchema>

export const bulkChangeSchema = z.union([
  z.object({ kind: z.literal('plan'), planCode: code }).strict(),
  z
    .object({ kind: z.literal('options'), add: z.array(code).max(30), remove: z.array(code).max(30) })
    .strict()
    .refine((c) => c.add.length + c.remove.length > 0, {
      error: 'validation.fleetNoOptionChange',
      path: ['add'],
    }),
])
export type BulkChange = z.infer<typeof bulkChangeSchema>

export const lineCreateInput = z
  .object({
    customerId: ulidSchema,
    iccid: iccidSchema,
    splitBillProfileId: ulidSchema.nullable(),
    user: fleetUserSchema,
    planCode: code,
    options: z.array(code).max(30),
    billingAccountId: ulidSchema,
    number: z.union([
      z.object({ source: z.literal('new'), phoneNumber: text(20) }).strict(),
      z
        .object({
          source: z.literal('porting'),
          phoneNumber: z
            .string({ error: 'validation.required' })
            .trim()
            .regex(/^(\+32|0)4\d{8}$/, { error: 'validation.fleetMobileNumber' }),
        })
        .strict(),
    ]),
  })
  .strict()
export type LineCreateInput = z.infer<typeof lineCreateInput>

export const lineColumns = [
  'phoneNumber',
  'description',
  'tariffPlanCode',
  'status',
  'billingAccount',
  'options',
  'user',
] as const
export type LineColumn = (typeof lineColumns)[number]
/** The languages the Excel export writes its column titles in (the screen sends its own). */
export const exportLanguages = ['fr', 'en'] as const
export type ExportLanguage = (typeof exportLanguages)[number]

const lineId = z.object({ id: ulidSchema }).strict()

export const fleetContract = {
  'fleet.accounts.list': channel<Page<BusinessAccountItem>>()({
    input: z
      .object({
        query: z.string().trim().max(80).optional(),
        cursor: z.string().max(400).optional(),
        limit: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
    access: anyStaff,
  }),
  'fleet.accounts.get': channel<BusinessAccountItem>()({
    input: z.object({ customerId: ulidSchema }).strict(),
    access: anyStaff,
  }),
  'fleet.catalog.get': channel<FleetCatalog>()({ input: emptyInput, access: anyStaff }),
  'fleet.catalog.savePlan': channel<FleetCatalog>()({
    input: z
      .object({
        code,
        name: text(80),
        kind: z.enum(['voice', 'data']),
        monthlyPriceMinor: minor,
        active: z.boolean(),
      })
      .strict(),
    access: ['admin'],
  }),
  'fleet.catalog.saveOption': channel<FleetCatalog>()({
    input: z.object({ code, name: text(80), active: z.boolean() }).strict(),
    access: ['admin'],
  }),
  'fleet.catalog.setCell': channel<FleetCatalog>()({
    input: z
      .object({ planCode: code, optionCode: code, available: z.boolean(), monthlyPriceMinor: minor })
      .strict(),
    access: ['admin'],
  }),
  'fleet.billingAccounts.list': channel<BillingAccountView[]>()({
    input: z.object({ customerId: ulidSchema }).strict(),
    access: anyStaff,
  }),
  'fleet.billingAccounts.create': channel<BillingAccountView>()({
    input: z.object({ customerId: ulidSchema, name: text(120), address: fleetAddressSchema }).strict(),
    access: agents,
  }),
  'fleet.splitBill.list': channel<SplitBillProfileView[]>()({
    input: z.object({ customerId: ulidSchema }).strict(),
    access: anyStaff,
  }),
  'fleet.splitBill.create': channel<SplitBillProfileView>()({
    input: z
      .object({
        customerId: ulidSchema,
        name: text(120),
        employerPays: z.enum(['plan', 'plan_and_options', 'ceiling']),
        ceilingMinor: minor.nullable(),
      })
      .strict(),
    access: agents,
  }),
  'fleet.lines.list': channel<LinePage>()({ input: lineListInput, access: anyStaff }),
  'fleet.lines.get': channel<LineDetail>()({ input: lineId, access: anyStaff }),
  'fleet.lines.checkIccid': channel<{ problem: string | null }>()({
    input: z.object({ iccid: z.string().max(40) }).strict(),
    access: agents,
  }),
  'fleet.numbers.free': channel<string[]>()({
    input: z.object({ limit: z.number().int().min(1).max(50).default(10) }).strict(),
    access: agents,
  }),
  'fleet.lines.create': channel<LineDetail>()({ input: lineCreateInput, access: agents }),
  'fleet.lines.activate': channel<LineDetail>()({
    input: z.object({ id: ulidSchema, date: isoDate }).strict(),
    access: agents,
  }),
  'fleet.lines.swap': channel<LineDetail>()({
    input: z.object({ id: ulidSchema, iccid: iccidSchema }).strict(),
    access: agents,
  }),
  'fleet.lines.suspend': channel<LineDetail>()({ input: lineId, access: agents }),
  'fleet.lines.reactivate': channel<LineDetail>()({ input: lineId, access: agents }),
  'fleet.lines.stop': channel<LineDetail>()({ input: lineId, access: agents }),
  'fleet.lines.updateUser': channel<LineDetail>()({
    input: z
      .object({
        id: ulidSchema,
        user: fleetUserSchema,
        address: fleetAddressSchema.nullable(),
        expectedVersion: z.string().max(80),
      })
      .strict(),
    access: agents,
  }),
  'fleet.lines.setBarrings': channel<LineDetail>()({
    input: z
      .object({ id: ulidSchema, barrings: z.array(z.enum(barringCodes)).max(barringCodes.length) })
      .strict(),
    access: agents,
  }),
  'fleet.lines.setPayByMobile': channel<LineDetail>()({
    input: z
      .object({ id: ulidSchema, limitMinor: minor.max(500_00, { error: 'validation.fleetPayByMobile' }) })
      .strict(),
    access: agents,
  }),
  'fleet.lines.ids': channel<{ ids: string[] }>()({
    input: z.object({ selection: lineSelectionSchema }).strict(),
    access: anyStaff,
  }),
  'fleet.bulk.preview': channel<BulkPreview>()({
    input: z
      .object({
        customerId: ulidSchema,
        selection: lineSelectionSchema,
        change: bulkChangeSchema,
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    access: agents,
  }),
  'fleet.bulk.apply': channel<BulkApplied>()({
    input: z
      .object({
        customerId: ulidSchema,
        ids: z.array(ulidSchema).min(1).max(10_000),
        change: bulkChangeSchema,
      })
      .strict(),
    access: agents,
  }),
  'fleet.lines.export': channel<FileDownload>()({
    input: z
      .object({
        filter: lineFilterSchema,
        sort: z.enum(lineSorts).default('phoneNumber'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        columns: z.array(z.enum(lineColumns)).min(1),
        language: z.enum(exportLanguages).default('fr'),
      })
      .strict(),
    access: anyStaff,
  }),
  'fleet.summary': channel<FleetSummary>()({
    input: z.object({ customerId: ulidSchema }).strict(),
    access: anyStaff,
  }),
  'fleet.import.preview': channel<ImportPreview>()({
    input: z.object({ customerId: ulidSchema, csv: z.string().max(5_000_000) }).strict(),
    access: agents,
  }),
  'fleet.import.apply': channel<{ created: number }>()({
    input: z.object({ customerId: ulidSchema, csv: z.string().max(5_000_000) }).strict(),
    access: agents,
  }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>

// ---- Views ----

export interface BusinessAccountItem {
  customerId: string
  customerNumber: string
  name: string
  city: string
  lines: number
  activeLines: number
  billingAccounts: number
}

/** A business account at a glance (the fleet block of the customer's page). */
export interface FleetSummary {
  customerId: string
  /** Lines per status; every status is present, 0 when none. */
  lines: Record<FleetLineStatus, number>
  billingAccounts: number
  /** Requests to the operator not answered yet (`queued` or `sent`) for the account's lines. */
  pendingRequests: number
}

export interface FleetPlanView {
  code: string
  name: string
  kind: 'voice' | 'data'
  monthlyPriceMinor: number
  currency: string
  vatRate: string
  active: boolean
}

export interface FleetOptionView {
  code: string
  name: string
  currency: string
  active: boolean
}

export interface FleetCatalog {
  plans: FleetPlanView[]
  options: FleetOptionView[]
  /** Cells where the option applies (price); the others are "n/a". */
  cells: { planCode: string; optionCode: string; available: boolean; monthlyPriceMinor: number }[]
}

export interface BillingAccountView {
  id: string
  customerId: string
  number: string
  name: string
  address: z.infer<typeof fleetAddressSchema>
}

export interface SplitBillProfileView {
  id: string
  customerId: string
  name: string
  employerPays: 'plan' | 'plan_and_options' | 'ceiling'
  ceilingMinor: number | null
}

export interface LineListItem {
  id: string
  phoneNumber: string
  description: string
  status: FleetLineStatus
  tariffPlanCode: string
  billingAccountId: string
  billingAccountNumber: string
  options: string[]
  userName: string
}

export interface LinePage extends Page<LineListItem> {
  /** How many lines match the filter (for "select all matching"). */
  total: number
}

export interface LineDetail extends LineListItem {
  customerId: string
  numberSource: 'new' | 'porting'
  /** Null for a role that may not see them. */
  iccid: string | null
  puk: string | null
  splitBillProfileId: string | null
  user: {
    description: string
    title: 'mr' | 'mrs' | 'none'
    firstName: string
    lastName: string
    birthDate: string | null
    email: string | null
    phone: string | null
    language: 'fr' | 'nl' | 'en' | 'de'
  }
  userConfirmed: boolean
  address: z.infer<typeof fleetAddressSchema> | null
  barrings: BarringCode[]
  payByMobileLimitMinor: number
  activationDate: string | null
  activatedAt: string | null
  stoppedAt: string | null
  version: string
  createdAt: string
  updatedAt: string
}

export interface BulkPreviewRow {
  id: string
  phoneNumber: string
  previousPlan: string
  newPlan: string
  previousOptions: string[]
  newOptions: string[]
  /** Options dropped by a plan change or refused because they do not apply to the plan. */
  flagged: string[]
  /** Why the line cannot take the change (stopped line), as a `validation.*` key; null if it can. */
  refusal: string | null
}

export interface BulkPreview {
  total: number
  flagged: number
  refused: number
  rows: BulkPreviewRow[]
}

export interface BulkApplied {
  queued: number
  skipped: number
}

export interface ImportRowIssue {
  column: string
  key: string
  params?: Record<string, string | number>
}

export interface ImportPreviewRow {
  row: number
  phoneNumber: string
  description: string
  planCode: string
  issues: ImportRowIssue[]
}

export interface ImportPreview {
  rows: ImportPreviewRow[]
  valid: number
  invalid: number
  /** Problems with the file as a whole (missing columns). */
  fileIssues: ImportRowIssue[]
}
