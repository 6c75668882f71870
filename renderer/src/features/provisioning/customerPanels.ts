import type { CustomerPanel } from '../../app/areaSection'

/** What the provisioning area shows on a customer's page (see app/areaRegistry.ts). */
export const provisioningCustomerPanels: CustomerPanel[] = []
