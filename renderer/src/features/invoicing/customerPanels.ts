import type { CustomerPanel } from '../../app/areaSection'
import { AccountPanel } from './AccountPanel'

/** What the invoicing area shows on a customer's page (see app/areaRegistry.ts). */
export const invoicingCustomerPanels: CustomerPanel[] = [
  { id: 'invoicing-account', workspaces: ['harbour'], component: AccountPanel, channel: 'invoicing.account' },
]
