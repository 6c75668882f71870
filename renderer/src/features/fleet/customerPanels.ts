import type { CustomerPanel } from '../../app/areaSection'

/** What the fleet area shows on a customer's page (see app/areaRegistry.ts). */
export const fleetCustomerPanels: CustomerPanel[] = []
