import type { CustomerPanel } from '../../app/areaSection'
import { CreditsCustomerPanel } from './CreditsCustomerPanel'
import { PaymentsPanel } from './PaymentsPanel'

/** What the payments area shows on a customer's page (see app/areaRegistry.ts). */
export const paymentsCustomerPanels: CustomerPanel[] = [
  {
    id: 'payments-panel',
    workspaces: ['harbour', 'telecom'],
    component: PaymentsPanel,
    channel: 'payments.customerOverview',
  },
  {
    id: 'payments-credits',
    workspaces: ['harbour', 'telecom'],
    component: CreditsCustomerPanel,
    channel: 'payments.creditList',
  },
]
