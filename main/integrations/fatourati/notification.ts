/**
 * The settlement message of a FATOURATI or AmanPay payment as our hub accepts it (assumed; see
 * docs/payments.md): a JSON body signed with HMAC-SHA256 under a secret shared with the operator,
 * hex in the `X-Guichet-Signature` header. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

export const referenceNotification = z
  .object({
    reference: z.string().regex(/^\d{12,20}$/),
    amount: z.string().regex(/^\d{1,12}\.\d{2}$/),
    currency: z.literal('MAD'),
    status: z.enum(['PAID', 'CANCELLED']),
    transactionId: z.string().min(1).max(64),
    channel: z.string().max(40).optional(),
    paidAt: z.string().max(40),
  })
  .strict()
export type ReferenceNotification = z.infer<typeof referenceNotification>

export function signBody(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex')
}

export function verifyBody(secret: string, body: string, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false
  return timingSafeEqual(Buffer.from(signBody(secret, body)), Buffer.from(signature.toLowerCase()))
}
