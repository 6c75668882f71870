/**
 * Channels of the fleet manager desk: group packs and consumption, tickets, blank SIM orders, fleet-manager users.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { z } from 'zod'
import {
  type ChannelDef,
  channel,
  emptyInput,
  type FileDownload,
  fileUpload,
  optionalText,
  type Page,
  text,
  ulidSchema,
} from './common'

const telecomStaff = ['agent', 'supervisor', 'admin'] as const
const supervisors = ['supervisor', 'admin'] as const

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.dateFormat' })
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.monthFormat' })
const email = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(254, { error: 'validation.tooLong' })
  .refine((v) => z.email().safeParse(v).success, { error: 'validation.email' })

/** A mobile number, read as Belgian when it has no international prefix (the accounts are Belgian). */
export function normalizeBelgianMobile(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, 'BE')
  return parsed?.isValid() ? parsed.number : null
}
const mobile = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(30, { error: 'validation.tooLong' })
  .refine((v) => normalizeBelgianMobile(v) !== null, { error: 'validation.phone' })

const cursor = z.string().max(500).optional()
const customerIdInput = z.object({ customerId: ulidSchema }).strict()

// ─── Group packs ────────────────────────────────────────────────────────────────────────────────

export const packUnits = ['MB', 'MIN', 'SMS'] as const
export type PackUnit = (typeof packUnits)[number]

/** A pack type of the catalogue: a monthly pool shared by the account's lines. */
export interface PackType {
  code: string
  unit: PackUnit
  /** Monthly allowance in the unit (MB, minutes, SMS). */
  allowance: number
  monthlyPriceMinor: number
  /** Price of each unit beyond the allowance. */
  overUnitPriceMinor: number
  currency: 'EUR'
}

export interface GroupPack {
  id: string
  customerId: string
  packCode: string
  unit: PackUnit
  allowance: number
  monthlyPriceMinor: number
  overUnitPriceMinor: number
  currency: string
  startDate: string
  notifyEnabled: boolean
  notifyThresholdMinor: number
  version: string
  createdAt: string
  updatedAt: string
  /** The current month (in Belgium) so far. */
  currentMonth: { month: string; used: number; overAmountMinor: number; thresholdCrossedOn: string | null }
}

export interface PackConsumption {
  packId: string
  month: string
  /** Today in Belgium: days after it have no usage yet (the chart stops there). */
  asOf: string
  unit: PackUnit
  allowance: number
  used: number
  /** Units beyond the allowance, and what they cost. */
  over: number
  overAmountMinor: number
  currency: string
  notifyEnabled: boolean
  notifyThresholdMinor: number
  /** The first day the out-of-bundle amount reached the threshold (null: not reached). */
  thresholdCrossedOn: string | null
  /** True when notifications are on and the threshold was reached: the manager is to be told. */
  alert: boolean
  /** Every day of the month: that day's use and the running total. */
  daily: { date: string; quantity: number; cumulative: number }[]
  /** The lines that used the most, largest first (at most `lineLimit`). */
  lines: { lineId: string; phoneNumber: string; quantity: number }[]
  /** How many lines used the pack this month (all of them, not only those listed). */
  lineCount: number
}

const thresholdMinor = z
  .number({ error: 'validation.amountMinor' })
  .int({ error: 'validation.amountMinor' })
  .min(100, { error: 'validation.thresholdTooSmall' })
  .max(10_000_000, { error: 'validation.thresholdTooBig' })

export const packOrderInput = z
  .object({
    customerId: ulidSchema,
    packCode: text(40),
    notifyEnabled: z.boolean().default(false),
    notifyThresholdMinor: thresholdMinor.default(5000),
  })
  .strict()

export const packModifyInput = z
  .object({ id: ulidSchema, packCode: text(40), expectedVersion: z.string().max(80).optional() })
  .strict()

export const packNotificationsInput = z
  .object({ id: ulidSchema, enabled: z.boolean(), thresholdMinor })
  .strict()

export const packConsumptionInput = z
  .object({ packId: ulidSchema, month, lineLimit: z.number().int().min(1).max(200).default(20) })
  .strict()

/** One line's use on one day, as the operator's daily report gives it. */
export const usageRecordSchema = z
  .object({
    lineId: ulidSchema,
    date: isoDate,
    quantity: z.number().int({ error: 'validation.invalidType' }).min(-10_000_000).max(10_000_000),
  })
  .strict()

export const packUsageInput = z
  .object({ packId: ulidSchema, records: z.array(usageRecordSchema).min(1).max(5000) })
  .strict()

// ─── Tickets ────────────────────────────────────────────────────────────────────────────────────

export const ticketStatuses = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const
export type TicketStatus = (typeof ticketStatuses)[number]

/** Subject → its details (seed: "Objet" then "Plus de détails"). */
export const ticketSubjects = {
  sim_options: [
    'reactivate_paused_sims',
    'pause_sims',
    'delete_unactivated_sims',
    'add_employees_csv',
    'order_blank_sims',
  ],
  network: ['no_coverage', 'data_not_working', 'calls_failing'],
  billing: ['invoice_question', 'payment_question'],
} as const
export type TicketSubject = keyof typeof ticketSubjects
export type TicketDetail = (typeof ticketSubjects)[TicketSubject][number]
export const ticketSubjectCodes = Object.keys(ticketSubjects) as TicketSubject[]
const allDetails = Object.values(ticketSubjects).flat() as TicketDetail[]

export interface TicketRequirements {
  /** A line of the account the ticket is about. */
  phone: 'required' | 'optional' | 'none'
  /** The day the operator is to act on. */
  actionDate: boolean
  /** A CSV (or Excel) file of the employees must be attached. */
  employeeFile: boolean
  /** Ordered through the blank SIM order form instead (quantity and delivery address). */
  blankSimOrder: boolean
}

/** What the form asks for each detail; main checks the same rules. */
export function ticketRequirements(detail: TicketDetail): TicketRequirements {
  switch (detail) {
    case 'reactivate_paused_sims':
    case 'pause_sims':
    case 'delete_unactivated_sims':
      return { phone: 'required', actionDate: true, employeeFile: false, blankSimOrder: false }
    case 'add_employees_csv':
      return { phone: 'none', actionDate: true, employeeFile: true, blankSimOrder: false }
    case 'order_blank_sims':
      return { phone: 'none', actionDate: false, employeeFile: false, blankSimOrder: true }
    case 'no_coverage':
    case 'data_not_working':
    case 'calls_failing':
      return { phone: 'required', actionDate: false, employeeFile: false, blankSimOrder: false }
    default:
      return { phone: 'optional', actionDate: false, employeeFile: false, blankSimOrder: false }
  }
}

/** At most 4 attachments (seed: "Vous ne pouvez ajouter que 4 pièces jointes"), each up to 2 MiB. */
export const MAX_TICKET_ATTACHMENTS = 4
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024
export const acceptedAttachmentTypes = ['PDF', 'JPEG', 'PNG', 'CSV', 'XLSX'] as const

export const ticketCreateInput = z
  .object({
    customerId: ulidSchema,
    subject: z.enum(ticketSubjectCodes as [TicketSubject, ...TicketSubject[]], {
      error: 'validation.required',
    }),
    detail: z.enum(allDetails as [TicketDetail, ...TicketDetail[]], { error: 'validation.required' }),
    lineId: ulidSchema.optional(),
    actionDate: isoDate.optional(),
    message: text(4000),
    attachments: z
      .array(fileUpload(MAX_ATTACHMENT_BYTES))
      .max(MAX_TICKET_ATTACHMENTS, { error: 'validation.tooManyAttachments' })
      .default([]),
    contactEmail: email,
    contactMobile: mobile,
  })
  .strict()
  .superRefine((t, ctx) => {
    if (!(ticketSubjects[t.subject] as readonly string[]).includes(t.detail)) {
      ctx.addIssue({ code: 'custom', path: ['detail'], message: 'validation.detailOfSubject' })
      return
    }
    const needs = ticketRequirements(t.detail)
    if (needs.blankSimOrder)
      ctx.addIssue({ code: 'custom', path: ['detail'], message: 'validation.useBlankSimOrder' })
    if (needs.phone === 'required' && !t.lineId)
      ctx.addIssue({ code: 'custom', path: ['lineId'], message: 'validation.required' })
    if (needs.actionDate && !t.actionDate)
      ctx.addIssue({ code: 'custom', path: ['actionDate'], message: 'validation.required' })
  })

export const ticketListInput = z
  .object({
    customerId: ulidSchema,
    status: z.enum(ticketStatuses).optional(),
    cursor,
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict()

export const ticketStatusInput = z
  .object({ id: ulidSchema, status: z.enum(ticketStatuses), note: optionalText(1000) })
  .strict()

export interface TicketListItem {
  id: string
  ticketNumber: string
  subject: TicketSubject
  detail: TicketDetail
  phoneNumber: string | null
  actionDate: string | null
  status: TicketStatus
  attachmentCount: number
  createdAt: string
  updatedAt: string
}

export interface TicketAttachment {
  id: string
  fileName: string
  mimeType: string
  sizeBytes: number
  sha256: string
}

export interface TicketEvent {
  id: string
  fromStatus: TicketStatus | null
  toStatus: TicketStatus
  note: string | null
  staffName: string | null
  deskId: string
  createdAt: string
}

export interface Ticket extends TicketListItem {
  customerId: string
  lineId: string | null
  message: string
  contactEmail: string
  contactMobile: string
  version: string
  attachments: TicketAttachment[]
  history: TicketEvent[]
  /** The statuses it may move to now. */
  nextStatuses: TicketStatus[]
}

// ─── Blank SIM orders ───────────────────────────────────────────────────────────────────────────

export const blankSimStatuses = ['ordered', 'shipped', 'delivered', 'cancelled'] as const
export type BlankSimStatus = (typeof blankSimStatuses)[number]
export const BLANK_SIM_STEP = 10
export const MAX_BLANK_SIMS = 1000

/** Blank SIMs come in packs of ten (seed: "par multiple de 10"). */
export function isBlankSimQuantity(quantity: number): boolean {
  return (
    Number.isInteger(quantity) &&
    quantity > 0 &&
    quantity <= MAX_BLANK_SIMS &&
    quantity % BLANK_SIM_STEP === 0
  )
}

export const deliveryAddressSchema = z
  .object({
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'validation.country' }),
    postalCode: text(20),
    city: text(100),
    street: text(200),
    houseNumber: text(20),
    suffix: optionalText(20),
    box: optionalText(20),
  })
  .strict()
export type DeliveryAddress = z.output<typeof deliveryAddressSchema>

export const blankSimOrderInput = z
  .object({
    customerId: ulidSchema,
    quantity: z
      .number({ error: 'validation.required' })
      .int({ error: 'validation.multipleOfTen' })
      .refine(isBlankSimQuantity, {
        error: 'validation.multipleOfTen',
        params: { step: BLANK_SIM_STEP, maximum: MAX_BLANK_SIMS },
      }),
    address: deliveryAddressSchema,
    message: optionalText(2000),
    contactEmail: email.optional(),
    contactMobile: mobile.optional(),
  })
  .strict()

export const blankSimListInput = z
  .object({ customerId: ulidSchema, cursor, limit: z.number().int().min(1).max(100).default(20) })
  .strict()

export const blankSimStatusInput = z.object({ id: ulidSchema, status: z.enum(blankSimStatuses) }).strict()

export interface BlankSimOrder {
  id: string
  customerId: string
  orderNumber: string
  quantity: number
  address: DeliveryAddress
  message: string | null
  contactEmail: string | null
  contactMobile: string | null
  orderedOn: string
  expectedDelivery: string
  status: BlankSimStatus
  createdAt: string
}

export interface DeliveryQuote {
  orderedOn: string
  expectedDelivery: string
}

// ─── Fleet-manager users ────────────────────────────────────────────────────────────────────────

export const fleetUserRoles = ['MANAGER', 'MEMBER'] as const
export type FleetUserRole = (typeof fleetUserRoles)[number]
export const fleetUserStatuses = ['VALIDATED', 'INVITED'] as const
export type FleetUserStatus = (typeof fleetUserStatuses)[number]

const fleetUserFields = {
  description: text(200),
  email,
  role: z.enum(fleetUserRoles, { error: 'validation.required' }),
  /** Ids of the account's lines this person manages. */
  lineIds: z.array(ulidSchema).max(50, { error: 'validation.tooMany' }).default([]),
}

export const fleetUserCreateInput = z.object({ customerId: ulidSchema, ...fleetUserFields }).strict()
export const fleetUserUpdateInput = z
  .object({ id: ulidSchema, ...fleetUserFields, expectedVersion: z.string().max(80).optional() })
  .strict()

export const fleetUserListInput = z
  .object({ customerId: ulidSchema, cursor, limit: z.number().int().min(1).max(100).default(25) })
  .strict()

export interface FleetUser {
  id: string
  customerId: string
  description: string
  email: string
  role: FleetUserRole
  status: FleetUserStatus
  phoneNumbers: { lineId: string; phoneNumber: string }[]
  lastInvitedAt: string | null
  invitationsSent: number
  validatedAt: string | null
  version: string
}

export interface FleetUserInvitation {
  id: string
  email: string
  delivery: 'recorded' | 'mailed'
  createdAt: string
}

/** A line of the account, as the fleet-desk forms offer it. */
export interface AccountLine {
  id: string
  phoneNumber: string
  description: string
  status: string
}

const idOnly = z.object({ id: ulidSchema }).strict()

export const fleetDeskContract = {
  'fleetDesk.lines': channel<AccountLine[]>()({
    input: z
      .object({
        customerId: ulidSchema,
        query: z.string().trim().max(50).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: telecomStaff,
  }),

  'fleetDesk.packs.catalogue': channel<PackType[]>()({ input: emptyInput, access: telecomStaff }),
  'fleetDesk.packs.list': channel<GroupPack[]>()({ input: customerIdInput, access: telecomStaff }),
  'fleetDesk.packs.order': channel<GroupPack>()({ input: packOrderInput, access: telecomStaff }),
  'fleetDesk.packs.modify': channel<GroupPack>()({ input: packModifyInput, access: telecomStaff }),
  'fleetDesk.packs.notifications': channel<GroupPack>()({
    input: packNotificationsInput,
    access: telecomStaff,
  }),
  'fleetDesk.packs.consumption': channel<PackConsumption>()({
    input: packConsumptionInput,
    access: telecomStaff,
  }),
  /** The operator's usage report for a pack (loaded by a supervisor, or by the operator feed). */
  'fleetDesk.packs.recordUsage': channel<{ recorded: number }>()({
    input: packUsageInput,
    access: supervisors,
  }),

  'fleetDesk.tickets.list': channel<Page<TicketListItem>>()({ input: ticketListInput, access: telecomStaff }),
  'fleetDesk.tickets.get': channel<Ticket>()({ input: idOnly, access: telecomStaff }),
  'fleetDesk.tickets.create': channel<Ticket>()({ input: ticketCreateInput, access: telecomStaff }),
  'fleetDesk.tickets.setStatus': channel<Ticket>()({ input: ticketStatusInput, access: telecomStaff }),
  'fleetDesk.tickets.attachment': channel<FileDownload>()({
    input: z.object({ ticketId: ulidSchema, attachmentId: ulidSchema }).strict(),
    access: telecomStaff,
  }),

  'fleetDesk.blankSims.quote': channel<DeliveryQuote>()({ input: emptyInput, access: telecomStaff }),
  'fleetDesk.blankSims.list': channel<Page<BlankSimOrder>>()({
    input: blankSimListInput,
    access: telecomStaff,
  }),
  'fleetDesk.blankSims.order': channel<BlankSimOrder>()({ input: blankSimOrderInput, access: telecomStaff }),
  'fleetDesk.blankSims.setStatus': channel<BlankSimOrder>()({
    input: blankSimStatusInput,
    access: telecomStaff,
  }),

  'fleetDesk.users.list': channel<Page<FleetUser>>()({ input: fleetUserListInput, access: telecomStaff }),
  'fleetDesk.users.create': channel<FleetUser>()({ input: fleetUserCreateInput, access: telecomStaff }),
  'fleetDesk.users.update': channel<FleetUser>()({ input: fleetUserUpdateInput, access: telecomStaff }),
  'fleetDesk.users.resendInvitation': channel<FleetUser>()({ input: idOnly, access: telecomStaff }),
  /** The person confirmed their profile (told by phone, or seen on the portal). */
  'fleetDesk.users.markValidated': channel<FleetUser>()({ input: idOnly, access: telecomStaff }),
  'fleetDesk.users.invitations': channel<FleetUserInvitation[]>()({ input: idOnly, access: telecomStaff }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
