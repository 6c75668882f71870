/**
 * The screens of the workspace areas (harbour, invoicing, fleet, fleet desk, payments). Each area
 * lists its sections in `features/<area>/sections.ts`: the first path segment it owns, the
 * workspace it appears in, its navbar entry and the channel that decides whether a role sees it.
 * Adding a screen never touches the router or the navbar.
 */
import { fleetSections } from '../features/fleet/sections'
import { fleetDeskSections } from '../features/fleetDesk/sections'
import { harbourSections } from '../features/harbour/sections'
import { invoicingSections } from '../features/invoicing/sections'
import { paymentsSections } from '../features/payments/sections'
import { provisioningSections } from '../features/provisioning/sections'
import type { AreaSection } from './areaSection'

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
