import type { DeskEntity } from '../deskEntities'

/** How this desk stores the payments area's synced entities pulled from the hub (see deskEntities.ts). */
export const paymentsDeskEntities: Record<string, DeskEntity> = {}
