/**
 * Loopback sandboxes that play the banks (docs/payments.md): the Monetico hosted payment page and
 * the CMI 3D Pay Hosting page, with test cards (approve, decline, 3-D Secure challenge), the
 * "Abandonner" button, and the server-to-server notification to the hub — sealed with the
 * merchant's key as the bank does, optionally sent several times and late. Served from
 * 127.0.0.1 only, for demo mode and tests; a production hub never mounts them.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hashVer3, verifyHash } from '../../../main/integrations/cmi/hash'
import { readCallback } from '../../../main/integrations/cmi/messages'
import { signBody } from '../../../main/integrations/fatourati/notification'
import { parseMontant } from '../../../main/integrations/monetico/messages'
import { sealFields, verifyFields } from '../../../main/integrations/monetico/seal'
import type { HubPaymentsConfig } from '../config'
import { escapeHtml, formatMinor, page } from '../html'
import { CHALLENGE_CODE, expiryValid, luhnValid, maskPan, scenarioOf } from './cards'

type Form = Record<string, string>
type Gateway = 'monetico' | 'cmi'
type AnyGateway = Gateway | 'fatourati' | 'amanpay'

interface Session {
  id: string
  gateway: Gateway
  fields: Form
  amountMinor: number
  currency: string
  reference: string
  maskedPan?: string
  attempts: number
}

/**
 * An instant as the Moroccan operator's page shows it: `30/11/2026 à 02:14 (heure du Maroc)`.
 * FATOURATI and AmanPay are Moroccan networks: their agent reads Casablanca time, whatever the
 * hub's zone; the zone is said, since the desk may print the slip in another one.
 */
export function operatorDateTime(instant: string | undefined): string {
  const date = new Date(instant ?? '')
  if (Number.isNaN(date.getTime())) return instant ?? ''
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Africa/Casablanca',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')}/${get('month')}/${get('year')} à ${get('hour')}:${get('minute')} (heure du Maroc)`
}

export interface SandboxLogEntry {
  gateway: AnyGateway
  reference: string
  outcome: 'paid' | 'refused'
  answers: string[]
}

/** Knobs a test sets (POST /sandbox/control): how many times and how late notifications go. */
export interface SandboxControl {
  copies: number
  delayMs: number
}

const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'

function formOf(body: unknown): Form {
  const out: Form = {}
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) out[k] = String(v ?? '')
  return out
}

const two = (n: number) => String(n).padStart(2, '0')

export function registerSandboxes(server: FastifyInstance, config: HubPaymentsConfig) {
  const sessions = new Map<string, Session>()
  const log: SandboxLogEntry[] = []
  const control: SandboxControl = { copies: 1, delayMs: 0 }

  server.register(
    async (app) => {
      app.addHook('onRequest', async (request, reply) => {
        if (!isLoopback(request.socket.remoteAddress)) return reply.code(404).send()
      })
      app.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string' },
        (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
      )

      app.get('/log', async () => log)
      app.post<{ Body: Partial<SandboxControl> }>('/control', async (request) => {
        const body = request.body ?? {}
        if (typeof body.copies === 'number' && body.copies >= 0 && body.copies <= 10)
          control.copies = body.copies
        if (typeof body.delayMs === 'number' && body.delayMs >= 0 && body.delayMs <= 60_000)
          control.delayMs = body.delayMs
        return control
      })

      const html = (reply: FastifyReply, body: string, code = 200) =>
        reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body)

      const base = (request: FastifyRequest) =>
        (config.publicUrl || `${request.protocol}://${request.headers.host}`).replace(/\/$/, '')

      function cardPage(session: Session, error?: string): string {
        const merchant = session.gateway === 'monetico' ? session.fields.societe : session.fields.clientid
        const title =
          session.gateway === 'monetico'
            ? 'Monetico — paiement sécurisé (bac à sable)'
            : 'CMI — paiement sécurisé (bac à sable)'
        return page(
          title,
          `<h1>${escapeHtml(title)}</h1>
<dl><dt>Commerçant</dt><dd>${escapeHtml(merchant ?? '')}</dd><dt>Référence</dt><dd>${escapeHtml(session.reference)}</dd>
<dt>Montant</dt><dd><strong>${escapeHtml(formatMinor(session.amountMinor, session.currency))}</strong></dd></dl>
${error ? `<p class="ko" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/sandbox/${session.gateway}/card"><input type="hidden" name="session" value="${session.id}">
<label for="email">Courriel pour le ticket</label><input id="email" name="email" type="email" value="${escapeHtml(session.fields.mail ?? session.fields.email ?? '')}">
<label for="card">Numéro de carte</label><input id="card" name="card" inputmode="numeric" autocomplete="off" autofocus>
<label for="expiry">Date d’expiration (MM/AA)</label><input id="expiry" name="expiry" placeholder="12/29" autocomplete="off">
<label for="cvv">Cryptogramme visuel</label><input id="cvv" name="cvv" inputmode="numeric" autocomplete="off">
<button type="submit">Payer</button></form>
<form method="post" action="/sandbox/${session.gateway}/abandon"><input type="hidden" name="session" value="${session.id}">
<button class="secondary" type="submit">Abandonner</button></form>
<p class="muted">Bac à sable : aucune carte réelle n’est débitée.</p>`,
        )
      }

      function challengePage(session: Session, error?: string): string {
        return page(
          '3-D Secure',
          `<h1>Authentification 3-D Secure</h1><p>Saisissez le code reçu par SMS de votre banque pour payer
<strong>${escapeHtml(formatMinor(session.amountMinor, session.currency))}</strong> (carte ${escapeHtml(session.maskedPan ?? '')}).</p>
${error ? `<p class="ko" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/sandbox/${session.gateway}/challenge"><input type="hidden" name="session" value="${session.id}">
<label for="code">Code de vérification</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" autofocus>
<button type="submit">Valider</button></form>`,
        )
      }

      /** The bank's message about an attempt, sealed as the bank would. */
      function notification(
        session: Session,
        request: FastifyRequest,
        paid: boolean,
      ): { url: string; fields: Form } {
        const now = new Date()
        const authorisation = paid ? String(100000 + (now.getTime() % 900000)) : ''
        if (session.gateway === 'monetico') {
          const f = session.fields
          const fields: Form = {
            TPE: f.TPE ?? '',
            date: `${two(now.getUTCDate())}/${two(now.getUTCMonth() + 1)}/${now.getUTCFullYear()}_a_${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`,
            montant: f.montant ?? '',
            reference: f.reference ?? '',
            'texte-libre': f['texte-libre'] ?? '',
            'code-retour': paid ? 'payetest' : 'Annulation',
            cvx: 'oui',
            vld: '1229',
            brand: 'VI',
            numauto: authorisation,
            motifrefus: paid ? '' : session.attempts > 0 && !session.maskedPan ? 'Abandon' : 'Refus',
            originecb: 'FRA',
            bincb: '497010',
            hpancb: randomBytes(20).toString('hex').toUpperCase(),
            ipclient: '127.0.0.1',
            originetr: 'FRA',
            modepaiement: 'CB',
            authentification: Buffer.from(
              JSON.stringify({
                protocol: '3DSecure',
                version: '2.2.0',
                status: paid ? 'authenticated' : 'authentication_rejected',
              }),
            ).toString('base64'),
            cbmasquee: session.maskedPan ?? '',
            usage: 'credit',
            typecompte: 'particulier',
            ecard: 'non',
          }
          return {
            url: `${base(request)}/v1/payments/monetico/return`,
            fields: sealFields(config.monetico!.key, fields),
          }
        }
        const f = session.fields
        const fields: Form = {
          clientid: f.clientid ?? '',
          oid: f.oid ?? '',
          amount: f.amount ?? '',
          currency: f.currency ?? '',
          rnd: f.rnd ?? '',
          storetype: f.storetype ?? '',
          TranType: f.TranType ?? '',
          hashAlgorithm: 'ver3',
          lang: f.lang ?? '',
          okUrl: f.okUrl ?? '',
          failUrl: f.failUrl ?? '',
          callbackUrl: f.callbackUrl ?? '',
          ProcReturnCode: paid ? '00' : '05',
          Response: paid ? 'Approved' : 'Declined',
          AuthCode: authorisation,
          TransId: `${now.getTime().toString(36).toUpperCase()}${randomBytes(3).toString('hex')}`,
          MaskedPan: session.maskedPan ?? '',
          mdStatus: paid ? '1' : '0',
          ErrMsg: paid ? '' : 'Transaction refusée',
          EXTRA_TRXDATE: now.toISOString(),
          encoding: 'UTF-8',
        }
        return {
          url: f.callbackUrl || `${base(request)}/v1/payments/cmi/callback`,
          fields: { ...fields, HASH: hashVer3(fields, config.cmi!.storeKey) },
        }
      }

      async function notify(session: Session, request: FastifyRequest, paid: boolean) {
        const { url, fields } = notification(session, request, paid)
        const entry: SandboxLogEntry = {
          gateway: session.gateway,
          reference: session.reference,
          outcome: paid ? 'paid' : 'refused',
          answers: [],
        }
        log.push(entry)
        const send = async () => {
          for (let i = 0; i < control.copies; i++) {
            try {
              const res = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams(fields).toString(),
              })
              entry.answers.push(await res.text())
            } catch (error) {
              entry.answers.push(`error: ${(error as Error).message}`)
            }
          }
        }
        if (control.delayMs > 0) setTimeout(() => void send(), control.delayMs)
        else await send()
      }

      const backUrl = (session: Session, ok: boolean) =>
        session.gateway === 'monetico'
          ? ((ok ? session.fields.url_retour_ok : session.fields.url_retour_err) ?? '/')
          : ((ok ? session.fields.okUrl : session.fields.failUrl) ?? '/')

      async function finish(session: Session, request: FastifyRequest, reply: FastifyReply, paid: boolean) {
        await notify(session, request, paid)
        sessions.delete(session.id)
        return reply.redirect(backUrl(session, paid), 303)
      }

      const sessionOf = (request: FastifyRequest) => sessions.get(formOf(request.body).session ?? '')

      app.post('/monetico/paiement.cgi', async (request, reply) => {
        const fields = formOf(request.body)
        const amount = parseMontant(fields.montant)
        if (
          !config.monetico ||
          !verifyFields(config.monetico.key, fields) ||
          fields.TPE !== config.monetico.tpe ||
          !amount
        )
          return html(
            reply,
            page('Erreur', '<h1 class="ko">Demande refusée : sceau (MAC) invalide.</h1>'),
            400,
          )
        const session: Session = {
          id: randomBytes(12).toString('hex'),
          gateway: 'monetico',
          fields,
          ...amount,
          reference: fields.reference ?? '',
          attempts: 0,
        }
        sessions.set(session.id, session)
        return html(reply, cardPage(session))
      })

      app.post('/cmi/fim/est3Dgate', async (request, reply) => {
        const fields = formOf(request.body)
        const cb = readCallback(fields)
        if (
          !config.cmi ||
          !verifyHash(fields, config.cmi.storeKey) ||
          cb.clientId !== config.cmi.clientId ||
          cb.amountMinor === null
        )
          return html(reply, page('Erreur', '<h1 class="ko">Demande refusée : HASH invalide.</h1>'), 400)
        const session: Session = {
          id: randomBytes(12).toString('hex'),
          gateway: 'cmi',
          fields,
          amountMinor: cb.amountMinor,
          currency: fields.currency === '504' ? 'MAD' : (fields.currency ?? ''),
          reference: cb.oid,
          attempts: 0,
        }
        sessions.set(session.id, session)
        return html(reply, cardPage(session))
      })

      // FATOURATI (a banking app, an agency) and AmanPay (a cash agency): the operator's side. The
      // tester types the reference; the sandbox asks the hub what is due, then "takes" the money
      // and sends the signed settlement, as the operator would.
      for (const gateway of ['fatourati', 'amanpay'] as const) {
        const secret = config[gateway]?.secret
        if (!secret) continue
        const label =
          gateway === 'fatourati' ? 'FATOURATI — paiement de facture' : 'AmanPay — agence de paiement'
        const call = async (request: FastifyRequest, path: string, body: unknown) => {
          const raw = JSON.stringify(body)
          const res = await fetch(`${base(request)}/v1/payments/${gateway}/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-guichet-signature': signBody(secret, raw) },
            body: raw,
          })
          return { status: res.status, body: (await res.json()) as Record<string, string> }
        }
        const askPage = (error?: string) =>
          page(
            label,
            `<h1>${escapeHtml(label)} (bac à sable)</h1>${error ? `<p class="ko" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/sandbox/${gateway}/inquiry"><label for="reference">${gateway === 'fatourati' ? 'Référence FATOURATI' : 'Code AmanPay'}</label>
<input id="reference" name="reference" inputmode="numeric" autocomplete="off" autofocus><button type="submit">Rechercher</button></form>`,
          )
        app.get(`/${gateway}`, async (_request, reply) => html(reply, askPage()))
        app.post(`/${gateway}/inquiry`, async (request, reply) => {
          const reference = (formOf(request.body).reference ?? '').replace(/\s+/g, '')
          if (!/^\d{12,20}$/.test(reference)) return html(reply, askPage('Référence invalide.'), 422)
          const { body } = await call(request, 'inquiry', { reference })
          if (body.status !== 'DUE')
            return html(
              reply,
              askPage(
                body.status === 'PAID'
                  ? 'Déjà payée.'
                  : body.status === 'EXPIRED'
                    ? 'Référence expirée.'
                    : 'Référence inconnue.',
              ),
              404,
            )
          const amountMinor = Math.round(Number(body.amount) * 100)
          return html(
            reply,
            page(
              label,
              `<h1>${escapeHtml(label)} (bac à sable)</h1><dl><dt>Référence</dt><dd>${escapeHtml(reference)}</dd>
<dt>Montant dû</dt><dd><strong>${escapeHtml(formatMinor(amountMinor, 'MAD'))}</strong></dd><dt>Valable jusqu’au</dt><dd>${escapeHtml(operatorDateTime(body.expiresAt))}</dd></dl>
<form method="post" action="/sandbox/${gateway}/pay"><input type="hidden" name="reference" value="${escapeHtml(reference)}">
<input type="hidden" name="amount" value="${escapeHtml(body.amount ?? '')}"><button type="submit">Payer ${escapeHtml(formatMinor(amountMinor, 'MAD'))}</button></form>`,
            ),
          )
        })
        app.post(`/${gateway}/pay`, async (request, reply) => {
          const form = formOf(request.body)
          const notice = {
            reference: form.reference ?? '',
            amount: form.amount ?? '',
            currency: 'MAD',
            status: 'PAID',
            transactionId: `${gateway.slice(0, 2).toUpperCase()}${Date.now().toString(36).toUpperCase()}${randomBytes(2).toString('hex')}`,
            channel: gateway === 'fatourati' ? 'mobile_banking' : 'agence',
            paidAt: new Date().toISOString(),
          }
          const entry: SandboxLogEntry = {
            gateway,
            reference: notice.reference,
            outcome: 'paid',
            answers: [],
          }
          log.push(entry)
          const send = async () => {
            for (let i = 0; i < control.copies; i++) {
              const { status, body } = await call(request, 'notify', notice)
              entry.answers.push(`${status} ${body.status}`)
            }
          }
          if (control.delayMs > 0) setTimeout(() => void send(), control.delayMs)
          else await send()
          const accepted = entry.answers[0]?.endsWith('ACCEPTED') || control.delayMs > 0
          return html(
            reply,
            page(
              label,
              accepted
                ? `<h1 class="ok">Paiement effectué.</h1><p>Transaction ${escapeHtml(notice.transactionId)}.</p>`
                : `<h1 class="ko">Paiement refusé par le facturier.</h1><p>${escapeHtml(entry.answers.join(', '))}</p>`,
            ),
          )
        })
      }

      for (const gateway of ['monetico', 'cmi'] as const) {
        app.post(`/${gateway}/card`, async (request, reply) => {
          const session = sessionOf(request)
          if (!session) return html(reply, page('Session expirée', '<h1>Session expirée.</h1>'), 410)
          const form = formOf(request.body)
          const card = (form.card ?? '').replace(/\s+/g, '')
          if (!luhnValid(card)) return html(reply, cardPage(session, 'Numéro de carte invalide.'), 422)
          if (!expiryValid(form.expiry ?? '', new Date()))
            return html(reply, cardPage(session, 'Date d’expiration invalide.'), 422)
          if (!/^\d{3}$/.test(form.cvv ?? ''))
            return html(reply, cardPage(session, 'Cryptogramme invalide.'), 422)
          session.attempts++
          session.maskedPan = maskPan(card, gateway)
          const scenario = scenarioOf(card)
          if (scenario === 'challenge') return html(reply, challengePage(session))
          return finish(session, request, reply, scenario === 'approve')
        })
        app.post(`/${gateway}/challenge`, async (request, reply) => {
          const session = sessionOf(request)
          if (!session) return html(reply, page('Session expirée', '<h1>Session expirée.</h1>'), 410)
          return finish(session, request, reply, formOf(request.body).code === CHALLENGE_CODE)
        })
        // "Abandonner": back to the merchant; the bank sends nothing for a payment never attempted.
        app.post(`/${gateway}/abandon`, async (request, reply) => {
          const session = sessionOf(request)
          if (!session) return html(reply, page('Session expirée', '<h1>Session expirée.</h1>'), 410)
          sessions.delete(session.id)
          return reply.redirect(backUrl(session, false), 303)
        })
      }
    },
    { prefix: '/sandbox' },
  )
}
