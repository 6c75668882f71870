import type { AreaSection } from '../../app/areaSection'

/** The invoicing area's screens (see app/areaRegistry.ts). */
export const invoicingSections: AreaSection[] = []
