import { and, eq, sql } from 'drizzle-orm'
import { invoices, payments, seriesVoids } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'

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

export interface NewInvoice {
  customerId: string
  kind: 'contract' | 'service' | 'credit_note' | 'bill'
  label: string
  issueDate: string
  currency: string
  totalNetMinor: number
  totalVatMinor: number
  creditedInvoiceId?: string
}

export interface NewPayment {
  invoiceId: string
  method: string
  amountMinor: number
  reference?: string
  receivedAt?: string
}

export class BillingService {
  constructor(private readonly repo: Repository) {}

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

  issueInvoice(actor: Actor, input: NewInvoice) {
    if (!Number.isInteger(input.totalNetMinor) || !Number.isInteger(input.totalVatMinor)) {
      throw AppError.field('totalNetMinor', 'validation.amountMinor')
    }
    return this.repo.write(actor, 'invoice.issue', (unit) => {
      const series = seriesFor(this.repo.deskId, input.issueDate)
      const number = this.nextNumber(series)
      return unit.append(invoiceEntity, {
        id: this.repo.newId(),
        series,
        number,
        invoiceNumber: formatInvoiceNumber(series, number),
        customerId: input.customerId,
        kind: input.kind,
        label: input.label,
        issueDate: input.issueDate,
        currency: input.currency,
        totalNetMinor: input.totalNetMinor,
        totalVatMinor: input.totalVatMinor,
        totalGrossMinor: input.totalNetMinor + input.totalVatMinor,
        creditedInvoiceId: input.creditedInvoiceId ?? null,
        deskId: this.repo.deskId,
        createdAt: unit.now,
      })
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

  /** Amount still due on an invoice as this desk knows it: total minus the sum of its payments. */
  balance(invoiceId: string): { totalMinor: number; paidMinor: number; dueMinor: number; currency: string } {
    const invoice = this.repo.db.select().from(invoices).where(eq(invoices.id, invoiceId)).get()
    if (!invoice) throw new AppError('NOT_FOUND', { entity: 'invoice', id: invoiceId })
    const paid = this.repo.db
      .select({ s: sql<number>`coalesce(sum(${payments.amountMinor}), 0)` })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoiceId)))
      .get()!.s
    return {
      totalMinor: invoice.totalGrossMinor,
      paidMinor: paid,
      dueMinor: invoice.totalGrossMinor - paid,
      currency: invoice.currency,
    }
  }

  /** One payment settles one invoice, possibly partly; never more than its balance. */
  recordPayment(actor: Actor, input: NewPayment) {
    if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
      throw AppError.field('amountMinor', 'validation.amountPositive')
    }
    return this.repo.write(actor, 'payment.record', (unit) => {
      const invoice = this.repo.db.select().from(invoices).where(eq(invoices.id, input.invoiceId)).get()
      if (!invoice) throw new AppError('NOT_FOUND', { entity: 'invoice', id: input.invoiceId })
      const { dueMinor } = this.balance(input.invoiceId)
      if (input.amountMinor > dueMinor)
        throw AppError.field('amountMinor', 'validation.amountOverBalance', { dueMinor })
      return unit.append(paymentEntity, {
        id: this.repo.newId(),
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        method: input.method,
        amountMinor: input.amountMinor,
        currency: invoice.currency,
        receivedAt: input.receivedAt ?? unit.now,
        reference: input.reference ?? null,
        reversesId: null,
        deskId: this.repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
      })
    })
  }
}
