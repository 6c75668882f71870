/**
 * Channels of invoicing and the counter: invoices with VAT per rate, credit notes, counter payments and receipts, the customer account and statement, cash-up, portal access.
 */
import type { z } from 'zod'
import type { ChannelDef } from './common'

export const invoicingContract = {} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
