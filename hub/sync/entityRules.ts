/**
 * What the hub accepts for each entity (docs/sync.md, "Merge rules"):
 * - `lww`: descriptive records, merged per field by hybrid logical clock; concurrent edits of a
 *   field become conflict records;
 * - `append`: money records and issued documents, inserted once, never updated nor deleted.
 * `numbered` entities carry a number of a per-desk series that may be used only once.
 */

import { customerSyncedFields } from '../../preload/contract/customers'
import { fleetEntityRules } from './areas/fleet'
import { fleetDeskEntityRules } from './areas/fleetDesk'
import { harbourEntityRules } from './areas/harbour'
import { invoicingEntityRules } from './areas/invoicing'
import { paymentsEntityRules } from './areas/payments'
import { provisioningEntityRules } from './areas/provisioning'

export interface EntityRule {
  mode: 'lww' | 'append'
  /** Which kinds a desk may send (the hub itself creates conflict records). */
  deskKinds: readonly ('create' | 'update' | 'delete' | 'append')[]
  numbered?: { seriesField: string; numberField: string }
  /**
   * The fields a desk may send (of the current sync schema version; a desk of the previous version
   * sends a subset). Anything else is refused: the hub would pass it on, and every desk stops at
   * data it does not understand. Kept equal to the desks' synced columns by a unit test.
   */
  fields: readonly string[]
  /**
   * Fields that may never be null, all sent by a create or an append (NOT NULL columns at the desks:
   * a row without them could not be stored there, and every desk's pull would stop at it).
   */
  required: readonly string[]
  /**
   * Fields naming another record that must exist at the hub first (field -> entity). Desks only
   * refer to records they pulled or made, so the hub has them — except after a restore from an
   * older backup, when desks re-send in any order: the operation is then deferred, not applied,
   * so that no desk ever pulls a payment before its invoice.
   */
  refs?: Record<string, string>
  /**
   * Records the hub itself creates (conflict records): an update of one the hub does not hold is
   * refused (it will not come back), where an update of a desk's record is deferred until it does.
   */
  hubOrigin?: boolean
}

const customerFields = customerSyncedFields

export const entityRules: Record<string, EntityRule> = {
  customer: {
    mode: 'lww',
    deskKinds: ['create', 'update', 'delete'],
    fields: customerFields,
    required: [
      'customerNumber',
      'kind',
      'displayName',
      'phones',
      'language',
      'street',
      'postalCode',
      'city',
      'country',
      'identifiers',
      'createdAt',
      'updatedAt',
    ],
  },
  // A desk only resolves a conflict record: the values it records are the hub's.
  sync_conflict: {
    mode: 'lww',
    deskKinds: ['update'],
    hubOrigin: true,
    fields: ['status', 'resolution', 'resolvedBy', 'updatedAt'],
    required: ['status', 'updatedAt'],
  },
  invoice: {
    mode: 'append',
    deskKinds: ['append'],
    numbered: { seriesField: 'series', numberField: 'number' },
    refs: { customerId: 'customer' },
    fields: [
      'series',
      'number',
      'invoiceNumber',
      'customerId',
      'kind',
      'label',
      'issueDate',
      'currency',
      'totalNetMinor',
      'totalVatMinor',
      'totalGrossMinor',
      'creditedInvoiceId',
      'deskId',
      'createdAt',
      'contractId',
      'instalmentNo',
      'instalmentCount',
      'reason',
    ],
    required: [
      'series',
      'number',
      'invoiceNumber',
      'customerId',
      'kind',
      'label',
      'issueDate',
      'currency',
      'totalNetMinor',
      'totalVatMinor',
      'totalGrossMinor',
      'deskId',
      'createdAt',
    ],
  },
  series_void: {
    mode: 'append',
    deskKinds: ['append'],
    numbered: { seriesField: 'series', numberField: 'number' },
    fields: ['series', 'number', 'reason', 'deskId', 'createdAt'],
    required: ['series', 'number', 'reason', 'deskId', 'createdAt'],
  },
  payment: {
    mode: 'append',
    deskKinds: ['append'],
    refs: { invoiceId: 'invoice' },
    fields: [
      'invoiceId',
      'customerId',
      'method',
      'amountMinor',
      'currency',
      'receivedAt',
      'reference',
      'reversesId',
      'deskId',
      'staffId',
      'createdAt',
      'details',
      'reason',
    ],
    required: [
      'invoiceId',
      'customerId',
      'method',
      'amountMinor',
      'currency',
      'receivedAt',
      'deskId',
      'createdAt',
    ],
  },
  ...harbourEntityRules,
  ...invoicingEntityRules,
  ...fleetEntityRules,
  ...fleetDeskEntityRules,
  ...paymentsEntityRules,
  ...provisioningEntityRules,
}

/** A series belongs to one desk: its id ends with the desk id (`2026-C01`). */
export function seriesBelongsTo(series: string, deskId: string): boolean {
  return series === deskId || series.endsWith(`-${deskId}`)
}
