import type { DeskEntity } from '../deskEntities'

/** How this desk stores the fleet area's synced entities pulled from the hub (see deskEntities.ts). */
export const fleetDeskEntities: Record<string, DeskEntity> = {}
