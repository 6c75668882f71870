import {
  fleetBlankSimOrders,
  fleetGroupPacks,
  fleetPackUsage,
  fleetTicketEvents,
  fleetTickets,
  fleetUserInvitations,
  fleetUsers,
} from '../../db/schema'
import type { EntityDef } from '../../repo/entities'

export const groupPackEntity: EntityDef<typeof fleetGroupPacks> = {
  name: 'fleet_group_pack',
  table: fleetGroupPacks,
  synced: true,
  versioned: true,
}

export const packUsageEntity: EntityDef<typeof fleetPackUsage> = {
  name: 'fleet_pack_usage',
  table: fleetPackUsage,
  synced: true,
  versioned: false,
}

export const ticketEntity: EntityDef<typeof fleetTickets> = {
  name: 'fleet_ticket',
  table: fleetTickets,
  synced: true,
  versioned: true,
}

export const ticketEventEntity: EntityDef<typeof fleetTicketEvents> = {
  name: 'fleet_ticket_event',
  table: fleetTicketEvents,
  synced: true,
  versioned: false,
}

export const blankSimOrderEntity: EntityDef<typeof fleetBlankSimOrders> = {
  name: 'fleet_blank_sim_order',
  table: fleetBlankSimOrders,
  synced: true,
  versioned: true,
}

export const fleetUserEntity: EntityDef<typeof fleetUsers> = {
  name: 'fleet_user',
  table: fleetUsers,
  synced: true,
  versioned: true,
}

export const fleetUserInvitationEntity: EntityDef<typeof fleetUserInvitations> = {
  name: 'fleet_user_invitation',
  table: fleetUserInvitations,
  synced: true,
  versioned: false,
}

export const fleetDeskEntityDefs = [
  groupPackEntity,
  packUsageEntity,
  ticketEntity,
  ticketEventEntity,
  blankSimOrderEntity,
  fleetUserEntity,
  fleetUserInvitationEntity,
] as EntityDef[]
