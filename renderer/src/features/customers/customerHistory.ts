/**
 * Turns audit entries of a customer into lines a clerk can read: which field changed, from what
 * to what. The audit stores database columns (phones and addresses as JSON text); derived search
 * keys are left out.
 */
import type { TFunction } from 'i18next'
import type { AuditEntry, Phone } from '../../../../preload/contract'
import { formatPhone } from '../../lib/format'

export const historyFields = [
  'kind',
  'title',
  'firstName',
  'lastName',
  'companyName',
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
] as const
export type HistoryField = (typeof historyFields)[number]

export interface FieldChange {
  field: HistoryField
  before: string
  after: string
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const identifierLabels: Record<string, string> = {
  siren: 'SIREN',
  siret: 'SIRET',
  ice: 'ICE',
  vatNumber: 'TVA',
}

/** One stored value as text; `none` for an empty one. */
export function describeValue(field: HistoryField, raw: unknown, t: TFunction): string {
  const none = t('customerDetail.none')
  if (raw === null || raw === undefined || raw === '') return none
  switch (field) {
    case 'phones': {
      const phones = parseJson(raw)
      if (!Array.isArray(phones) || phones.length === 0) return none
      return (phones as Phone[]).map((p) => formatPhone(p.number)).join(', ')
    }
    case 'billingAddress': {
      const a = parseJson(raw)
      if (!isRecord(a)) return none
      return [a.street, `${a.postalCode ?? ''} ${a.city ?? ''}`.trim(), a.country].filter(Boolean).join(', ')
    }
    case 'identifiers': {
      const ids = parseJson(raw)
      if (!isRecord(ids)) return none
      const parts = Object.entries(ids)
        .filter(([, v]) => v)
        .map(([k, v]) => `${identifierLabels[k] ?? k} ${String(v)}`)
      return parts.length ? parts.join(', ') : none
    }
    case 'kind':
      return raw === 'person' || raw === 'company' ? t(`customerKind.${raw}`) : String(raw)
    case 'title':
      return raw === 'mr' || raw === 'mrs' ? t(`customerTitle.${raw}`) : none
    case 'language':
      return raw === 'fr' || raw === 'en' || raw === 'ar' || raw === 'nl'
        ? t(`customerLanguage.${raw}`)
        : String(raw)
    default:
      return String(raw)
  }
}

/** The readable changes of an update entry, in the order of the form. */
export function fieldChanges(entry: AuditEntry, t: TFunction): FieldChange[] {
  const after = entry.after ?? {}
  const before = entry.before ?? {}
  return historyFields
    .filter((field) => Object.hasOwn(after, field))
    .map((field) => ({
      field,
      before: describeValue(field, before[field], t),
      after: describeValue(field, after[field], t),
    }))
}
