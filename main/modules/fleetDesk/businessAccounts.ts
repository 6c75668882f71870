/**
 * The business account a fleet-desk record belongs to, and its lines. Lines belong to the fleet
 * area: they are read through its `linesOf`, never through its tables.
 */
import type { AccountLine } from '../../../preload/contract/fleetDesk'
import { AppError } from '../../ipc/appError'
import type { CustomerService } from '../customers/customerService'

export interface FleetLine {
  id: string
  phoneNumber: string
  description: string
  status: string
  tariffPlanCode: string
}

/** What this area needs of the fleet area. */
export interface LineDirectory {
  linesOf(customerId: string, limit?: number): FleetLine[]
}

/** Enough for any real account (the benchmark's largest has 50 000 lines). */
const ALL_LINES = 100_000

export class BusinessAccounts {
  constructor(
    private readonly customers: CustomerService,
    private readonly lines: LineDirectory,
  ) {}

  /** NOT_FOUND for an unknown customer; a field error for a person (fleets are for companies). */
  assertBusiness(customerId: string, path = 'customerId'): void {
    const customer = this.customers.get(customerId)
    if (customer.kind !== 'company') throw AppError.field(path, 'validation.businessAccountOnly')
  }

  /** The account's lines whose number or description contains `query`, in the fleet's order. */
  search(customerId: string, query: string | undefined, limit: number): AccountLine[] {
    const q = query?.toLowerCase().replace(/\s+/g, '')
    const digits = q?.replace(/\D/g, '')
    const out: AccountLine[] = []
    for (const line of this.lines.linesOf(customerId, q ? ALL_LINES : limit)) {
      if (q) {
        const number = line.phoneNumber.replace(/\D/g, '')
        const tail = digits?.startsWith('0') ? digits.slice(1) : digits
        const matches =
          (tail !== undefined && tail !== '' && number.includes(tail)) ||
          line.description.toLowerCase().replace(/\s+/g, '').includes(q)
        if (!matches) continue
      }
      out.push({
        id: line.id,
        phoneNumber: line.phoneNumber,
        description: line.description,
        status: line.status,
      })
      if (out.length >= limit) break
    }
    return out
  }

  /** The given lines of the account, or a field error at `path` for one that is not the account's. */
  resolve(customerId: string, lineIds: readonly string[], path: (index: number) => string): FleetLine[] {
    if (lineIds.length === 0) return []
    const byId = new Map(this.lines.linesOf(customerId, ALL_LINES).map((l) => [l.id, l]))
    return lineIds.map((id, i) => {
      const line = byId.get(id)
      if (!line) throw AppError.field(path(i), 'validation.lineOfAccount')
      return line
    })
  }
}
