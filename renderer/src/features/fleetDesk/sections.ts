import type { AreaSection } from '../../app/areaSection'

/** The fleetDesk area's screens (see app/areaRegistry.ts). */
export const fleetDeskSections: AreaSection[] = []
