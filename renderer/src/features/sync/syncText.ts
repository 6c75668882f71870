/**
 * Pure helpers of the sync screens: relative times, the i18n key of a hub's refusal, and conflict
 * values made readable (the hub and the outbox carry database columns: `phones` is JSON text).
 * No React, no DOM: tested in Node as Chromium runs them (both use ICU through `Intl`).
 */
import type { TFunction } from 'i18next'
import { addressSchema, customerInput, languages, text, titles } from '../../../../preload/contract'
import { customerSyncedFields } from '../../../../preload/contract/customers'
import { toFieldIssues } from '../../../../preload/contract/fieldIssues'
import type { FieldIssue } from '../../../../preload/errors'
import { formatDateTime, intlLocale } from '../../lib/format'
import { describeValue, type HistoryField, historyFields } from '../customers/customerHistory'

// ---------------------------------------------------------------------------------------------
// Times

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * `instant` relative to `now` (ms): `il y a 5 minutes`, `5 minutes ago`, `maintenant` under a
 * minute. Rounded down, so "2 hours" is never said of 1 h 31. A few seconds in the future (clocks
 * of two machines) still read as now.
 */
export function relativeTime(instant: string, now: number, language: string): string {
  const at = new Date(instant).getTime()
  if (Number.isNaN(at)) return instant
  const format = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' })
  const seconds = Math.round((now - at) / 1000)
  const past = seconds >= 0
  const size = Math.abs(seconds)
  const signed = (n: number) => (past ? -n : n)
  if (size < MINUTE) return format.format(0, 'second')
  if (size < HOUR) return format.format(signed(Math.floor(size / MINUTE)), 'minute')
  if (size < 2 * DAY) return format.format(signed(Math.floor(size / HOUR)), 'hour')
  return format.format(signed(Math.floor(size / DAY)), 'day')
}

// ---------------------------------------------------------------------------------------------
// Sync issues (operations the hub rejected)

/** The hub's refusal reasons (`hub/protocol.ts`; a unit test keeps both lists equal). */
export const rejectReasonKeys = [
  'UPDATE_REQUIRED',
  'HUB_TOO_OLD',
  'UNKNOWN_ENTITY',
  'NOT_ALLOWED',
  'APPEND_ONLY',
  'NOT_FOUND',
  'NUMBER_TAKEN',
  'WRONG_DESK',
  'INVALID',
] as const
export type ReasonKey = (typeof rejectReasonKeys)[number] | 'UNKNOWN'

/** The translation key of a refusal reason; a reason this version does not know reads as "other". */
export function reasonKey(reason: string): ReasonKey {
  return (rejectReasonKeys as readonly string[]).includes(reason) ? (reason as ReasonKey) : 'UNKNOWN'
}

export const entityKeys = ['customer', 'invoice', 'payment', 'series_void', 'sync_conflict'] as const
export type EntityKey = (typeof entityKeys)[number] | 'other'

export function entityKey(entity: string): EntityKey {
  return (entityKeys as readonly string[]).includes(entity) ? (entity as EntityKey) : 'other'
}

export const opKindKeys = ['create', 'update', 'delete', 'append'] as const
export type OpKindKey = (typeof opKindKeys)[number] | 'other'

export function opKindKey(kind: string): OpKindKey {
  return (opKindKeys as readonly string[]).includes(kind) ? (kind as OpKindKey) : 'other'
}

/** Fields an operation carries that say nothing to a clerk (sent with every change). */
const BOOKKEEPING_FIELDS = new Set(['updatedAt', 'createdAt', 'id'])

/** The fields an update changes, as a clerk reads them: `Ville, E-mail`. Empty for a create. */
export function changedFieldNames(kind: string, fields: Record<string, unknown>, t: TFunction): string {
  if (kind !== 'update') return ''
  return Object.keys(fields)
    .filter((f) => !BOOKKEEPING_FIELDS.has(f))
    .map((f) => fieldLabel(f, t))
    .join(', ')
}

/** How a record is named on screen: its name, and its number when it has one. */
export interface RecordLabel {
  name: string
  number: string | null
}

const nonEmpty = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/** The record an operation is about, named from the operation itself when it carries a name. */
export function recordLabelFromFields(fields: Record<string, unknown>): RecordLabel | null {
  const name = nonEmpty(fields.displayName)
  const number = nonEmpty(fields.customerNumber) ?? nonEmpty(fields.invoiceNumber)
  if (name) return { name, number }
  return number ? { name: number, number: null } : null
}

/** `Ismail Aït Benhaddou · C01-000001`. */
export function recordLabelText(label: RecordLabel): string {
  return label.number ? `${label.name} · ${label.number}` : label.name
}

// ---------------------------------------------------------------------------------------------
// Conflicts

/** The fields of a customer a conflict can be about (the hub's synced columns), plus `_deleted`. */
export const conflictFields = [...customerSyncedFields, '_deleted'] as const
export type ConflictField = (typeof conflictFields)[number]

export function isConflictField(field: string): field is ConflictField {
  return (conflictFields as readonly string[]).includes(field)
}

/** A field's name in the interface language; an unknown one is shown as it is stored. */
export function fieldLabel(field: string, t: TFunction): string {
  return isConflictField(field) ? t(`conflicts.fields.${field}`) : field
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const text = value.trim()
  if (!text.startsWith('{') && !text.startsWith('[')) return value
  try {
    return JSON.parse(text)
  } catch {
    return value
  }
}

const isHistoryField = (field: string): field is HistoryField =>
  (historyFields as readonly string[]).includes(field)

/** Any JSON value as one line: `{ a: 1 }` → `a : 1`; arrays joined by commas. */
function plainValue(value: unknown, t: TFunction): string {
  const none = t('customerDetail.none')
  const v = parseJson(value)
  if (v === null || v === undefined || v === '') return none
  if (Array.isArray(v)) return v.length ? v.map((item) => plainValue(item, t)).join(', ') : none
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${k} : ${plainValue(x, t)}`)
    return parts.length ? parts.join(', ') : none
  }
  return String(v)
}

/**
 * One side of a conflict as a clerk reads it. `_deleted` is "deleted on one desk, edited on
 * another": `true` is the deletion, `false` the record kept, an object the edit (its fields).
 */
export function describeConflictValue(field: string, value: unknown, t: TFunction, language: string): string {
  if (field === '_deleted') {
    if (value === true) return t('conflicts.deletedValue')
    if (value === false || value === null || value === undefined) return t('conflicts.keptValue')
    const edited = parseJson(value)
    if (typeof edited === 'object' && edited !== null && !Array.isArray(edited)) {
      const names = Object.keys(edited)
        .filter((f) => !BOOKKEEPING_FIELDS.has(f))
        .map((f) => fieldLabel(f, t))
      if (names.length) return t('conflicts.editedValue', { fields: names.join(', ') })
    }
    return t('conflicts.editedValueBare')
  }
  if (isHistoryField(field)) return describeValue(field, parseJson(value), t)
  if ((field === 'createdAt' || field === 'updatedAt') && typeof value === 'string')
    return formatDateTime(value, language)
  return plainValue(value, t)
}

/** A value shortened for a button label: `« Rue du Port… »`. */
export function shortValue(text: string, max = 28): string {
  const chars = [...text]
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

/** How the "edit" choice lets a person type the value to keep, or null when it cannot be typed. */
export type ConflictEditor =
  | { kind: 'text' | 'textarea'; required: boolean }
  | {
      kind: 'select'
      options: readonly string[]
      optionKey: 'customerKind' | 'customerTitle' | 'customerLanguage'
    }

const requiredText = new Set([
  'lastName',
  'companyName',
  'displayName',
  'street',
  'postalCode',
  'city',
  'country',
])
const optionalTextFields = new Set(['firstName', 'email'])

/**
 * Structured values (phones, addresses, identifiers) and bookkeeping fields are not typed in a
 * single box: one picks a side, then corrects the record in its own form.
 */
export function conflictEditor(entity: string, field: string): ConflictEditor | null {
  if (entity !== 'customer') return null
  if (requiredText.has(field)) return { kind: 'text', required: true }
  if (optionalTextFields.has(field)) return { kind: 'text', required: false }
  if (field === 'notes') return { kind: 'textarea', required: false }
  if (field === 'kind') return { kind: 'select', options: ['person', 'company'], optionKey: 'customerKind' }
  if (field === 'title') return { kind: 'select', options: titles, optionKey: 'customerTitle' }
  if (field === 'language') return { kind: 'select', options: languages, optionKey: 'customerLanguage' }
  return null
}

/** The text to pre-fill the edit box with: the value the record has now. */
export function editInitialText(field: string, current: unknown): string {
  if (current === null || current === undefined) return field === 'title' ? 'none' : ''
  return typeof current === 'string' ? current : String(current)
}

/** The contract's own rule for each typed field, so the value kept is one the customer form accepts. */
function fieldSchema(field: string) {
  const shape = customerInput.shape
  switch (field) {
    case 'firstName':
      return shape.firstName
    case 'lastName':
      return text(100)
    case 'companyName':
    case 'displayName':
      return text(200)
    case 'email':
      return shape.email
    case 'notes':
      return shape.notes
    case 'street':
      return addressSchema.shape.street
    case 'postalCode':
      return addressSchema.shape.postalCode
    case 'city':
      return addressSchema.shape.city
    case 'country':
      return addressSchema.shape.country
    default:
      return null
  }
}

/** The problem with a typed value, or null; `validation.*` keys, as main would answer. */
export function editValueIssue(field: string, text: string): FieldIssue | null {
  const schema = fieldSchema(field)
  if (!schema) return null
  const parsed = schema.safeParse(text, { reportInput: true })
  if (parsed.success) return null
  const [issue] = toFieldIssues(parsed.error)
  return issue ? { ...issue, path: 'value' } : null
}

/**
 * The value sent with `choice: 'edit'`, in the column's own form: trimmed, an empty optional text
 * is `null` (as the customer form stores it), a country in capitals, no title is `null`.
 */
export function editValueToSend(field: string, text: string): string | null {
  const value = text.trim()
  if (field === 'country') return value.toUpperCase()
  if (field === 'title') return value === 'none' || value === '' ? null : value
  if (value === '' && (optionalTextFields.has(field) || field === 'notes')) return null
  return value
}
