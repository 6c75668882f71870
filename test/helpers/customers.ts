import type { CustomerData, InputOf } from '../../preload/contract'
import { customerInput } from '../../preload/contract'

type CustomerIn = InputOf<'customers.create'>

/** A valid French person, as the renderer would send it; override any field. */
export function personInput(overrides: Partial<CustomerIn> = {}): CustomerIn {
  return {
    kind: 'person',
    title: 'mr',
    firstName: 'Jean',
    lastName: 'Dupont',
    email: 'jean.dupont@example.fr',
    phones: [{ type: 'mobile', number: '06 12 34 56 78' }],
    language: 'fr',
    address: { street: '12 rue du Port', postalCode: '13002', city: 'Marseille', country: 'FR' },
    ...overrides,
  }
}

/** A valid Moroccan company; override any field. */
export function companyInput(overrides: Partial<CustomerIn> = {}): CustomerIn {
  return {
    kind: 'company',
    companyName: 'Transports Atlas SARL',
    email: 'contact@atlas.ma',
    phones: [{ type: 'work', number: '0522 12 34 56' }],
    language: 'fr',
    address: { street: '45 boulevard Zerktouni', postalCode: '20000', city: 'Casablanca', country: 'MA' },
    identifiers: { ice: '001525309000096' },
    ...overrides,
  }
}

/** The validated form of an input, as a service receives it from the router. */
export function customerData(input: CustomerIn = personInput()): CustomerData {
  return customerInput.parse(input)
}
