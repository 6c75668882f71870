import { describe, expect, it } from 'vitest'
import { type Customer, customerInput, toFieldIssues } from '../../preload/contract'
import {
  type CustomerFormValues,
  emptyCustomerForm,
  formValuesFromCustomer,
  phoneRow,
  toCustomerInput,
  toFormPath,
} from '../../renderer/src/features/customers/customerFormValues'
import { mapIssues } from '../../renderer/src/lib/fieldErrors'

function filled(overrides: Partial<CustomerFormValues> = {}): CustomerFormValues {
  return {
    ...emptyCustomerForm(),
    firstName: 'Anaïs',
    lastName: 'Aubry',
    email: 'a.aubry@example.org',
    phones: [phoneRow('mobile', '06 87 31 81 25')],
    address: { street: '3 rue Gargoulleau', postalCode: '17000', city: 'La Rochelle', country: 'FR' },
    ...overrides,
  }
}

/** The issues the contract's schema finds in the form, keyed by the form's own paths. */
function formIssues(values: CustomerFormValues): Record<string, string> {
  const { input, phoneRows } = toCustomerInput(values)
  const parsed = customerInput.safeParse(input)
  if (parsed.success) return {}
  const { fields } = mapIssues(toFieldIssues(parsed.error), (path) => toFormPath(path, phoneRows))
  return Object.fromEntries(Object.entries(fields).map(([path, issue]) => [path, issue.key]))
}

describe('customer form → contract input', () => {
  it('a filled person passes the contract schema', () => {
    expect(formIssues(filled())).toEqual({})
  })

  it('sends only the fields of the chosen kind, and no blank optional values', () => {
    const { input } = toCustomerInput(
      filled({ kind: 'company', companyName: 'Batelerie du Midi', email: ' ' }),
    )
    expect(input).toMatchObject({ kind: 'company', companyName: 'Batelerie du Midi', billingAddress: null })
    expect(input).not.toHaveProperty('firstName')
    expect(input.email).toBeUndefined()
    expect(input.identifiers).toEqual({})
  })

  it('skips blank phone rows and remembers which row each phone came from', () => {
    const values = filled({
      phones: [phoneRow('mobile', ''), phoneRow('work', '05 46 41 00 00'), phoneRow('mobile', 'not a phone')],
    })
    const { input, phoneRows } = toCustomerInput(values)
    expect(input.phones).toEqual([
      { type: 'work', number: '05 46 41 00 00' },
      { type: 'mobile', number: 'not a phone' },
    ])
    expect(phoneRows).toEqual([1, 2])
    // The invalid number is the input's phones.1, shown under the form's third row.
    expect(formIssues(values)).toEqual({ 'phones.2.number': 'validation.phone' })
  })

  it.each<[string, Partial<CustomerFormValues>, Record<string, string>]>([
    ['a person without last name', { lastName: '' }, { lastName: 'validation.required' }],
    ['a company without name', { kind: 'company', companyName: '' }, { companyName: 'validation.required' }],
    ['a bad email', { email: 'nope@' }, { email: 'validation.email' }],
    [
      'a bad SIREN',
      { identifiers: { siren: '123456789', siret: '', ice: '', vatNumber: '' } },
      { 'identifiers.siren': 'validation.siren' },
    ],
    [
      'an empty city and a bad country',
      // Without phones: with no valid country, no phone can be checked either.
      { address: { street: '1 quai', postalCode: '17000', city: '', country: 'FRA' }, phones: [] },
      { 'address.city': 'validation.required', 'address.country': 'validation.country' },
    ],
    [
      'an incomplete billing address',
      {
        hasBillingAddress: true,
        billingAddress: { street: '', postalCode: '17000', city: 'Niort', country: 'FR' },
      },
      { 'billingAddress.street': 'validation.required' },
    ],
  ])('%s is shown under its field', (_case, overrides, expected) => {
    expect(formIssues(filled(overrides))).toEqual(expected)
  })

  it('ignores an incomplete billing address that is not used', () => {
    expect(
      formIssues(filled({ billingAddress: { street: '', postalCode: '', city: '', country: 'FR' } })),
    ).toEqual({})
  })
})

describe('toFormPath', () => {
  it.each<[string, number[], string | null]>([
    ['email', [], 'email'],
    ['address.city', [], 'address.city'],
    ['billingAddress.postalCode', [], 'billingAddress.postalCode'],
    ['identifiers.vatNumber', [], 'identifiers.vatNumber'],
    ['phones.0.number', [3], 'phones.3.number'],
    ['phones.0.type', [1], 'phones.1.type'],
    ['phones.5.number', [0], 'phones'],
    ['phones', [], 'phones'],
    ['address', [], null],
    ['identifiers.unknown', [], null],
    ['', [], null],
  ])('%s (rows %j) → %s', (path, rows, expected) => {
    expect(toFormPath(path, rows)).toBe(expected)
  })
})

describe('a saved customer back in the form', () => {
  const customer: Customer = {
    id: '01J9Z8Y7X6W5V4T3S2R1Q0P9N8',
    customerNumber: 'C01-000006',
    kind: 'person',
    title: null,
    firstName: 'Anaïs',
    lastName: 'Aubry',
    companyName: null,
    displayName: 'Anaïs Aubry',
    email: null,
    phones: [{ type: 'mobile', number: '+33687318125' }],
    language: 'fr',
    address: { street: '3 rue Gargoulleau', postalCode: '17000', city: 'La Rochelle', country: 'FR' },
    billingAddress: null,
    identifiers: { siren: '732829320' },
    notes: null,
    version: 'v1',
    createdAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
  }

  it('fills every field, phones readable, and passes the schema unchanged', () => {
    const values = formValuesFromCustomer(customer)
    expect(values).toMatchObject({
      title: 'none',
      email: '',
      hasBillingAddress: false,
      identifiers: { siren: '732829320', siret: '', ice: '', vatNumber: '' },
    })
    expect(values.phones.map((p) => p.number)).toEqual(['+33 6 87 31 81 25'])
    expect(formIssues(values)).toEqual({})
  })
})
