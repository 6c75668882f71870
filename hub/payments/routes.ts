/**
 * The hub's payment endpoints (docs/payments.md): the hosted-payment redirect a payment link
 * opens, the customer's return page, and the banks' server-to-server notifications. Registered
 * in an encapsulated plugin so that the form-encoded parser only applies here.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { CMI_ANSWER, verifyHash } from '../../main/integrations/cmi/hash'
import { paymentForm as cmiForm, readCallback } from '../../main/integrations/cmi/messages'
import { paymentForm as moneticoForm, readReturn } from '../../main/integrations/monetico/messages'
import { returnReceipt, verifyFields } from '../../main/integrations/monetico/seal'
import type { HubStore } from '../db/open'
import { type HubPaymentsConfig, NUMERIC_CURRENCY } from './config'
import { autoPostForm, escapeHtml, formatMinor, page } from './html'
import { isLinkPreview, recordOpening } from './linkOpenings'
import { findRequest, outcomesOf, processReport, recordForgery, type Verdict } from './settle'

type Form = Record<string, string>

/** The form body as flat strings (a repeated field keeps its last value). */
function formOf(body: unknown): Form {
  const out: Form = {}
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body as Record<string, unknown>))
      out[k] = Array.isArray(v) ? String(v[v.length - 1] ?? '') : String(v ?? '')
  return out
}

function baseUrl(config: HubPaymentsConfig, request: FastifyRequest): string {
  return (config.publicUrl || `${request.protocol}://${request.headers.host}`).replace(/\/$/, '')
}

/** A relative gateway URL (the sandboxes) is resolved against the hub's own address. */
const resolve = (url: string, base: string) => (url.startsWith('/') ? `${base}${url}` : url)

export function registerPaymentRoutes(server: FastifyInstance, store: HubStore, config: HubPaymentsConfig) {
  server.register(async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        try {
          done(null, Object.fromEntries(new URLSearchParams(String(body))))
        } catch (error) {
          done(error as Error)
        }
      },
    )

    const logVerdict = (request: FastifyRequest, gateway: string, reference: string, verdict: Verdict) => {
      const entry = {
        gateway,
        reference,
        verdict: verdict.kind,
        ...('reason' in verdict ? { reason: verdict.reason } : {}),
      }
      if (verdict.kind === 'rejected')
        request.log.warn(entry, 'payment notification refused (security event)')
      else request.log.info(entry, 'payment notification')
    }

    // The payment link: a page that posts the sealed form to the gateway.
    app.get<{ Params: { id: string } }>('/pay/:id', async (request, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      const found = await findRequest(store.db, { id: request.params.id })
      if (!found)
        return reply.code(404).send(page('Lien inconnu', '<h1>Ce lien de paiement est inconnu.</h1>'))
      const outcomes = await outcomesOf(store.db, found.id)
      const amount = formatMinor(found.amountMinor, found.currency)
      if (outcomes.some((o) => o.outcome === 'paid'))
        return page('Déjà payé', `<h1 class="ok">Ce paiement de ${escapeHtml(amount)} est déjà reçu.</h1>`)
      if (Date.parse(found.expiresAt) < Date.now())
        return reply.code(410).send(page('Lien expiré', '<h1 class="ko">Ce lien de paiement a expiré.</h1>'))
      // The customer opened a link still payable: recorded for the desk (not a HEAD, not a link
      // preview). The page is served even if recording fails: paying matters more.
      const card = found.gateway === 'monetico' || found.gateway === 'cmi'
      if (card && request.method === 'GET' && !isLinkPreview(request.headers['user-agent']))
        await recordOpening(store.db, found.id).catch((error: unknown) =>
          request.log.warn({ requestId: found.id, err: error }, 'payment link opening not recorded'),
        )
      const base = baseUrl(config, request)
      const back = (status: string) => `${base}/pay/${found.id}/result?status=${status}`
      if (found.gateway === 'monetico' && config.monetico) {
        const fields = moneticoForm(config.monetico, {
          reference: found.reference,
          amountMinor: found.amountMinor,
          currency: found.currency,
          at: new Date(),
          email: found.email ?? '',
          language: 'FR',
          freeText: found.id,
          okUrl: back('ok'),
          errUrl: back('err'),
          billing: { addressLine1: '-', city: '-', postalCode: '-', country: 'FR' },
        })
        return autoPostForm(
          resolve(config.monetico.paymentUrl, base),
          fields,
          `Paiement de ${amount}`,
          'Continuer vers la banque',
        )
      }
      if (found.gateway === 'cmi' && config.cmi) {
        const fields = cmiForm(
          { ...config.cmi, shopUrl: base },
          {
            oid: found.reference,
            amountMinor: found.amountMinor,
            currency: '504',
            okUrl: back('ok'),
            failUrl: back('err'),
            callbackUrl: `${base}/v1/payments/cmi/callback`,
            rnd: randomBytes(10).toString('hex'),
            lang: 'fr',
            email: found.email ?? '',
            billToName: found.customerId,
          },
        )
        return autoPostForm(
          resolve(config.cmi.gatewayUrl, base),
          fields,
          `Paiement de ${amount}`,
          'Continuer vers la banque',
        )
      }
      return reply
        .code(409)
        .send(page('Indisponible', '<h1>Ce moyen de paiement n’est pas disponible en ligne.</h1>'))
    })

    // Where the bank sends the customer's browser back (GET, or POST for CMI). Not trusted: it only shows what the hub knows.
    const result = async (
      request: FastifyRequest<{ Params: { id: string }; Querystring: { status?: string } }>,
    ) => {
      const found = await findRequest(store.db, { id: request.params.id })
      const paid = found ? (await outcomesOf(store.db, found.id)).some((o) => o.outcome === 'paid') : false
      if (paid)
        return page(
          'Paiement reçu',
          '<h1 class="ok">Paiement reçu, merci.</h1><p>Votre reçu vous sera envoyé par courriel.</p>',
        )
      if (request.query.status === 'ok')
        return page(
          'Paiement en cours',
          '<h1>Paiement en cours de confirmation.</h1><p class="muted">La banque nous le confirmera sous peu.</p>',
        )
      return page(
        'Paiement non abouti',
        '<h1 class="ko">Paiement non abouti.</h1><p>Aucun montant n’a été débité. Vous pouvez réessayer depuis le lien reçu.</p>',
      )
    }
    app.get('/pay/:id/result', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await result(request as never)),
    )
    app.post('/pay/:id/result', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await result(request as never)),
    )

    // Monetico "interface retour": answered cdr=0 whenever the seal is valid, cdr=1 otherwise.
    app.post('/v1/payments/monetico/return', async (request, reply) => {
      reply.type('text/plain')
      const fields = formOf(request.body)
      const report = readReturn(fields)
      const remoteAddress = request.ip ?? null
      if (
        !config.monetico ||
        !verifyFields(config.monetico.key, fields) ||
        report.tpe !== config.monetico.tpe
      ) {
        await recordForgery(store.db, {
          gateway: 'monetico',
          reference: report.reference,
          fields,
          remoteAddress,
        } as never)
        request.log.warn(
          { gateway: 'monetico', reference: report.reference },
          'payment notification refused: bad seal',
        )
        return returnReceipt(false)
      }
      if (report.outcome === 'unknown') return returnReceipt(true)
      const verdict = await processReport(store.db, {
        gateway: 'monetico',
        reference: report.reference,
        outcome: report.outcome,
        amountMinor: report.amountMinor,
        currency: report.currency,
        authorisation: report.authorisation,
        maskedPan: report.maskedPan,
        detail: report.refusal,
        test: report.test,
        fields,
        remoteAddress,
      })
      logVerdict(request, 'monetico', report.reference, verdict)
      return returnReceipt(true)
    })

    // CMI callback: POSTAUTH when approved and recorded, APPROVED for an acknowledged refusal, FAILURE otherwise.
    app.post('/v1/payments/cmi/callback', async (request, reply) => {
      reply.type('text/plain')
      const fields = formOf(request.body)
      const cb = readCallback(fields)
      const remoteAddress = request.ip ?? null
      if (!config.cmi || !verifyHash(fields, config.cmi.storeKey) || cb.clientId !== config.cmi.clientId) {
        await recordForgery(store.db, { gateway: 'cmi', reference: cb.oid, fields, remoteAddress } as never)
        request.log.warn({ gateway: 'cmi', reference: cb.oid }, 'payment notification refused: bad hash')
        return CMI_ANSWER.failure
      }
      const verdict = await processReport(store.db, {
        gateway: 'cmi',
        reference: cb.oid,
        outcome: cb.approved ? 'paid' : 'refused',
        amountMinor: cb.amountMinor,
        currency: NUMERIC_CURRENCY[cb.currency] ?? cb.currency,
        authorisation: cb.authCode,
        maskedPan: cb.maskedPan,
        detail: cb.error,
        test: false,
        fields,
        remoteAddress,
      })
      logVerdict(request, 'cmi', cb.oid, verdict)
      if (verdict.kind === 'rejected') return CMI_ANSWER.failure
      return cb.approved ? CMI_ANSWER.capture : CMI_ANSWER.acknowledged
    })
  })
}
