/**
 * Channels of provisioning: the requests a desk sends to the operator's network and their state.
 */
import type { z } from 'zod'
import type { ChannelDef } from './common'

export const provisioningContract = {} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
