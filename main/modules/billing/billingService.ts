import { and, eq, sql } from 'drizzle-orm'
import { cashups, invoiceLines, invoices, payments, seriesVoids } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository, UnitOfWork } from '../../repo/repository'
import { invoiceTotals, type VatLineInput } from '../invoicing/vatTotals'
import { businessDay, deskTimeZone } from './businessDay'

/*
 * The money core that sync needs and the harbour and payment modules build on: issued invoices
 * numbered per desk series, explicit voids for unused numbers, and append-only payments.
 */

export const invoiceEntity: EntityDef<typeof invoices> = {
  name: 'invoice',
  table: invoices,
  synced: true,
  versioned: false,
}
export const invoiceLineEntity: EntityDef<typeof invoiceLines> = {
  name: 'invoice_line',
  table: invoiceLines,
  synced: true,
  versioned: false,
}
export const paymentEntity: EntityDef<typeof payments> = {
  name: 'payment',
  table: payments,
  synced: true,
  versioned: false,
}
export const seriesVoidEntity: EntityDef<typeof seriesVoids> = {
  name: 'series_void',
  table: seriesVoids,
  synced: true,
  versioned: false,
}

/** This desk's series for a year: `2026-C01`. */
export function seriesFor(deskId: string, issueDate: string): string {
  return `${issueDate.slice(0, 4)}-${deskId}`
}

export function formatInvoiceNumber(series: string, number: number): string {
  return `${series}-${String(number).padStart(6, '0')}`
}

export type InvoiceKind = 'contract' | 'service' | 'credit_note' | 'bill'

export interface NewInvoiceLine extends VatLineInput {
  label: string
}

export interface NewInvoice {
  customerId: string
  kind: InvoiceKind
  label: string
  issueDate: string
  currency: string
  /** Ignored when `lines` are given: the totals are then computed from them (BR-CO-17). */
  totalNetMinor: number
  totalVatMinor: number
  creditedInvoiceId?: string
  lines?: NewInvoiceLine[]
  contractId?: string
  instalmentNo?: number
  instalmentCount?: number
  /** A credit note's reason. */
  reason?: string
}

export interface IssueOptions {
  /**
   * The number the caller printed on the document it is about to keep: if another writer took it
   * meanwhile, the write is refused with NumberTaken (nothing written) and the caller renders again.
   */
  expectedNumber?: number
  /** Further work in the same transaction (keeping the PDF), given the invoice just written. */
  attach?: (unit: UnitOfWork, invoice: typeof invoices.$inferSelect) => void
}

/** Raised when the number a document was rendered with was taken by a concurrent writer. */
export class NumberTaken extends Error {
  constructor(readonly series: string) {
    super(`next number of ${series} taken meanwhile`)
  }
}

export interface NewPayment {
  invoiceId: string
  method: string
  amountMinor: number
  reference?: string
  receivedAt?: string
  /** Method-specific facts (cash tendered, cheque bank and drawer, transfer date…). */
  details?: Record<string, unknown>
  /** Id chosen by the caller (the receipt printed before the write carries it). */
  id?: string
  /** The balance the caller showed (on the receipt): refused with BalanceChanged if it moved. */
  expectedDueMinor?: number
  attach?: (unit: UnitOfWork, payment: typeof payments.$inferSelect) => void
}

export class BalanceChanged extends Error {}

export interface InvoiceBalance {
  totalMinor: number
  paidMinor: number
  /** Gross of the credit notes issued against it (a positive number). */
  creditedMinor: number
  dueMinor: number
  currency: string
}

export type InvoiceStatus = 'unpaid' | 'partly_paid' | 'paid' | 'credited' | 'credit_note'

export class BillingService {
  constructor(
    private readonly repo: Repository,
    readonly timeZone: string = deskTimeZone(),
  ) {}

  /** The next number of a series: one past the highest used or voided (the series is this desk's alone). */
  private nextNumber(series: string): number {
    const row = this.repo.sqlite
      .prepare(
        `SELECT max(n) AS n FROM (SELECT max(number) AS n FROM invoices WHERE series = ?
         UNION ALL SELECT max(number) FROM series_voids WHERE series = ?)`,
      )
      .get(series, series) as { n: number | null }
    return (row.n ?? 0) + 1
  }

  /** The number the next invoice of that date would get, if nobody else issues first. */
  peekNumber(issueDate: string): { series: string; number: number; invoiceNumber: string } {
    const series = seriesFor(this.repo.deskId, issueDate)
    const number = this.nextNumber(series)
    return { series, number, invoiceNumber: formatInvoiceNumber(series, number) }
  }

  issueInvoice(actor: Actor, input: NewInvoice, options: IssueOptions = {}) {
    const totals = input.lines
      ? invoiceTotals(input.lines)
      : {
          totalNetMinor: input.totalNetMinor,
          totalVatMinor: input.totalVatMinor,
          lineNetMinor: [] as number[],
        }
    if (!Number.isInteger(totals.totalNetMinor) || !Number.isInteger(totals.totalVatMinor)) {
      throw AppError.field('totalNetMinor', 'validation.amountMinor')
    }
    return this.repo.write(actor, 'invoice.issue', (unit) => {
      const series = seriesFor(this.repo.deskId, input.issueDate)
      const number = this.nextNumber(series)
      if (options.expectedNumber !== undefined && options.expectedNumber !== number) {
        throw new NumberTaken(series)
      }
      // Chronological within the series: a number never carries an earlier date than the one before.
      const last = this.repo.sqlite
        .prepare('SELECT max(issue_date) AS d FROM invoices WHERE series = ?')
        .get(series) as { d: string | null }
      if (last.d && last.d > input.issueDate) {
        throw AppError.field('issueDate', 'validation.issueDateBeforeLast', { date: last.d })
      }
      const invoice = unit.append(invoiceEntity, {
        id: this.repo.newId(),
        series,
        number,
        invoiceNumber: formatInvoiceNumber(series, number),
        customerId: input.customerId,
        kind: input.kind,
        label: input.label,
        issueDate: input.issueDate,
        currency: input.currency,
        totalNetMinor: totals.totalNetMinor,
        totalVatMinor: totals.totalVatMinor,
        totalGrossMinor: totals.totalNetMinor + totals.totalVatMinor,
        creditedInvoiceId: input.creditedInvoiceId ?? null,
        deskId: this.repo.deskId,
        createdAt: unit.now,
        contractId: input.contractId ?? null,
        instalmentNo: input.instalmentNo ?? null,
        instalmentCount: input.instalmentCount ?? null,
        reason: input.reason ?? null,
      })
      input.lines?.forEach((line, position) => {
        unit.append(invoiceLineEntity, {
          id: this.repo.newId(),
          invoiceId: invoice.id,
          position,
          label: line.label,
          quantityMilli: line.quantityMilli,
          unitNetMinor: line.unitNetMinor,
          vatRateBp: line.vatRateBp,
          lineNetMinor: totals.lineNetMinor[position]!,
          deskId: this.repo.deskId,
          createdAt: unit.now,
        })
      })
      options.attach?.(unit, invoice)
      return invoice
    })
  }

  /** Records that `number` of `series` will never be used (e.g. its invoice was refused by the hub). */
  voidNumber(actor: Actor, series: string, number: number, reason: string) {
    return this.repo.write(actor, 'series.void', (unit) =>
      unit.append(seriesVoidEntity, {
        id: this.repo.newId(),
        series,
        number,
        reason,
        deskId: this.repo.deskId,
        createdAt: unit.now,
      }),
    )
  }

  invoice(invoiceId: string) {
    const invoice = this.repo.db.select().from(invoices).where(eq(invoices.id, invoiceId)).get()
    if (!invoice) throw new AppError('NOT_FOUND', { entity: 'invoice', id: invoiceId })
    return invoice
  }

  lines(invoiceId: string) {
    return this.repo.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoiceId))
      .orderBy(invoiceLines.position)
      .all()
  }

  /** Amount still due on an invoice as this desk knows it: total minus payments minus credit notes. */
  balance(invoiceId: string): InvoiceBalance {
    const invoice = this.invoice(invoiceId)
    const paid = this.repo.db
      .select({ s: sql<number>`coalesce(sum(${payments.amountMinor}), 0)` })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoiceId)))
      .get()!.s
    // INDEXED BY: nearly every invoice has no credit note, so after ANALYZE the planner would rate
    // the index as unselective and scan the table.
    const credited = -(
      this.repo.sqlite
        .prepare(
          `SELECT coalesce(sum(total_gross_minor), 0) AS s FROM invoices INDEXED BY invoices_credited_idx
           WHERE credited_invoice_id = ?`,
        )
        .get(invoiceId) as { s: number }
    ).s
    return {
      totalMinor: invoice.totalGrossMinor,
      paidMinor: paid,
      creditedMinor: credited,
      dueMinor: invoice.totalGrossMinor - paid - credited,
      currency: invoice.currency,
    }
  }

  status(invoiceId: string): InvoiceStatus {
    const invoice = this.invoice(invoiceId)
    if (invoice.kind === 'credit_note') return 'credit_note'
    const b = this.balance(invoiceId)
    return statusOf(invoice.totalGrossMinor, b.paidMinor, b.creditedMinor)
  }

  /** Whether this desk closed its cash for the business day of `instant`. */
  dayClosed(instant: string): boolean {
    const day = businessDay(instant, this.timeZone)
    return !!this.repo.db
      .select({ id: cashups.id })
      .from(cashups)
      .where(and(eq(cashups.deskId, this.repo.deskId), eq(cashups.day, day)))
      .get()
  }

  /** One payment settles one invoice, possibly partly; never more than its balance. */
  recordPayment(actor: Actor, input: NewPayment) {
    if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
      throw AppError.field('amountMinor', 'validation.amountPositive')
    }
    return this.repo.write(actor, 'payment.record', (unit) => {
      const invoice = this.invoice(input.invoiceId)
      if (invoice.kind === 'credit_note') throw AppError.field('invoiceId', 'validation.invoiceIsCreditNote')
      const balance = this.balance(input.invoiceId)
      if (balance.creditedMinor > 0) throw AppError.field('invoiceId', 'validation.invoiceCredited')
      if (balance.dueMinor <= 0) throw AppError.field('invoiceId', 'validation.invoicePaid')
      if (input.amountMinor > balance.dueMinor)
        throw AppError.field('amountMinor', 'validation.amountOverBalance', { dueMinor: balance.dueMinor })
      if (input.expectedDueMinor !== undefined && input.expectedDueMinor !== balance.dueMinor) {
        throw new BalanceChanged()
      }
      const receivedAt = input.receivedAt ?? unit.now
      if (this.dayClosed(receivedAt)) throw AppError.field('amountMinor', 'validation.dayClosed')
      const payment = unit.append(paymentEntity, {
        id: input.id ?? this.repo.newId(),
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        method: input.method,
        amountMinor: input.amountMinor,
        currency: invoice.currency,
        receivedAt,
        reference: input.reference ?? null,
        reversesId: null,
        deskId: this.repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
        details: input.details ? JSON.stringify(input.details) : null,
        reason: null,
      })
      input.attach?.(unit, payment)
      return payment
    })
  }

  /**
   * Cancels a payment by appending its reversal (same method and reference, opposite amount, the
   * reason): the original row stays as it was, and balances, which are sums, fall back.
   */
  reversePayment(actor: Actor, paymentId: string, reason: string) {
    return this.repo.write(actor, 'payment.reverse', (unit) => {
      const original = this.repo.db.select().from(payments).where(eq(payments.id, paymentId)).get()
      if (!original) throw new AppError('NOT_FOUND', { entity: 'payment', id: paymentId })
      if (original.reversesId) throw AppError.field('paymentId', 'validation.paymentIsReversal')
      const already = this.repo.db
        .select({ id: payments.id })
        .from(payments)
        .where(eq(payments.reversesId, paymentId))
        .get()
      if (already) throw AppError.field('paymentId', 'validation.paymentAlreadyCancelled')
      // A closed day's figures were counted and signed for: neither its payments nor the day the
      // reversal would fall in may change any more.
      if (
        (original.deskId === this.repo.deskId && this.dayClosed(original.receivedAt)) ||
        this.dayClosed(unit.now)
      ) {
        throw AppError.field('reason', 'validation.dayClosed')
      }
      return unit.append(paymentEntity, {
        id: this.repo.newId(),
        invoiceId: original.invoiceId,
        customerId: original.customerId,
        method: original.method,
        amountMinor: -original.amountMinor,
        currency: original.currency,
        receivedAt: unit.now,
        reference: original.reference,
        reversesId: original.id,
        deskId: this.repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
        details: null,
        reason,
      })
    })
  }
}

export function statusOf(totalMinor: number, paidMinor: number, creditedMinor: number): InvoiceStatus {
  if (creditedMinor > 0) return 'credited'
  if (paidMinor >= totalMinor) return 'paid'
  return paidMinor > 0 ? 'partly_paid' : 'unpaid'
}
