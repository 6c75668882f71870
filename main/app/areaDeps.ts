import type { DocumentStore } from '../documents/documentStore'
import type { BillingService } from '../modules/billing/billingService'
import type { CustomerService } from '../modules/customers/customerService'
import type { SettingsService } from '../modules/settings/settingsService'
import type { Repository } from '../repo/repository'
import type { SyncService } from '../sync/syncService'
import type { Clock } from './clock'
import type { CoreOptions } from './core'

/** What every workspace area gets from the core when the desk starts. */
export interface AreaDeps {
  repo: Repository
  clock: Clock
  settings: SettingsService
  customers: CustomerService
  billing: BillingService
  sync: SyncService
  /** Issued documents and uploaded files, kept byte for byte with their SHA-256. */
  documents: DocumentStore
  options: CoreOptions
  log: (entry: Record<string, unknown>) => void
}
