import type { CustomerPanel } from '../../app/areaSection'

/** What the invoicing area shows on a customer's page (see app/areaRegistry.ts). */
export const invoicingCustomerPanels: CustomerPanel[] = []
