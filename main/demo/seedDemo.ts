/**
 * Fills a desk database with demo customers. What "scale" means:
 *
 *   scale 1    = 200 customers: what a fresh desk shows on first run (npm start, npm run web);
 *   scale N    = N × 200 customers (fractions allowed: 0.5 = 100);
 *   scale 1000 = 200 000 customers: the benchmark's size.
 *
 * Mix: about 38 % French, 40 % Moroccan, 22 % Belgian addresses; 15 % companies; 3 % deliberate
 * duplicates (see demoCustomers.ts). Creation dates spread over office hours from January 2022 to
 * October 2026, in customer-number order.
 *
 * The same seed gives the same database content byte for byte, ids included: the seeder writes
 * through its own Repository with a seeded ULID factory and a clock it sets before each customer.
 * Every customer goes through the contract's `customerInput` schema and `CustomerService.create`,
 * like one a clerk saves, so its audit entry and outbox operation are written in the same
 * transaction. A thousand customers share one outer transaction (each create is a savepoint inside
 * it), so 200 000 customers cost 200 commits, not 200 000. Writing through the repository is the
 * slow part (drizzle builds and prepares each statement per call), and the honest one: the demo
 * data has exactly the audit and outbox rows that the same customers typed by clerks would have.
 */
import { customerInput } from '../../preload/contract'
import type { Core } from '../app/core'
import { CustomerService } from '../modules/customers/customerService'
import { type Actor, Repository } from '../repo/repository'
import { DemoCustomerGenerator, type DuplicateKind } from './demoCustomers'
import { createdAtFor, DEMO_PERIOD_START, SettableClock } from './demoTimeline'
import { seededUlidFactory } from './seededIds'
import { SeededRandom } from './seededRandom'
import { seedFleet } from './seedFleet'
import { seedFleetDesk } from './seedFleetDesk'
import { seedHarbour } from './seedHarbour'
import { seedInvoicing } from './seedInvoicing'
import { seedPayments } from './seedPayments'
import { seedProvisioning } from './seedProvisioning'

export const CUSTOMERS_PER_SCALE = 200
/** The largest scale accepted: 2 million customers, far beyond any desk. */
export const MAX_SCALE = 10_000
const BATCH_SIZE = 1000
/** The PRNG stream of creation times, apart from the data's and the ids' streams. */
const TIME_STREAM = 2

export interface SeedOptions {
  scale: number
  seed: number
  /** false: customers only, without the harbour, fleet and invoicing demo data (sync tests). */
  areas?: boolean
}

export interface SeedReport {
  customers: number
  companies: number
  byCountry: Record<string, number>
  /** Customers that deliberately share a phone or an email with an earlier one, by kind. */
  duplicates: Record<DuplicateKind, number>
  ms: number
}

export function customersForScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE)
    throw new RangeError(`scale must be a number above 0 and at most ${MAX_SCALE}, got ${scale}`)
  return Math.max(1, Math.round(scale * CUSTOMERS_PER_SCALE))
}

/** What createCore calls on a desk's first run (demo mode). */
export function seedDemoData(core: Core, options: SeedOptions): void {
  seedDemoCustomers(core, options)
  if (options.areas === false) return
  seedFleet(core, { seed: options.seed })
  seedProvisioning(core)
  seedFleetDesk(core, { seed: options.seed })
  seedHarbour(core, { seed: options.seed })
  seedInvoicing(core, { seed: options.seed })
  seedPayments(core, { seed: options.seed })
}

/** Writes the demo customers of `options` and says what it wrote; `onProgress` runs after each batch. */
export function seedDemoCustomers(
  core: Core,
  options: SeedOptions,
  onProgress?: (done: number, total: number) => void,
): SeedReport {
  const started = performance.now()
  const total = customersForScale(options.scale)
  const { sqlite, db } = core.database
  const deskId = core.services.repo.deskId
  const clock = new SettableClock(DEMO_PERIOD_START)
  const repo = new Repository(db, sqlite, clock, deskId, seededUlidFactory(options.seed, clock))
  const customers = new CustomerService(repo)
  const generator = new DemoCustomerGenerator(options.seed)
  const times = new SeededRandom(options.seed, TIME_STREAM)
  // Demo data is nobody's work: the audit log shows it as written by the system.
  const actor: Actor = { staffId: null, deskId }

  const report: SeedReport = {
    customers: 0,
    companies: 0,
    byCountry: {},
    duplicates: { household: 0, enteredTwice: 0, soleTrader: 0 },
    ms: 0,
  }
  for (let start = 0; start < total; start += BATCH_SIZE) {
    const end = Math.min(total, start + BATCH_SIZE)
    const batch = sqlite.transaction(() => {
      for (let i = start; i < end; i++) {
        const { input, duplicate } = generator.next()
        clock.set(createdAtFor(i, total, times.next()))
        const { customer } = customers.create(actor, customerInput.parse(input))
        report.customers++
        if (customer.kind === 'company') report.companies++
        const country = customer.address.country
        report.byCountry[country] = (report.byCountry[country] ?? 0) + 1
        if (duplicate) report.duplicates[duplicate.kind]++
      }
    })
    batch.immediate()
    onProgress?.(end, total)
  }
  report.ms = performance.now() - started
  return report
}
