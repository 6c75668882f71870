/**
 * Channels of the harbour workspace: boats, berths and the berth plan, tariffs, contracts and their signature.
 */
import type { z } from 'zod'
import type { ChannelDef } from './common'

export const harbourContract = {} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
