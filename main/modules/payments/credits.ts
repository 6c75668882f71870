/**
 * Customer credits to refund (issue #6): money the hub received beyond an invoice's balance, or for
 * an invoice already settled, is owed back to the customer. Every role sees the list; a supervisor
 * records the refund — transfer, cheque or cash, with its reference and a note — as an append-only
 * `customer_credit_refund`, synced like all money. A credit is refunded whole and once: the refund's
 * id is the credit's id, so a second refund is refused here and, from another desk, at the hub.
 * A cash refund is cash out of the desk's till: the day's cash-up subtracts it (see cashup.ts), and
 * it is refused once that day is closed.
 */
import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import type { CreditListItem, RefundMethod } from '../../../preload/contract/payments'
import type { Clock } from '../../app/clock'
import { customerCreditRefunds, customerCredits, paymentOutcomes, paymentRequests } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'
import type { BillingService } from '../billing/billingService'
import type { CustomerService } from '../customers/customerService'
import { decodeKeyset, keysetPage, olderThan } from './keyset'

export const customerCreditRefundEntity: EntityDef<typeof customerCreditRefunds> = {
  name: 'customer_credit_refund',
  table: customerCreditRefunds,
  synced: true,
  versioned: false,
}

const DAY_MS = 86_400_000

export interface CreditRefundRequest {
  creditId: string
  method: RefundMethod
  reference?: string | undefined
  note?: string | undefined
}

/**
 * Why a refund may not be recorded (a field and its `validation.` key), or null. The amount is not
 * asked: a refund is always the credit's whole amount, in its currency.
 */
export function refundRefusal(
  alreadyRefunded: boolean,
  input: Pick<CreditRefundRequest, 'method' | 'reference'>,
): { path: string; key: string } | null {
  if (alreadyRefunded) return { path: 'creditId', key: 'validation.creditAlreadyRefunded' }
  if (input.method !== 'cash' && !input.reference?.trim())
    return { path: 'reference', key: 'validation.required' }
  return null
}

type CreditRow = typeof customerCredits.$inferSelect
type RefundRow = typeof customerCreditRefunds.$inferSelect

export interface CustomerCreditsDeps {
  repo: Repository
  clock: Clock
  billing: BillingService
  customers: CustomerService
}

export class CustomerCredits {
  constructor(private readonly deps: CustomerCreditsDeps) {}

  /** Credits newest first, by keyset (createdAt, id); `status` keeps the open or the refunded ones. */
  list(input: {
    status?: 'open' | 'refunded' | 'all' | undefined
    customerId?: string | undefined
    cursor?: string | undefined
    limit?: number | undefined
  }): { items: CreditListItem[]; nextCursor: string | null } {
    const limit = input.limit ?? 50
    const status = input.status ?? 'all'
    const rows = this.deps.repo.db
      .select({ credit: customerCredits, refund: customerCreditRefunds })
      .from(customerCredits)
      .leftJoin(customerCreditRefunds, eq(customerCreditRefunds.id, customerCredits.id))
      .where(
        and(
          status === 'open' ? isNull(customerCreditRefunds.id) : undefined,
          status === 'refunded' ? isNotNull(customerCreditRefunds.id) : undefined,
          input.customerId ? eq(customerCredits.customerId, input.customerId) : undefined,
          olderThan(customerCredits.createdAt, customerCredits.id, decodeKeyset(input.cursor)),
        ),
      )
      .orderBy(desc(customerCredits.createdAt), desc(customerCredits.id))
      .limit(limit + 1)
      .all()
    const names = new Map<string, string>()
    return keysetPage(rows, limit, (r) => this.view(r.credit, r.refund, names))
  }

  get(id: string): CreditListItem {
    const credit = this.deps.repo.db.select().from(customerCredits).where(eq(customerCredits.id, id)).get()
    if (!credit) throw new AppError('NOT_FOUND', { entity: 'customer_credit', id })
    return this.view(credit, this.refundOf(id) ?? null, new Map())
  }

  /** Of these credits, those not refunded yet (what the customer's payments panel calls "to refund"). */
  openOnly<T extends { id: string }>(credits: T[]): T[] {
    if (credits.length === 0) return credits
    const refunded = new Set(
      this.deps.repo.db
        .select({ id: customerCreditRefunds.id })
        .from(customerCreditRefunds)
        .where(
          inArray(
            customerCreditRefunds.id,
            credits.map((c) => c.id),
          ),
        )
        .all()
        .map((r) => r.id),
    )
    return credits.filter((c) => !refunded.has(c.id))
  }

  /** Records the refund of the whole credit; refused if it was already refunded (here or pulled from another desk). */
  refund(actor: Actor, input: CreditRefundRequest): CreditListItem {
    const { repo } = this.deps
    const credit = repo.db.select().from(customerCredits).where(eq(customerCredits.id, input.creditId)).get()
    if (!credit) throw new AppError('NOT_FOUND', { entity: 'customer_credit', id: input.creditId })
    const refuse = () => {
      const refusal = refundRefusal(!!this.refundOf(credit.id), input)
      if (refusal) throw AppError.field(refusal.path, refusal.key)
      // Cash handed back leaves today's till: it counts in the day's cash-up, so once that day
      // is closed (Z-report printed) no cash may leave it any more.
      if (input.method === 'cash' && this.deps.billing.dayClosed(repo.nowIso()))
        throw AppError.field('method', 'validation.cashRefundDayClosed')
    }
    refuse()
    repo.write(actor, 'payments.creditRefund', (unit) => {
      // Checked again inside the write: two supervisors clicking at once refund once.
      refuse()
      unit.append(customerCreditRefundEntity, {
        id: credit.id,
        customerId: credit.customerId,
        amountMinor: credit.amountMinor,
        currency: credit.currency,
        method: input.method,
        reference: input.reference?.trim() || null,
        note: input.note?.trim() || null,
        deskId: repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
      })
    })
    return this.get(credit.id)
  }

  private refundOf(creditId: string): RefundRow | undefined {
    return this.deps.repo.db
      .select()
      .from(customerCreditRefunds)
      .where(eq(customerCreditRefunds.id, creditId))
      .get()
  }

  private view(credit: CreditRow, refund: RefundRow | null, names: Map<string, string>): CreditListItem {
    const { repo, billing, customers, clock } = this.deps
    let customerName = names.get(credit.customerId)
    if (customerName === undefined) {
      try {
        customerName = customers.get(credit.customerId).displayName
      } catch {
        customerName = ''
      }
      names.set(credit.customerId, customerName)
    }
    let invoiceNumber: string | null = null
    try {
      invoiceNumber = billing.invoice(credit.invoiceId).invoiceNumber
    } catch {
      invoiceNumber = null
    }
    const request = credit.requestId
      ? repo.db
          .select({ gateway: paymentRequests.gateway, reference: paymentRequests.reference })
          .from(paymentRequests)
          .where(eq(paymentRequests.id, credit.requestId))
          .get()
      : undefined
    const outcome = credit.requestId
      ? repo.db
          .select({ authorisation: paymentOutcomes.authorisation })
          .from(paymentOutcomes)
          .where(
            and(eq(paymentOutcomes.requestId, credit.requestId), eq(paymentOutcomes.creditId, credit.id)),
          )
          .get()
      : undefined
    // An open credit's age runs to now; a refunded one's stops at its refund (how long it waited).
    const until = refund ? Date.parse(refund.createdAt) : clock.now().getTime()
    return {
      id: credit.id,
      customerId: credit.customerId,
      invoiceId: credit.invoiceId,
      amountMinor: credit.amountMinor,
      currency: credit.currency,
      reason: credit.reason,
      createdAt: credit.createdAt,
      customerName,
      invoiceNumber,
      origin: request
        ? {
            gateway: request.gateway,
            reference: request.reference,
            authorisation: outcome?.authorisation ?? null,
          }
        : null,
      ageDays: Math.max(0, Math.floor((until - Date.parse(credit.createdAt)) / DAY_MS)),
      status: refund ? 'refunded' : 'open',
      refund: refund
        ? {
            method: refund.method,
            reference: refund.reference,
            note: refund.note,
            staffId: refund.staffId,
            deskId: refund.deskId,
            refundedAt: refund.createdAt,
          }
        : null,
    }
  }
}
