/**
 * FATOURATI and AmanPay, the biller side (assumed protocol, docs/payments.md): the operator asks
 * what is due on a reference before taking the money (`inquiry`), then sends the settlement
 * (`notify`); both are JSON signed HMAC-SHA256 with the shared secret (`X-Guichet-Signature`).
 * Settlements go through the same processing as card notifications (settle.ts).
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parseAmount } from '../../main/integrations/cmi/messages'
import { referenceNotification, verifyBody } from '../../main/integrations/fatourati/notification'
import type { HubStore } from '../db/open'
import type { HubPaymentsConfig } from './config'
import { findRequest, outcomesOf, processReport, recordForgery } from './settle'

const inquiry = z.object({ reference: z.string().regex(/^\d{12,20}$/) }).strict()

export type ReferenceGateway = 'fatourati' | 'amanpay'

/** What is due on a reference, as the operator's channel shows it before payment. */
export async function referenceStatus(
  store: HubStore,
  gateway: ReferenceGateway,
  reference: string,
  now = new Date(),
) {
  const found = await findRequest(store.db, { gateway, reference })
  if (!found) return { reference, status: 'UNKNOWN' as const }
  const paid = (await outcomesOf(store.db, found.id)).some((o) => o.outcome === 'paid')
  const status = paid
    ? ('PAID' as const)
    : Date.parse(found.expiresAt) <= now.getTime()
      ? ('EXPIRED' as const)
      : ('DUE' as const)
  return {
    reference,
    status,
    amount: `${Math.floor(found.amountMinor / 100)}.${String(found.amountMinor % 100).padStart(2, '0')}`,
    currency: found.currency,
    expiresAt: found.expiresAt,
  }
}

export function registerReferenceRoutes(server: FastifyInstance, store: HubStore, config: HubPaymentsConfig) {
  server.register(async (app) => {
    // The signature is over the raw body: keep it.
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_req, body, done) => done(null, String(body)),
    )
    for (const gateway of ['fatourati', 'amanpay'] as const) {
      const secret = config[gateway]?.secret
      if (!secret) continue
      const parse = (raw: string) => {
        try {
          return JSON.parse(raw) as unknown
        } catch {
          return null
        }
      }

      app.post(`/v1/payments/${gateway}/inquiry`, async (request, reply) => {
        const raw = String(request.body ?? '')
        if (!verifyBody(secret, raw, request.headers['x-guichet-signature'] as string | undefined))
          return reply.code(401).send({ status: 'BAD_SIGNATURE' })
        const parsed = inquiry.safeParse(parse(raw))
        if (!parsed.success) return reply.code(400).send({ status: 'INVALID' })
        return referenceStatus(store, gateway, parsed.data.reference)
      })

      app.post(`/v1/payments/${gateway}/notify`, async (request, reply) => {
        const raw = String(request.body ?? '')
        const body = parse(raw)
        const fields = (body && typeof body === 'object' ? body : { raw }) as Record<string, unknown>
        const reference = typeof fields.reference === 'string' ? fields.reference : ''
        if (!verifyBody(secret, raw, request.headers['x-guichet-signature'] as string | undefined)) {
          await recordForgery(store.db, {
            gateway,
            reference,
            fields,
            remoteAddress: request.ip ?? null,
          } as never)
          request.log.warn({ gateway, reference }, 'payment notification refused: bad signature')
          return reply.code(401).send({ status: 'BAD_SIGNATURE' })
        }
        const parsed = referenceNotification.safeParse(body)
        if (!parsed.success) return reply.code(400).send({ status: 'INVALID' })
        const n = parsed.data
        const verdict = await processReport(store.db, {
          gateway,
          reference: n.reference,
          outcome: n.status === 'PAID' ? 'paid' : 'refused',
          amountMinor: parseAmount(n.amount),
          currency: n.currency,
          authorisation: n.transactionId,
          maskedPan: null,
          detail: n.channel ?? null,
          test: false,
          fields,
          remoteAddress: request.ip ?? null,
        })
        if (verdict.kind === 'rejected') {
          request.log.warn(
            { gateway, reference: n.reference, reason: verdict.reason },
            'payment notification refused (security event)',
          )
          return reply.code(409).send({ status: 'REFUSED', reason: verdict.reason })
        }
        request.log.info({ gateway, reference: n.reference, verdict: verdict.kind }, 'payment notification')
        return { status: verdict.kind === 'duplicate' ? 'DUPLICATE' : 'ACCEPTED' }
      })
    }
  })
}
