/**
 * Channels of the fleet manager desk: group packs and consumption, tickets, blank SIM orders, fleet-manager users.
 */
import type { z } from 'zod'
import type { ChannelDef } from './common'

export const fleetDeskContract = {} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
