import type { CustomerPanel } from '../../app/areaSection'

/** What the harbour area shows on a customer's page (see app/areaRegistry.ts). */
export const harbourCustomerPanels: CustomerPanel[] = []
