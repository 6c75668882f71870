import { provisioningRequests } from '../../db/schema'
import type { DeskEntity } from '../deskEntities'

/**
 * How this desk stores the provisioning area's synced entities pulled from the hub (see
 * deskEntities.ts). Requests merge per field: the creating desk moves their state as the operator
 * answers, any desk may ask for a retry.
 */
export const provisioningDeskEntities: Record<string, DeskEntity> = {
  provisioning_request: { table: provisioningRequests, mode: 'lww' },
}
