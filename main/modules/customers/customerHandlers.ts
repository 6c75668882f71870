import type { Handlers } from '../../ipc/router'
import type { CustomerService } from './customerService'

type CustomerHandlers = Pick<
  Handlers,
  | 'customers.create'
  | 'customers.update'
  | 'customers.get'
  | 'customers.list'
  | 'customers.search'
  | 'customers.duplicates'
>

export function customerHandlers(customers: CustomerService): CustomerHandlers {
  return {
    'customers.create': (input, ctx) => customers.create(ctx.actor(), input),
    'customers.update': ({ id, customer, expectedVersion }, ctx) =>
      customers.update(ctx.actor(), id, customer, expectedVersion),
    'customers.get': ({ id }) => customers.get(id),
    'customers.list': (input) => customers.list(input),
    'customers.search': ({ query, limit }) => customers.search(query, limit),
    'customers.duplicates': ({ email, phones, country, excludeId }) =>
      customers.duplicates(email, phones, country, excludeId),
  }
}
