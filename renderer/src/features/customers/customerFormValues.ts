/**
 * What the customer form edits (plain strings, as inputs hold them) and how it becomes the
 * contract's `CustomerInput`. Pure, so the mapping of error paths back to fields is unit-tested.
 */
import type {
  Customer,
  CustomerInput,
  CustomerKind,
  CustomerLanguage,
  phoneTypes,
  titles,
} from '../../../../preload/contract'
import { formatPhone } from '../../lib/format'

export type PhoneType = (typeof phoneTypes)[number]
export type CustomerTitle = (typeof titles)[number]

export const MAX_PHONES = 4
export const DEFAULT_COUNTRY = 'FR'

export interface PhoneRow {
  /** A stable React key: rows can be removed from the middle. */
  key: string
  type: PhoneType
  number: string
}

export interface AddressValues {
  street: string
  postalCode: string
  city: string
  country: string
}

export interface CustomerFormValues {
  kind: CustomerKind
  title: CustomerTitle
  firstName: string
  lastName: string
  companyName: string
  email: string
  phones: PhoneRow[]
  language: CustomerLanguage
  address: AddressValues
  hasBillingAddress: boolean
  billingAddress: AddressValues
  identifiers: { siren: string; siret: string; ice: string; vatNumber: string }
  notes: string
}

let rowCounter = 0

export function phoneRow(type: PhoneType = 'mobile', number = ''): PhoneRow {
  rowCounter += 1
  return { key: `phone-${rowCounter}`, type, number }
}

function emptyAddress(country = DEFAULT_COUNTRY): AddressValues {
  return { street: '', postalCode: '', city: '', country }
}

export function emptyCustomerForm(): CustomerFormValues {
  return {
    kind: 'person',
    title: 'none',
    firstName: '',
    lastName: '',
    companyName: '',
    email: '',
    phones: [phoneRow()],
    language: 'fr',
    address: emptyAddress(),
    hasBillingAddress: false,
    billingAddress: emptyAddress(),
    identifiers: { siren: '', siret: '', ice: '', vatNumber: '' },
    notes: '',
  }
}

export function formValuesFromCustomer(c: Customer): CustomerFormValues {
  return {
    kind: c.kind,
    title: c.title ?? 'none',
    firstName: c.firstName ?? '',
    lastName: c.lastName ?? '',
    companyName: c.companyName ?? '',
    email: c.email ?? '',
    phones: c.phones.map((p) => phoneRow(p.type, formatPhone(p.number))),
    language: c.language,
    address: { ...c.address },
    hasBillingAddress: c.billingAddress !== null,
    billingAddress: c.billingAddress ? { ...c.billingAddress } : emptyAddress(c.address.country),
    identifiers: {
      siren: c.identifiers.siren ?? '',
      siret: c.identifiers.siret ?? '',
      ice: c.identifiers.ice ?? '',
      vatNumber: c.identifiers.vatNumber ?? '',
    },
    notes: c.notes ?? '',
  }
}

export interface PreparedInput {
  input: CustomerInput
  /** For each phone of the input, the form row it came from (blank rows are not sent). */
  phoneRows: number[]
}

const orUndefined = (value: string) => (value.trim() === '' ? undefined : value)

/** The form's values as the contract's input: only the fields of the chosen kind, no blank rows. */
export function toCustomerInput(values: CustomerFormValues): PreparedInput {
  const phoneRows: number[] = []
  const phones = values.phones.flatMap((row, index) => {
    if (row.number.trim() === '') return []
    phoneRows.push(index)
    return [{ type: row.type, number: row.number }]
  })
  const identifiers = Object.fromEntries(
    Object.entries(values.identifiers).filter(([, value]) => value.trim() !== ''),
  )
  const person = values.kind === 'person'
  const input: CustomerInput = {
    kind: values.kind,
    ...(person
      ? {
          title: values.title,
          firstName: orUndefined(values.firstName),
          lastName: orUndefined(values.lastName),
        }
      : { companyName: orUndefined(values.companyName) }),
    email: orUndefined(values.email),
    phones,
    language: values.language,
    address: { ...values.address },
    billingAddress: values.hasBillingAddress ? { ...values.billingAddress } : null,
    identifiers,
    notes: orUndefined(values.notes),
  }
  return { input, phoneRows }
}

const SIMPLE_PATHS = new Set([
  'kind',
  'title',
  'firstName',
  'lastName',
  'companyName',
  'email',
  'phones',
  'language',
  'notes',
])
const ADDRESS_FIELDS = new Set(['street', 'postalCode', 'city', 'country'])
const IDENTIFIER_FIELDS = new Set(['siren', 'siret', 'ice', 'vatNumber'])

/**
 * The form field that shows an issue about `path` of the input (`phones.0.number` may be the
 * form's `phones.2.number` when blank rows were skipped); null if no field can show it.
 */
export function toFormPath(path: string, phoneRows: number[]): string | null {
  if (SIMPLE_PATHS.has(path)) return path
  const [head, second, third] = path.split('.')
  if ((head === 'address' || head === 'billingAddress') && second && ADDRESS_FIELDS.has(second) && !third)
    return path
  if (head === 'identifiers' && second && IDENTIFIER_FIELDS.has(second) && !third) return path
  if (head === 'phones' && second !== undefined && /^\d+$/.test(second)) {
    const row = phoneRows[Number(second)]
    if (row === undefined) return 'phones'
    return `phones.${row}.${third === 'type' ? 'type' : 'number'}`
  }
  return null
}
