import { cashups, invoiceIssuers, invoiceLines, portalAccesses } from '../../db/schema'
import type { DeskEntity } from '../deskEntities'

/** How this desk stores the invoicing area's synced entities pulled from the hub (see deskEntities.ts). */
export const invoicingDeskEntities: Record<string, DeskEntity> = {
  invoice_line: { table: invoiceLines, mode: 'append' },
  invoice_issuer: { table: invoiceIssuers, mode: 'append' },
  cashup: { table: cashups, mode: 'append' },
  portal_access: { table: portalAccesses, mode: 'append' },
}
