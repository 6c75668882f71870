import type { DeskEntity } from '../deskEntities'

/** How this desk stores the invoicing area's synced entities pulled from the hub (see deskEntities.ts). */
export const invoicingDeskEntities: Record<string, DeskEntity> = {}
