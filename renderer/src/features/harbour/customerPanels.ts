import type { CustomerPanel } from '../../app/areaSection'
import { BoatsPanel } from './BoatsPanel'

/** What the harbour area shows on a customer's page (see app/areaRegistry.ts). */
export const harbourCustomerPanels: CustomerPanel[] = [
  { id: 'harbour-boats', workspaces: ['harbour'], component: BoatsPanel, channel: 'harbour.boats.list' },
]
