import {
  fleetBlankSimOrders,
  fleetGroupPacks,
  fleetPackUsage,
  fleetTicketEvents,
  fleetTickets,
  fleetUserInvitations,
  fleetUsers,
} from '../../db/schema'
import type { DeskEntity } from '../deskEntities'

/**
 * How this desk stores the fleetDesk area's synced entities pulled from the hub (see deskEntities.ts).
 * Usage records, ticket status changes and invitations are facts (append); the rest merges per field.
 * Ticket attachments are stored documents, kept on the desk that received them (not synced).
 */
export const fleetDeskDeskEntities: Record<string, DeskEntity> = {
  fleet_group_pack: { table: fleetGroupPacks, mode: 'lww' },
  fleet_pack_usage: { table: fleetPackUsage, mode: 'append' },
  fleet_ticket: { table: fleetTickets, mode: 'lww' },
  fleet_ticket_event: { table: fleetTicketEvents, mode: 'append' },
  fleet_blank_sim_order: { table: fleetBlankSimOrders, mode: 'lww' },
  fleet_user: { table: fleetUsers, mode: 'lww' },
  fleet_user_invitation: { table: fleetUserInvitations, mode: 'append' },
}
