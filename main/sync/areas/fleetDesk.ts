import type { DeskEntity } from '../deskEntities'

/** How this desk stores the fleetDesk area's synced entities pulled from the hub (see deskEntities.ts). */
export const fleetDeskDeskEntities: Record<string, DeskEntity> = {}
