import type { AreaSection } from '../../app/areaSection'

/** The provisioning area's screens (see app/areaRegistry.ts). */
export const provisioningSections: AreaSection[] = []
