import type { AreaSection } from '../../app/areaSection'

/** The payments area's screens (see app/areaRegistry.ts). */
export const paymentsSections: AreaSection[] = []
