/**
 * The screens of the workspace areas (harbour, invoicing, fleet, fleet desk, payments). Each area
 * lists its sections in `features/<area>/sections.ts`: the first path segment it owns, the
 * workspace it appears in, its navbar entry and the channel that decides whether a role sees it.
 * Adding a screen never touches the router or the navbar.
 */

import { fleetCustomerPanels } from '../features/fleet/customerPanels'
import { fleetSections } from '../features/fleet/sections'
import { fleetDeskCustomerPanels } from '../features/fleetDesk/customerPanels'
import { fleetDeskSections } from '../features/fleetDesk/sections'
import { harbourCustomerPanels } from '../features/harbour/customerPanels'
import { harbourSections } from '../features/harbour/sections'
import { invoicingCustomerPanels } from '../features/invoicing/customerPanels'
import { invoicingSections } from '../features/invoicing/sections'
import { paymentsCustomerPanels } from '../features/payments/customerPanels'
import { paymentsSections } from '../features/payments/sections'
import { provisioningCustomerPanels } from '../features/provisioning/customerPanels'
import { provisioningSections } from '../features/provisioning/sections'
import type { AreaSection, CustomerPanel } from './areaSection'

export const areaSections: readonly AreaSection[] = [
  ...harbourSections,
  ...invoicingSections,
  ...fleetSections,
  ...fleetDeskSections,
  ...paymentsSections,
  ...provisioningSections,
]

export function findSection(workspace: string, section: string): AreaSection | undefined {
  return areaSections.find((s) => s.section === section && s.workspaces.includes(workspace as never))
}

/** The blocks of a customer's page, in this order: the customer's boats before their account. */
export const customerPanels: readonly CustomerPanel[] = [
  ...harbourCustomerPanels,
  ...invoicingCustomerPanels,
  ...fleetCustomerPanels,
  ...fleetDeskCustomerPanels,
  ...paymentsCustomerPanels,
  ...provisioningCustomerPanels,
]
