import type { AreaSection } from '../../app/areaSection'

/** The harbour area's screens (see app/areaRegistry.ts). */
export const harbourSections: AreaSection[] = []
