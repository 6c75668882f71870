import type Database from 'better-sqlite3'
import { eq, getTableColumns } from 'drizzle-orm'
import type { Phone } from '../../preload/contract'
import type { AppDb } from '../db/open'
import { customerPhoneKeys, customers, invoices, payments, seriesVoids, syncConflicts } from '../db/schema'
import { nameKeys, phoneTail } from '../modules/customers/names'
import type { TableWithId } from '../repo/entities'
import { fleetDeskEntities } from './areas/fleet'
import { fleetDeskDeskEntities } from './areas/fleetDesk'
import { harbourDeskEntities } from './areas/harbour'
import { invoicingDeskEntities } from './areas/invoicing'
import { paymentsDeskEntities } from './areas/payments'
import { provisioningDeskEntities } from './areas/provisioning'

type Row = Record<string, unknown>

/**
 * How this desk stores each synced entity pulled from the hub: its table, whether it merges per
 * field (lww) or is inserted once (append), how its derived local columns are rebuilt, and how
 * hub values map to columns. An entity or field not listed here is data this desk does not
 * understand: it stops pulling and asks to be updated rather than guess.
 */
export interface DeskEntity {
  table: TableWithId
  mode: 'lww' | 'append'
  /** Columns rebuilt on each desk from the synced ones (never sent, never pulled). */
  derive?: (row: Row) => Row
  /** Work after a row is written (derived side tables). */
  afterWrite?: (db: AppDb, sqlite: Database.Database, id: string, row: Row) => void
  /** Values that are JSON documents at the hub but text columns here. */
  jsonColumns?: readonly string[]
  /**
   * Records only the hub creates (conflict records). They cannot be sent again by a desk, so when
   * the hub's feed goes back (restored from a backup) the desk drops its copies and pulls the
   * hub's again (SyncEngine.pull).
   */
  hubOrigin?: boolean
}

function deriveCustomer(row: Row): Row {
  const keys = nameKeys({
    kind: row.kind as 'person' | 'company',
    firstName: row.firstName as string | null,
    lastName: row.lastName as string | null,
    companyName: row.companyName as string | null,
  })
  return {
    sortName: keys.sortName,
    altName: keys.altName,
    emailKey: typeof row.email === 'string' && row.email ? row.email.toLowerCase() : null,
  }
}

function indexCustomerPhones(db: AppDb, _sqlite: Database.Database, id: string, row: Row): void {
  db.delete(customerPhoneKeys).where(eq(customerPhoneKeys.customerId, id)).run()
  const phones = JSON.parse(String(row.phones ?? '[]')) as Phone[]
  const tails = new Set(phones.map((p) => phoneTail(p.number)).filter((t): t is string => !!t))
  for (const tail of tails) db.insert(customerPhoneKeys).values({ tail, customerId: id }).run()
}

export const deskEntities: Record<string, DeskEntity> = {
  customer: { table: customers, mode: 'lww', derive: deriveCustomer, afterWrite: indexCustomerPhones },
  sync_conflict: { table: syncConflicts, mode: 'lww', jsonColumns: ['theirs', 'yours'], hubOrigin: true },
  invoice: { table: invoices, mode: 'append' },
  series_void: { table: seriesVoids, mode: 'append' },
  payment: { table: payments, mode: 'append' },
  ...harbourDeskEntities,
  ...invoicingDeskEntities,
  ...fleetDeskEntities,
  ...fleetDeskDeskEntities,
  ...paymentsDeskEntities,
  ...provisioningDeskEntities,
}

/** Property names of a table's columns (what the outbox and the hub use as field names). */
export function columnNames(table: TableWithId): Set<string> {
  return new Set(Object.keys(getTableColumns(table)))
}
