import type { AreaSection } from '../../app/areaSection'

/** The fleet area's screens (see app/areaRegistry.ts). */
export const fleetSections: AreaSection[] = []
