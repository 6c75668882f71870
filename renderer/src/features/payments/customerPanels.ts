import type { CustomerPanel } from '../../app/areaSection'

/** What the payments area shows on a customer's page (see app/areaRegistry.ts). */
export const paymentsCustomerPanels: CustomerPanel[] = []
