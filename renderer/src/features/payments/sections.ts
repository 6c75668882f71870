import { IconCashBanknote, IconReceiptRefund, IconScale } from '@tabler/icons-react'
import type { AreaSection } from '../../app/areaSection'
import { CreditsScreen } from './CreditsScreen'
import { ReconciliationScreen } from './ReconciliationScreen'
import { TransferReviewScreen } from './TransferReviewScreen'

/** The payments area's screens (see app/areaRegistry.ts). */
export const paymentsSections: AreaSection[] = [
  {
    section: 'transfers',
    workspaces: ['harbour', 'telecom'],
    component: TransferReviewScreen,
    nav: { labelKey: 'payments.nav.transfers', icon: IconReceiptRefund },
    channel: 'payments.transferReview',
  },
  {
    section: 'reconciliation',
    workspaces: ['harbour', 'telecom'],
    component: ReconciliationScreen,
    nav: { labelKey: 'payments.nav.reconciliation', icon: IconScale },
    channel: 'payments.reconciliationSummary',
  },
  {
    section: 'credits',
    workspaces: ['harbour', 'telecom'],
    component: CreditsScreen,
    nav: { labelKey: 'payments.nav.credits', icon: IconCashBanknote },
    channel: 'payments.creditList',
  },
]
