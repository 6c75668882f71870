/**
 * Gateway payment requests made on a desk: one for an invoice's balance, with an idempotency key,
 * synced to the hub which serves its payment page and records the bank's answer (hub/payments/).
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm'
import { ulid } from 'ulid'
import type {
  CustomerCreditView,
  CustomerPaymentsOverview,
  PaymentRequestView,
} from '../../../preload/contract/payments'
import type { Clock } from '../../app/clock'
import { customerCredits, invoices, paymentOutcomes, paymentRequests } from '../../db/schema'
import { amanpayCode, fatouratiReference } from '../../integrations/fatourati/reference'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'
import type { BillingService } from '../billing/billingService'
import { decodeKeyset, keysetPage, olderThan } from './keyset'
import { GATEWAY_CURRENCY, type GatewayName, REQUEST_VALIDITY_HOURS, requestState } from './requestState'

export const paymentRequestEntity: EntityDef<typeof paymentRequests> = {
  name: 'payment_request',
  table: paymentRequests,
  synced: true,
  versioned: false,
}

export interface PaymentRequestsDeps {
  repo: Repository
  clock: Clock
  billing: BillingService
  /** The hub's address as this desk knows it (payment links point there). */
  hubUrl: () => string | null
}

/** The FATOURATI biller and créance codes this organisation was given (assumed; docs/payments.md). */
export const FATOURATI_BILLER = { biller: '7421', creance: '01' }

/**
 * What the gateway will know the request by: for cards 12 characters of A–Z 0–9 (the safe limit
 * of every gateway), random; a FATOURATI reference or AmanPay code, digits with a check digit.
 */
export function newGatewayReference(gateway: GatewayName = 'monetico'): string {
  if (gateway === 'fatourati') return fatouratiReference(FATOURATI_BILLER.biller, FATOURATI_BILLER.creance)
  if (gateway === 'amanpay') return amanpayCode()
  return ulid().slice(-12)
}

export class PaymentRequests {
  constructor(private readonly deps: PaymentRequestsDeps) {}

  create(
    actor: Actor,
    input: { invoiceId: string; gateway: GatewayName; email?: string | undefined; idempotencyKey: string },
  ): PaymentRequestView {
    const { repo, clock, billing } = this.deps
    const existing = repo.db
      .select()
      .from(paymentRequests)
      .where(eq(paymentRequests.idempotencyKey, input.idempotencyKey))
      .get()
    if (existing) {
      if (existing.invoiceId !== input.invoiceId || existing.gateway !== input.gateway)
        throw AppError.field('idempotencyKey', 'validation.paymentIdempotencyKey')
      return this.view(existing)
    }
    const invoice = billing.invoice(input.invoiceId)
    if (invoice.currency !== GATEWAY_CURRENCY[input.gateway])
      throw AppError.field('gateway', 'validation.paymentGatewayCurrency', { currency: invoice.currency })
    const id = repo.newId()
    repo.write(actor, 'payments.request', (unit) => {
      // Read inside the write: the balance the request asks for is the one at this instant.
      const { dueMinor } = billing.balance(invoice.id)
      if (dueMinor <= 0) throw AppError.field('invoiceId', 'validation.paymentNothingDue')
      const now = clock.now()
      unit.append(paymentRequestEntity, {
        id,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        gateway: input.gateway,
        reference: newGatewayReference(input.gateway),
        amountMinor: dueMinor,
        currency: invoice.currency,
        email: input.email ?? null,
        idempotencyKey: input.idempotencyKey,
        expiresAt: new Date(now.getTime() + REQUEST_VALIDITY_HOURS[input.gateway] * 3_600_000).toISOString(),
        deskId: repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
      })
    })
    return this.view(repo.db.select().from(paymentRequests).where(eq(paymentRequests.id, id)).get()!)
  }

  /** The requests of one invoice, newest first (a handful per invoice; capped). */
  ofInvoice(invoiceId: string): PaymentRequestView[] {
    return this.deps.repo.db
      .select()
      .from(paymentRequests)
      .where(eq(paymentRequests.invoiceId, invoiceId))
      .orderBy(desc(paymentRequests.createdAt))
      .limit(50)
      .all()
      .map((r) => this.view(r))
  }

  get(id: string): PaymentRequestView {
    const row = this.deps.repo.db.select().from(paymentRequests).where(eq(paymentRequests.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'payment_request', id })
    return this.view(row)
  }

  /** A customer's latest requests (20) and credits (20), and their invoices still due (latest 20). */
  overview(customerId: string): CustomerPaymentsOverview {
    const { repo, billing } = this.deps
    // Invoices are read here only to list a customer's open ones: BillingService has no such
    // query yet (asked of the invoicing area); amounts come from billing.balance.
    const recent = repo.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.customerId, customerId), ne(invoices.kind, 'credit_note')))
      .orderBy(desc(invoices.createdAt))
      .limit(100)
      .all()
    const openInvoices = recent
      .map(({ id }) => {
        const invoice = billing.invoice(id)
        const b = billing.balance(id)
        return {
          id,
          invoiceNumber: invoice.invoiceNumber,
          label: invoice.label,
          currency: b.currency,
          dueMinor: b.dueMinor,
          totalMinor: b.totalMinor,
          createdAt: invoice.createdAt,
        }
      })
      .filter((i) => i.dueMinor > 0)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, 20)
      .map(({ createdAt: _, ...rest }) => rest)
    const requests = repo.db
      .select()
      .from(paymentRequests)
      .where(eq(paymentRequests.customerId, customerId))
      .orderBy(desc(paymentRequests.createdAt))
      .limit(20)
      .all()
      .map((r) => this.view(r))
    const credits = repo.db
      .select()
      .from(customerCredits)
      .where(eq(customerCredits.customerId, customerId))
      .orderBy(desc(customerCredits.createdAt))
      .limit(20)
      .all() as CustomerCreditView[]
    return { openInvoices, requests, credits }
  }

  /** Credits owed to customers, newest first, by keyset (createdAt, id). */
  credits(
    cursor: string | undefined,
    limit = 50,
  ): { items: CustomerCreditView[]; nextCursor: string | null } {
    const rows = this.deps.repo.db
      .select()
      .from(customerCredits)
      .where(olderThan(customerCredits.createdAt, customerCredits.id, decodeKeyset(cursor)))
      .orderBy(desc(customerCredits.createdAt), desc(customerCredits.id))
      .limit(limit + 1)
      .all()
    return keysetPage(rows, limit, (r) => r as CustomerCreditView)
  }

  private view(row: typeof paymentRequests.$inferSelect): PaymentRequestView {
    const outcomes = this.deps.repo.db
      .select()
      .from(paymentOutcomes)
      .where(eq(paymentOutcomes.requestId, row.id))
      .orderBy(asc(paymentOutcomes.createdAt))
      .all()
    const hub = this.deps.hubUrl()
    return {
      id: row.id,
      invoiceId: row.invoiceId,
      customerId: row.customerId,
      gateway: row.gateway,
      reference: row.reference,
      amountMinor: row.amountMinor,
      currency: row.currency,
      email: row.email,
      state: requestState(row.expiresAt, outcomes, this.deps.clock.now()),
      payUrl:
        hub && (row.gateway === 'monetico' || row.gateway === 'cmi')
          ? `${hub.replace(/\/$/, '')}/pay/${row.id}`
          : null,
      expiresAt: row.expiresAt,
      createdAt: row.createdAt,
      outcomes: outcomes.map((o) => ({
        outcome: o.outcome,
        amountMinor: o.amountMinor,
        authorisation: o.authorisation,
        maskedPan: o.maskedPan,
        detail: o.detail,
        receivedAt: o.receivedAt,
      })),
    }
  }
}
