/**
 * Channels of telecom business fleets: catalogue, billing accounts, split-bill profiles, SIM lines, the Add-SIM wizard, line lifecycle, bulk changes, barrings, provisioning, CSV import, Excel export.
 */
import type { z } from 'zod'
import type { ChannelDef } from './common'

export const fleetContract = {} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
