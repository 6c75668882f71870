/**
 * Channels of the harbour workspace: boats, berths and the berth plan, tariffs, contracts and their signature.
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

const counterStaff = ['counter', 'supervisor', 'admin'] as const
const anyStaff = ['counter', 'agent', 'supervisor', 'admin'] as const
const managers = ['supervisor', 'admin'] as const

export const boatTypes = ['sail', 'motor', 'catamaran', 'other'] as const
export type BoatType = (typeof boatTypes)[number]
export const berthStatuses = ['in_service', 'reserved', 'out_of_service'] as const
export type BerthStatus = (typeof berthStatuses)[number]
export const harbourContractTypes = ['annual', 'seasonal', 'passage'] as const
export type HarbourContractType = (typeof harbourContractTypes)[number]
export const tariffSeasons = ['year', 'high', 'low'] as const
export type TariffSeason = (typeof tariffSeasons)[number]
export const harbourPaymentMethods = ['card_online', 'sepa', 'cheque', 'transfer'] as const
export type HarbourPaymentMethod = (typeof harbourPaymentMethods)[number]
/** What a berth shows on the plan for a date. */
export const occupancies = ['free', 'contract', 'visitor', 'reserved', 'out_of_service'] as const
export type Occupancy = (typeof occupancies)[number]

/** `YYYY-MM-DD`, a real calendar day. */
export const isoDate = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .refine(
    (v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
      const d = new Date(`${v}T00:00:00Z`)
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
    },
    { error: 'validation.date' },
  )

/** Whole centimetres within the bounds a marina sees (a 1 m dinghy to a 100 m yacht). */
function centimetres(min: number, max: number) {
  return z
    .number({ error: 'validation.required' })
    .int({ error: 'validation.wholeCentimetres' })
    .min(min, { error: 'validation.tooSmall' })
    .max(max, { error: 'validation.tooBig' })
}

const minorAmount = z
  .number({ error: 'validation.required' })
  .int({ error: 'validation.amountMinor' })
  .positive({ error: 'validation.amountPositive' })
  .max(100_000_000_00, { error: 'validation.tooBig' })

const vatRateBp = z
  .number({ error: 'validation.required' })
  .int({ error: 'validation.invalid' })
  .min(0, { error: 'validation.tooSmall' })
  .max(10_000, { error: 'validation.tooBig' })

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'validation.currency' })

const versionField = z.string().max(80).optional()

// ---------- boats ----------

export const boatFields = z
  .object({
    customerId: ulidSchema,
    name: text(100),
    registration: text(40),
    boatType: z.enum(boatTypes),
    lengthCm: centimetres(100, 10_000),
    beamCm: centimetres(50, 3_000),
    draughtCm: centimetres(10, 1_500),
    /** Empty = unknown. */
    insuranceExpiry: z.union([z.literal(''), isoDate]).optional(),
  })
  .strict()
export type BoatInput = z.input<typeof boatFields>

export const boatUpdateInput = z
  .object({ id: ulidSchema, expectedVersion: versionField, boat: boatFields })
  .strict()
export const boatListInput = z
  .object({ customerId: ulidSchema, limit: z.number().int().min(1).max(100).default(50) })
  .strict()

export interface Boat {
  id: string
  customerId: string
  name: string
  registration: string
  boatType: BoatType
  lengthCm: number
  beamCm: number
  draughtCm: number
  insuranceExpiry: string | null
  /** The insurance expiry is before today (the desk's date). */
  insuranceExpired: boolean
  version: string
  createdAt: string
  updatedAt: string
}

// ---------- pontoons, berths, plan ----------

export const pontoonInput = z.object({ code: text(10), name: text(100) }).strict()

export const berthFields = z
  .object({
    pontoonId: ulidSchema,
    code: text(12),
    position: z.number().int().min(0).max(10_000).optional(),
    maxLengthCm: centimetres(100, 10_000),
    maxBeamCm: centimetres(50, 3_000),
    status: z.enum(berthStatuses).default('in_service'),
  })
  .strict()
export const berthUpdateInput = z
  .object({
    id: ulidSchema,
    expectedVersion: versionField,
    maxLengthCm: centimetres(100, 10_000).optional(),
    maxBeamCm: centimetres(50, 3_000).optional(),
    status: z.enum(berthStatuses).optional(),
  })
  .strict()

export interface Pontoon {
  id: string
  code: string
  name: string
  berthCount: number
}

export interface Berth {
  id: string
  pontoonId: string
  pontoonCode: string
  code: string
  position: number
  maxLengthCm: number
  maxBeamCm: number
  status: BerthStatus
  version: string
}

export const berthPlanInput = z
  .object({
    date: isoDate,
    /** Keyset cursor over pontoons (their code, id). */
    cursor: z.string().max(200).optional(),
    /** Pontoons per page (about a screenful); each pontoon brings all its berths. */
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict()

export interface PlanBerth {
  id: string
  code: string
  maxLengthCm: number
  maxBeamCm: number
  status: BerthStatus
  occupancy: Occupancy
  /** The contract holding the berth that night, if any. */
  contractId: string | null
  boatName: string | null
}

export interface PlanPontoon {
  id: string
  code: string
  name: string
  berths: PlanBerth[]
}

export interface BerthPlan {
  date: string
  pontoons: PlanPontoon[]
  counts: Record<Occupancy, number>
  nextCursor: string | null
}

export const berthOccupantInput = z.object({ berthId: ulidSchema, date: isoDate }).strict()

export interface BerthOccupant {
  berth: Berth
  date: string
  occupancy: Occupancy
  contract: HarbourContractSummary | null
  /** Contracts of this berth after the date (next arrivals), at most 5. */
  upcoming: HarbourContractSummary[]
}

export const berthCandidatesInput = z
  .object({
    boatId: ulidSchema,
    startDate: isoDate,
    endDate: isoDate,
    /** Only berths whose code starts with this. */
    query: z.string().trim().max(20).optional(),
    limit: z.number().int().min(1).max(100).default(30),
  })
  .strict()

// ---------- tariffs ----------

export const tariffCreateInput = z
  .object({
    contractType: z.enum(harbourContractTypes),
    season: z.enum(tariffSeasons),
    lengthFromCm: centimetres(0, 10_000),
    lengthToCm: centimetres(1, 10_001),
    netMinor: minorAmount,
    currency,
    vatRateBp,
    validFrom: isoDate,
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.lengthToCm <= t.lengthFromCm)
      ctx.addIssue({ code: 'custom', path: ['lengthToCm'], message: 'validation.lengthClassOrder' })
    if (t.contractType === 'annual' && t.season !== 'year')
      ctx.addIssue({ code: 'custom', path: ['season'], message: 'validation.annualSeason' })
    if (t.contractType !== 'annual' && t.season === 'year')
      ctx.addIssue({ code: 'custom', path: ['season'], message: 'validation.seasonRequired' })
  })
export type TariffCreateInput = z.input<typeof tariffCreateInput>

export const tariffReviseInput = z
  .object({ id: ulidSchema, netMinor: minorAmount, vatRateBp, validFrom: isoDate })
  .strict()
export const tariffListInput = z.object({ date: isoDate }).strict()
export const tariffHistoryInput = z.object({ id: ulidSchema }).strict()

export interface Tariff {
  id: string
  contractType: HarbourContractType
  season: TariffSeason
  lengthFromCm: number
  lengthToCm: number
  netMinor: number
  currency: string
  vatRateBp: number
  validFrom: string
  previousId: string | null
  createdAt: string
  /** A later version exists (effective from `supersededFrom`). */
  supersededFrom: string | null
}

// ---------- contracts ----------

const contractFields = z
  .object({
    customerId: ulidSchema,
    boatId: ulidSchema,
    berthId: ulidSchema,
    contractType: z.enum(harbourContractTypes),
    startDate: isoDate,
    endDate: isoDate,
    homePort: text(100),
    paymentMethod: z.enum(harbourPaymentMethods),
    instalments: z
      .number()
      .int()
      .min(1, { error: 'validation.tooSmall' })
      .max(12, { error: 'validation.tooBig' })
      .default(1),
    notes: optionalText(2000),
    /** A signed contract this one amends: it ends the original the day before its start. */
    amendsId: ulidSchema.optional(),
  })
  .strict()

function refinePeriod(c: { startDate: string; endDate: string }, ctx: z.RefinementCtx) {
  if (c.endDate < c.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.endBeforeStart' })
}

export const harbourContractInput = contractFields.superRefine(refinePeriod)
export type HarbourContractInput = z.input<typeof harbourContractInput>
export type HarbourContractData = z.output<typeof harbourContractInput>

export const harbourContractUpdateInput = z
  .object({ id: ulidSchema, expectedVersion: versionField, contract: harbourContractInput })
  .strict()

export const harbourQuoteInput = z
  .object({
    boatId: ulidSchema,
    contractType: z.enum(harbourContractTypes),
    startDate: isoDate,
    endDate: isoDate,
  })
  .strict()
  .superRefine(refinePeriod)

export const harbourContractListInput = z
  .object({
    customerId: ulidSchema.optional(),
    status: z.enum(['draft', 'signed', 'cancelled']).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(30),
  })
  .strict()

export const harbourContractTerminateInput = z
  .object({ id: ulidSchema, effectiveDate: isoDate, reason: text(500) })
  .strict()

export const harbourSignStepInput = z
  .object({ id: ulidSchema, step: z.union([z.literal(1), z.literal(2), z.literal(3)]) })
  .strict()
export const harbourIdInput = z.object({ id: ulidSchema }).strict()

export interface HarbourPricingLine {
  label: string
  quantity: number
  unitNetMinor: number
  vatRateBp: number
  tariffId: string
}

export interface HarbourQuote {
  currency: string
  lines: HarbourPricingLine[]
  totalNetMinor: number
  totalVatMinor: number
  totalGrossMinor: number
}

export interface HarbourContractSummary {
  id: string
  contractNumber: string
  kind: 'contract' | 'amendment' | 'termination'
  customerId: string
  customerName: string
  boatId: string
  boatName: string
  berthId: string | null
  berthCode: string | null
  contractType: HarbourContractType
  startDate: string
  endDate: string
  /** The end once amendments and terminations are applied. */
  effectiveEndDate: string
  status: 'draft' | 'signed' | 'cancelled'
  totalGrossMinor: number
  currency: string
  createdAt: string
}

export interface SignatureStepRecord {
  step: 1 | 2 | 3
  at: string
  staffId: string | null
  staffName: string | null
  deskId: string
}

export interface HarbourContract extends HarbourContractSummary {
  referencesId: string | null
  homePort: string
  paymentMethod: HarbourPaymentMethod
  instalments: number
  pricing: HarbourPricingLine[]
  totalNetMinor: number
  totalVatMinor: number
  boat: {
    name: string
    registration: string
    boatType: BoatType
    lengthCm: number
    beamCm: number
    draughtCm: number
  }
  notes: string | null
  signatureSteps: SignatureStepRecord[]
  signedAt: string | null
  signedSha256: string | null
  /** Records that amend or terminate this one. */
  followers: HarbourContractSummary[]
  version: string
}

// ---------- issuer ----------

export const harbourIssuerInput = z
  .object({
    name: text(200),
    addressLines: z
      .array(text(200))
      .min(1, { error: 'validation.required' })
      .max(4, { error: 'validation.tooMany' }),
    siret: optionalText(20),
    ice: optionalText(20),
    vatNumber: optionalText(20),
    phone: optionalText(30),
    email: optionalText(254),
    currency,
    defaultVatRateBp: vatRateBp,
    /** IANA zone in which documents print their times ("Contrat signé le … à …"). */
    timeZone: text(64).default('Europe/Paris'),
  })
  .strict()
export type HarbourIssuerInput = z.input<typeof harbourIssuerInput>

export interface HarbourIssuerView {
  name: string
  addressLines: string[]
  siret?: string
  ice?: string
  vatNumber?: string
  phone?: string
  email?: string
  currency: string
  defaultVatRateBp: number
  timeZone: string
}

export const harbourContract = {
  'harbour.issuer.get': channel<HarbourIssuerView>()({ input: emptyInput, access: anyStaff }),
  'harbour.issuer.update': channel<HarbourIssuerView>()({ input: harbourIssuerInput, access: ['admin'] }),

  'harbour.boats.list': channel<Boat[]>()({ input: boatListInput, access: anyStaff }),
  'harbour.boats.get': channel<Boat>()({ input: harbourIdInput, access: anyStaff }),
  'harbour.boats.create': channel<Boat>()({ input: boatFields, access: counterStaff }),
  'harbour.boats.update': channel<Boat>()({ input: boatUpdateInput, access: counterStaff }),

  'harbour.pontoons.list': channel<Pontoon[]>()({ input: emptyInput, access: anyStaff }),
  'harbour.pontoons.create': channel<Pontoon>()({ input: pontoonInput, access: managers }),
  'harbour.berths.create': channel<Berth>()({ input: berthFields, access: managers }),
  'harbour.berths.update': channel<Berth>()({ input: berthUpdateInput, access: managers }),
  'harbour.berths.plan': channel<BerthPlan>()({ input: berthPlanInput, access: anyStaff }),
  'harbour.berths.occupant': channel<BerthOccupant>()({ input: berthOccupantInput, access: anyStaff }),
  'harbour.berths.candidates': channel<Berth[]>()({ input: berthCandidatesInput, access: anyStaff }),

  'harbour.tariffs.list': channel<Tariff[]>()({ input: tariffListInput, access: anyStaff }),
  'harbour.tariffs.history': channel<Tariff[]>()({ input: tariffHistoryInput, access: anyStaff }),
  'harbour.tariffs.create': channel<Tariff>()({ input: tariffCreateInput, access: managers }),
  'harbour.tariffs.revise': channel<Tariff>()({ input: tariffReviseInput, access: managers }),

  'harbour.contracts.quote': channel<HarbourQuote>()({ input: harbourQuoteInput, access: anyStaff }),
  'harbour.contracts.create': channel<HarbourContract>()({
    input: harbourContractInput,
    access: counterStaff,
  }),
  'harbour.contracts.update': channel<HarbourContract>()({
    input: harbourContractUpdateInput,
    access: counterStaff,
  }),
  'harbour.contracts.cancel': channel<HarbourContract>()({ input: harbourIdInput, access: counterStaff }),
  'harbour.contracts.terminate': channel<HarbourContract>()({
    input: harbourContractTerminateInput,
    access: counterStaff,
  }),
  'harbour.contracts.get': channel<HarbourContract>()({ input: harbourIdInput, access: anyStaff }),
  'harbour.contracts.list': channel<Page<HarbourContractSummary>>()({
    input: harbourContractListInput,
    access: anyStaff,
  }),
  'harbour.contracts.pdf': channel<FileDownload>()({ input: harbourIdInput, access: anyStaff }),
  'harbour.contracts.signStep': channel<HarbourContract>()({
    input: harbourSignStepInput,
    access: counterStaff,
  }),
  'harbour.contracts.signedPdf': channel<FileDownload>()({ input: harbourIdInput, access: anyStaff }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
