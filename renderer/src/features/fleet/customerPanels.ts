import type { CustomerPanel } from '../../app/areaSection'
import { FleetPanel } from './FleetPanel'

/** What the fleet area shows on a customer's page (see app/areaRegistry.ts). */
export const fleetCustomerPanels: CustomerPanel[] = [
  { id: 'fleet-summary', workspaces: ['telecom'], component: FleetPanel, channel: 'fleet.summary' },
]
