/**
 * Channels of payments through gateways: Monetico, CMI, FATOURATI and AmanPay references, transfer proofs, payment links, reconciliation.
 */
import type { z } from 'zod'
import type { ChannelDef } from './common'

export const paymentsContract = {} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
