import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type OpenDatabase, openDatabase } from '../db/open'
import { demoStaff } from '../demo/demoStaff'
import { DocumentStore } from '../documents/documentStore'
import { createRouter, type Handlers, type Router } from '../ipc/router'
import { AuditService } from '../modules/audit/auditService'
import { authHandlers } from '../modules/auth/authHandlers'
import { SessionStore } from '../modules/auth/sessions'
import { StaffService } from '../modules/auth/staffService'
import { BillingService } from '../modules/billing/billingService'
import { customerHandlers } from '../modules/customers/customerHandlers'
import { CustomerService } from '../modules/customers/customerService'
import { createFleetArea, type FleetArea } from '../modules/fleet/fleetArea'
import { createFleetDeskArea, type FleetDeskArea } from '../modules/fleetDesk/fleetDeskArea'
import { createHarbourArea, type HarbourArea } from '../modules/harbour/harbourArea'
import { createInvoicingArea, type InvoicingArea } from '../modules/invoicing/invoicingArea'
import { createPaymentsArea, type PaymentsArea } from '../modules/payments/paymentsArea'
import { SettingsService } from '../modules/settings/settingsService'
import { gatewayKeyHandlers } from '../payments/gatewayKeyHandlers'
import { gatewayKeyStoreIn } from '../payments/gatewayKeyStore'
import { GatewayKeys } from '../payments/gatewayKeys'
import { Repository } from '../repo/repository'
import type { HubLinkStore } from '../sync/hubLinkStore'
import { syncHandlers } from '../sync/syncHandlers'
import { SyncService } from '../sync/syncService'
import type { AreaDeps } from './areaDeps'
import { type Clock, systemClock } from './clock'
import type { DeskConfig } from './config'

export interface CoreOptions extends Omit<DeskConfig, 'webPort' | 'syncSeconds' | 'offlineWarnHours'> {
  host: 'electron' | 'browser'
  version: string
  clock?: Clock
  nativeBinding?: string
  log?: (entry: Record<string, unknown>) => void
  /** Where the hub link is kept (null: not persisted, e.g. tests). */
  hubLinkStore?: HubLinkStore | null
  /** Hours without a successful sync before the desk warns its user. */
  offlineWarnHours?: number
  /** The local hub's payment gateway keys (default: kept in the data folder, local-key encryption). */
  gatewayKeys?: GatewayKeys
  /** Fills an empty database with demo data (the seeder, scale 1). */
  seedDemoData?: (core: Core) => void | Promise<void>
}

export interface Services {
  repo: Repository
  staff: StaffService
  settings: SettingsService
  customers: CustomerService
  audit: AuditService
  billing: BillingService
  sync: SyncService
  harbour: HarbourArea
  invoicing: InvoicingArea
  fleet: FleetArea
  fleetDesk: FleetDeskArea
  payments: PaymentsArea
}

export interface Core {
  database: OpenDatabase
  services: Services
  sessions: SessionStore
  router: Router
  close(): void
}

export const DATABASE_FILE = 'guichet.sqlite'

/** Everything of a desk that is not Electron: database, services, router. Used by every host. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  mkdirSync(options.dataDir, { recursive: true })
  const database = openDatabase(join(options.dataDir, DATABASE_FILE), {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const repo = new Repository(database.db, database.sqlite, clock, options.deskId)
  const settings = new SettingsService(repo, options.deskId, {
    ...(options.deskName ? { deskName: options.deskName } : {}),
    ...(options.lockAfterMinutes !== undefined ? { lockAfterMinutes: options.lockAfterMinutes } : {}),
  })
  const staff = new StaffService(repo)
  const customers = new CustomerService(repo)
  const audit = new AuditService(database.sqlite)
  const billing = new BillingService(repo)
  const sync = new SyncService(repo, {
    clock,
    offlineWarnHours: options.offlineWarnHours ?? 24,
    ...(options.log ? { log: options.log } : {}),
  })
  const areaDeps: AreaDeps = {
    repo,
    clock,
    settings,
    customers,
    billing,
    sync,
    documents: new DocumentStore(repo),
    options,
    log: options.log ?? (() => {}),
  }
  const harbour = createHarbourArea(areaDeps)
  const invoicing = createInvoicingArea({ ...areaDeps, harbour })
  const fleet = createFleetArea(areaDeps)
  const fleetDesk = createFleetDeskArea({ ...areaDeps, fleet })
  const payments = createPaymentsArea({ ...areaDeps, invoicing })
  const areas = [harbour, invoicing, fleet, fleetDesk, payments]
  const sessions = new SessionStore(clock, () => settings.get().lockAfterMinutes)

  const handlers: Handlers = {
    'app.info': () => ({
      version: options.version,
      deskId: options.deskId,
      deskName: settings.get().deskName,
      host: options.host,
      dataDir: options.dataDir,
    }),
    'settings.get': () => settings.get(),
    'settings.update': (input, ctx) => settings.update(ctx.actor(), input),
    'audit.history': ({ entity, entityId, limit }) => audit.history(entity, entityId, limit),
    'outbox.stats': () => audit.outboxStats(),
    ...authHandlers({ staff, sessions, settings, clock }),
    ...customerHandlers(customers),
    ...syncHandlers({ sync, deskId: options.deskId, linkStore: options.hubLinkStore ?? null }),
    ...harbour.handlers,
    ...invoicing.handlers,
    ...fleet.handlers,
    ...fleetDesk.handlers,
    ...payments.handlers,
    ...gatewayKeyHandlers(options.gatewayKeys ?? new GatewayKeys(gatewayKeyStoreIn(options.dataDir), clock)),
  }
  const router = createRouter(handlers, {
    sessions,
    deskId: options.deskId,
    ...(options.log ? { log: options.log } : {}),
  })
  const core: Core = {
    database,
    services: {
      repo,
      staff,
      settings,
      customers,
      audit,
      billing,
      sync,
      harbour,
      invoicing,
      fleet,
      fleetDesk,
      payments,
    },
    sessions,
    router,
    close: () => {
      sync.stop()
      for (const area of areas) area.close()
      database.close()
    },
  }

  if (options.demo && staff.count() === 0) {
    const system = { staffId: null, deskId: options.deskId }
    for (const member of demoStaff) await staff.create(system, member)
    await options.seedDemoData?.(core)
  }
  return core
}
