import { eq } from 'drizzle-orm'
import {
  type Customer,
  type CustomerData,
  type CustomerSaved,
  compact,
  type DuplicateHint,
  normalizePhone,
  type Phone,
} from '../../../preload/contract'
import { customerPhoneKeys, customers } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository, UnitOfWork } from '../../repo/repository'
import { CustomerQueries, type ListOptions } from './customerQueries'
import { nameKeys, phoneTail } from './names'

export const customerEntity: EntityDef<typeof customers> = {
  name: 'customer',
  table: customers,
  synced: true,
  versioned: true,
  localFields: ['sortName', 'altName', 'emailKey'],
}

type CustomerRow = typeof customers.$inferSelect

export function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    customerNumber: r.customerNumber,
    kind: r.kind,
    title: r.title,
    firstName: r.firstName,
    lastName: r.lastName,
    companyName: r.companyName,
    displayName: r.displayName,
    email: r.email,
    phones: JSON.parse(r.phones) as Phone[],
    language: r.language,
    address: { street: r.street, postalCode: r.postalCode, city: r.city, country: r.country },
    billingAddress: r.billingAddress ? JSON.parse(r.billingAddress) : null,
    identifiers: JSON.parse(r.identifiers),
    notes: r.notes,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

const blank = (v: string | undefined | null) => (v ? v : null)

/** The columns a validated customer input is stored as (derived keys included). */
function toColumns(data: CustomerData) {
  const phones: Phone[] = data.phones.map((p, i) => {
    const number = normalizePhone(p.number, data.address.country)
    if (!number) throw AppError.field(`phones.${i}.number`, 'validation.phone')
    return { type: p.type, number }
  })
  const identifiers = Object.fromEntries(
    Object.entries(data.identifiers)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, compact(String(v))]),
  )
  const isPerson = data.kind === 'person'
  return {
    kind: data.kind,
    title: isPerson ? (data.title ?? null) : null,
    firstName: isPerson ? blank(data.firstName) : null,
    lastName: isPerson ? blank(data.lastName) : null,
    companyName: isPerson ? null : blank(data.companyName),
    ...nameKeys(data),
    email: blank(data.email),
    emailKey: data.email ? data.email.toLowerCase() : null,
    phones: JSON.stringify(phones),
    language: data.language,
    street: data.address.street,
    postalCode: data.address.postalCode,
    city: data.address.city,
    country: data.address.country,
    billingAddress: data.billingAddress ? JSON.stringify(data.billingAddress) : null,
    identifiers: JSON.stringify(identifiers),
    notes: blank(data.notes),
  }
}

export class CustomerService {
  readonly queries: CustomerQueries

  constructor(private readonly repo: Repository) {
    this.queries = new CustomerQueries(repo.sqlite, repo.deskId)
  }

  get(id: string): Customer {
    const row = this.repo.db.select().from(customers).where(eq(customers.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'customer', id })
    return toCustomer(row)
  }

  list(options: ListOptions) {
    return this.queries.list(options)
  }

  search(query: string, limit: number) {
    return this.queries.search(query, limit)
  }

  duplicates(
    email: string | null | undefined,
    phones: string[],
    country: string,
    excludeId?: string,
  ): DuplicateHint[] {
    const normalized = phones.map((p) => normalizePhone(p, country)).filter((p): p is string => !!p)
    return this.queries.duplicates(email || null, normalized, excludeId ?? null)
  }

  create(actor: Actor, data: CustomerData): CustomerSaved {
    const columns = toColumns(data)
    const row = this.repo.write(actor, 'customer.create', (unit) => {
      const created = unit.insert(customerEntity, {
        id: this.repo.newId(),
        customerNumber: this.nextNumber(),
        ...columns,
        version: '',
        clocks: '',
        createdAt: unit.now,
        updatedAt: unit.now,
      })
      this.indexPhones(unit, created.id, created.phones)
      return created
    })
    return this.saved(row)
  }

  update(actor: Actor, id: string, data: CustomerData, expectedVersion?: string): CustomerSaved {
    const columns = toColumns(data)
    const row = this.repo.write(actor, 'customer.update', (unit) => {
      const { row: updated, changed } = unit.update(
        customerEntity,
        id,
        columns,
        expectedVersion ? { expectedVersion } : {},
      )
      if (changed.includes('phones')) this.indexPhones(unit, id, updated.phones)
      return updated
    })
    return this.saved(row)
  }

  private saved(row: CustomerRow): CustomerSaved {
    const customer = toCustomer(row)
    return {
      customer,
      duplicates: this.queries.duplicates(
        customer.email,
        customer.phones.map((p) => p.number),
        customer.id,
      ),
    }
  }

  /** Customer numbers come from the desk's own series (`C01-000042`), so offline desks never clash. */
  private nextNumber(): string {
    const prefix = `${this.repo.deskId}-`
    const last = this.repo.sqlite
      .prepare(
        'SELECT max(customer_number) AS n FROM customers WHERE customer_number >= ? AND customer_number < ?',
      )
      .get(prefix, `${this.repo.deskId}.`) as { n: string | null }
    const next = last.n ? Number(last.n.slice(prefix.length)) + 1 : 1
    return `${prefix}${String(next).padStart(6, '0')}`
  }

  private indexPhones(unit: UnitOfWork, customerId: string, phonesJson: string): void {
    unit.db.delete(customerPhoneKeys).where(eq(customerPhoneKeys.customerId, customerId)).run()
    const tails = new Set((JSON.parse(phonesJson) as Phone[]).map((p) => phoneTail(p.number)).filter(Boolean))
    for (const tail of tails) unit.db.insert(customerPhoneKeys).values({ tail: tail!, customerId }).run()
  }
}
