/**
 * Payment links sent to the customer by email (mail port) or SMS (SMS port), each attempt recorded,
 * and the receipt emailed once when a gateway payment settles (after the hub's outcome syncs down).
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import type { LinkSendInput, PaymentLinkView } from '../../../preload/contract/paymentLinks'
import { paymentLinkEvents, paymentLinkOpens, paymentOutcomes } from '../../db/schema'
import { pdfMoney } from '../../documents/invoicePdfParts'
import type { MailPort } from '../../integrations/mail/mailPort'
import type { SmsPort } from '../../integrations/sms/smsPort'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'
import type { CustomerService } from '../customers/customerService'
import type { InvoicingArea } from '../invoicing/invoicingArea'
import { linkState } from './linkState'
import type { PaymentRequests } from './paymentRequests'

export const paymentLinkEventEntity: EntityDef<typeof paymentLinkEvents> = {
  name: 'payment_link_event',
  table: paymentLinkEvents,
  synced: false,
  versioned: false,
}

export interface PaymentLinksDeps {
  repo: Repository
  requests: PaymentRequests
  customers: CustomerService
  mail: MailPort
  sms: SmsPort
  /** The receipt of a recorded payment (rendered once, archived, then served byte-identical). */
  receipt: InvoicingArea['payments']['receipt']
  organisation: () => string
  log: (entry: Record<string, unknown>) => void
}

type EventKind = (typeof paymentLinkEvents.$inferInsert)['kind']

export class PaymentLinks {
  constructor(private readonly deps: PaymentLinksDeps) {}

  /** Sends the link; a refused send is recorded as `failed` and reported at the field. */
  async send(actor: Actor, input: LinkSendInput): Promise<PaymentLinkView> {
    const request = this.deps.requests.get(input.requestId)
    if (!request.payUrl) throw AppError.field('requestId', 'validation.paymentLinkNoUrl')
    if (request.state !== 'pending') throw AppError.field('requestId', 'validation.paymentLinkClosed')
    const customer = this.deps.customers.get(request.customerId)
    const amount = pdfMoney(request.amountMinor, request.currency)
    const until = new Date(request.expiresAt).toLocaleDateString('fr-FR', { timeZone: 'UTC' })
    const to =
      input.channel === 'email'
        ? input.to || request.email || customer.email
        : input.to || customer.phones.find((p) => p.type === 'mobile')?.number
    if (!to) throw AppError.field('to', 'validation.required')
    let providerId: string | null = null
    let detail: string | null = null
    try {
      if (input.channel === 'email') {
        const sent = await this.deps.mail.send({
          to,
          subject: `Paiement de ${amount} — ${this.deps.organisation()}`,
          text: [
            `Bonjour ${customer.displayName},`,
            '',
            `Vous pouvez régler ${amount} par carte bancaire sur la page sécurisée de notre banque :`,
            request.payUrl,
            '',
            `Ce lien est valable jusqu’au ${until}. Référence : ${request.reference}.`,
            '',
            this.deps.organisation(),
          ].join('\n'),
        })
        providerId = sent.messageId
      } else {
        const sent = await this.deps.sms.send({
          to,
          text: `${this.deps.organisation()} : réglez ${amount} par carte sur ${request.payUrl} (valable jusqu’au ${until}).`,
        })
        providerId = sent.messageId
      }
    } catch (error) {
      detail = error instanceof Error ? error.message.slice(0, 300) : String(error)
      this.deps.log({
        level: 'warn',
        msg: 'payment link not sent',
        requestId: request.id,
        channel: input.channel,
      })
    }
    this.record(actor, request.id, detail ? 'failed' : 'sent', input.channel, to, providerId, detail, null)
    if (detail) throw AppError.field('to', 'validation.paymentLinkSendFailed')
    return this.view(request.id)
  }

  view(requestId: string): PaymentLinkView {
    const request = this.deps.requests.get(requestId)
    const events = this.deps.repo.db
      .select()
      .from(paymentLinkEvents)
      .where(eq(paymentLinkEvents.requestId, requestId))
      .orderBy(asc(paymentLinkEvents.createdAt), asc(paymentLinkEvents.id))
      .limit(100)
      .all()
    const paid = request.outcomes.find((o) => o.outcome === 'paid')
    const paymentId = paid
      ? (this.deps.repo.db
          .select({ paymentId: paymentOutcomes.paymentId })
          .from(paymentOutcomes)
          .where(and(eq(paymentOutcomes.requestId, requestId), eq(paymentOutcomes.outcome, 'paid')))
          .get()?.paymentId ?? null)
      : null
    const opens = this.deps.repo.db
      .select()
      .from(paymentLinkOpens)
      .where(eq(paymentLinkOpens.id, requestId))
      .get()
    return {
      requestId,
      state: linkState(request.state, events, !!opens),
      paymentId,
      opened: opens
        ? { firstAt: opens.firstOpenedAt, lastAt: opens.lastOpenedAt, count: opens.openCount }
        : null,
      events: events.map((e) => ({
        kind: e.kind,
        channel: e.channel,
        recipient: e.recipient,
        detail: e.detail,
        createdAt: e.createdAt,
      })),
    }
  }

  /** The links of a customer's latest requests (same 20 as the payments panel). */
  ofCustomer(customerId: string): PaymentLinkView[] {
    return this.deps.requests.overview(customerId).requests.map((r) => this.view(r.id))
  }

  /**
   * Emails the receipt of every settled gateway payment whose request has an email and got no
   * receipt yet. Run after sync pulls the hub's outcomes; the unique (payment, kind) index makes
   * a second run (or a second desk process) unable to record the same receipt twice.
   */
  mailReceipts(actor: Actor = { staffId: null, deskId: this.deps.repo.deskId }): Promise<number> {
    // One sweep at a time in this process: the timer and a caller must not both mail a receipt.
    const run = (this.sweep ?? Promise.resolve(0)).then(() => this.sweepReceipts(actor))
    this.sweep = run.catch(() => 0)
    return run
  }

  private sweep: Promise<number> | null = null

  private async sweepReceipts(actor: Actor): Promise<number> {
    const due = this.deps.repo.sqlite
      .prepare(
        `SELECT o.payment_id AS paymentId, r.id AS requestId, r.email AS email
         FROM payment_outcomes o JOIN payment_requests r ON r.id = o.request_id
         WHERE o.outcome = 'paid' AND o.payment_id IS NOT NULL AND r.email IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM payment_link_events e
                           WHERE e.payment_id = o.payment_id AND e.kind = 'receipt_sent')
         ORDER BY o.created_at LIMIT 50`,
      )
      .all() as { paymentId: string; requestId: string; email: string }[]
    let sent = 0
    for (const row of due) {
      if (this.receiptFailedRecently(row.paymentId)) continue
      const request = this.deps.requests.get(row.requestId)
      const pdf = await this.deps.receipt(row.paymentId, actor)
      try {
        const mail = await this.deps.mail.send({
          to: row.email,
          subject: `Reçu de votre paiement de ${pdfMoney(request.amountMinor, request.currency)}`,
          text: [
            'Bonjour,',
            '',
            `Nous avons bien reçu votre paiement de ${pdfMoney(request.amountMinor, request.currency)} (référence ${request.reference}).`,
            'Vous trouverez le reçu en pièce jointe.',
            '',
            this.deps.organisation(),
          ].join('\n'),
          attachments: [
            { filename: pdf.fileName, content: Buffer.from(pdf.base64, 'base64'), contentType: pdf.mimeType },
          ],
        })
        this.record(
          actor,
          row.requestId,
          'receipt_sent',
          'email',
          row.email,
          mail.messageId,
          null,
          row.paymentId,
        )
        sent++
      } catch (error) {
        const detail = error instanceof Error ? error.message.slice(0, 300) : String(error)
        this.record(actor, row.requestId, 'receipt_failed', 'email', row.email, null, detail, row.paymentId)
      }
    }
    return sent
  }

  /** A failed receipt mail is retried at most once a quarter of an hour, not at every sync. */
  private receiptFailedRecently(paymentId: string): boolean {
    const last = this.deps.repo.db
      .select({ createdAt: paymentLinkEvents.createdAt })
      .from(paymentLinkEvents)
      .where(
        and(
          eq(paymentLinkEvents.paymentId, paymentId),
          eq(paymentLinkEvents.kind, 'receipt_failed'),
          isNotNull(paymentLinkEvents.paymentId),
        ),
      )
      .orderBy(asc(paymentLinkEvents.createdAt))
      .all()
      .at(-1)
    return !!last && Date.parse(this.deps.repo.nowIso()) - Date.parse(last.createdAt) < 15 * 60_000
  }

  private record(
    actor: Actor,
    requestId: string,
    kind: EventKind,
    channel: 'email' | 'sms',
    recipient: string,
    providerId: string | null,
    detail: string | null,
    paymentId: string | null,
  ) {
    this.deps.repo.write(actor, `payments.link.${kind}`, (unit) => {
      unit.append(paymentLinkEventEntity, {
        id: this.deps.repo.newId(),
        requestId,
        kind,
        channel,
        recipient,
        providerId,
        detail,
        paymentId,
        deskId: this.deps.repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
      })
    })
  }
}
