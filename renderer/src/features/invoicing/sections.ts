import { IconCashRegister, IconFileInvoice } from '@tabler/icons-react'
import type { AreaSection } from '../../app/areaSection'
import { CashupScreen } from './CashupScreen'
import { InvoicesScreen } from './InvoicesScreen'

/** The invoicing area's screens (see app/areaRegistry.ts). */
export const invoicingSections: AreaSection[] = [
  {
    section: 'invoices',
    workspaces: ['harbour'],
    component: InvoicesScreen,
    nav: { labelKey: 'invoicing.nav.invoices', icon: IconFileInvoice },
    channel: 'invoicing.invoices.list',
  },
  {
    section: 'cashup',
    workspaces: ['harbour'],
    component: CashupScreen,
    nav: { labelKey: 'invoicing.nav.cashup', icon: IconCashRegister },
    channel: 'invoicing.cashup.day',
  },
]
