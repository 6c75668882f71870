import type { DeskEntity } from '../deskEntities'

/** How this desk stores the harbour area's synced entities pulled from the hub (see deskEntities.ts). */
export const harbourDeskEntities: Record<string, DeskEntity> = {}
