import type { CustomerPanel } from '../../app/areaSection'

/** What the fleetDesk area shows on a customer's page (see app/areaRegistry.ts). */
export const fleetDeskCustomerPanels: CustomerPanel[] = []
