import { and, desc, eq, inArray, like, lt, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Page } from '../../../preload/contract/common'
import type {
  InvoiceDetail,
  InvoiceListItem,
  InvoiceStatus,
  PaymentView,
  serviceInvoiceInput,
} from '../../../preload/contract/invoicing'
import type { Clock } from '../../app/clock'
import { customers, invoices, payments, storedDocuments } from '../../db/schema'
import type { DocumentStore } from '../../documents/documentStore'
import { type InvoicePdfModel, invoiceFileName, renderInvoicePdf } from '../../documents/invoicePdf'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository } from '../../repo/repository'
import {
  type BillingService,
  type NewInvoice,
  type NewInvoiceLine,
  NumberTaken,
  statusOf,
} from '../billing/billingService'
import { businessDay } from '../billing/businessDay'
import type { CustomerService } from '../customers/customerService'
import type { HarbourArea } from '../harbour/harbourArea'
import { contractInstalmentLines } from './contractInstalments'
import { customerParty } from './documentParties'
import type { InvoiceIssuers } from './invoiceIssuers'
import { SerialQueue } from './serialQueue'
import { invoiceTotals, vatOf } from './vatTotals'

export interface InvoiceServiceDeps {
  repo: Repository
  billing: BillingService
  customers: CustomerService
  documents: DocumentStore
  harbour: Pick<HarbourArea, 'contractInvoiceBasis' | 'issuer'>
  issuers: InvoiceIssuers
  clock: Clock
}

type InvoiceRow = typeof invoices.$inferSelect

/** Attempts at rendering again when another process took the number first. */
const MAX_ATTEMPTS = 200

export class InvoiceService {
  private readonly queue = new SerialQueue()

  constructor(private readonly deps: InvoiceServiceDeps) {}

  today(): string {
    return businessDay(this.deps.clock.now().toISOString(), this.deps.billing.timeZone)
  }

  /** A service invoice: free lines (crane, electricity, water, guarding…), each with its VAT rate. */
  issueService(actor: Actor, input: z.output<typeof serviceInvoiceInput>): Promise<InvoiceDetail> {
    const customer = this.deps.customers.get(input.customerId)
    const issuer = this.deps.harbour.issuer()
    const lines: NewInvoiceLine[] = input.lines.map((l) => ({
      label: l.label,
      quantityMilli: l.quantity,
      unitNetMinor: l.unitPrice,
      vatRateBp: l.vatRate,
    }))
    const totals = invoiceTotals(lines)
    if (totals.totalGrossMinor <= 0) throw AppError.field('lines.0.unitPrice', 'validation.amountPositive')
    return this.issue(actor, {
      customerId: customer.id,
      kind: 'service',
      label: input.label || 'Facture de prestation',
      issueDate: input.issueDate ?? this.today(),
      currency: issuer.currency,
      totalNetMinor: 0,
      totalVatMinor: 0,
      lines,
    })
  }

  /**
   * The next instalment of a harbour contract (one invoice when it is paid at once). An instalment
   * whose invoice was credited is invoiced again; a contract fully invoiced is refused.
   */
  issueContract(actor: Actor, contractId: string): Promise<InvoiceDetail> {
    const basis = this.deps.harbour.contractInvoiceBasis(contractId)
    const count = Math.max(1, basis.instalments)
    const issued = this.deps.repo.sqlite
      .prepare(
        `SELECT i.instalment_no AS no FROM invoices i
         WHERE i.contract_id = ? AND i.kind = 'contract'
           AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.credited_invoice_id = i.id)`,
      )
      .all(contractId) as { no: number | null }[]
    const taken = new Set(issued.map((r) => r.no ?? 1))
    const no = Array.from({ length: count }, (_, i) => i + 1).find((n) => !taken.has(n))
    if (!no) throw AppError.field('contractId', 'validation.contractFullyInvoiced')
    const lines: NewInvoiceLine[] = contractInstalmentLines(basis, no)
    return this.issue(actor, {
      customerId: basis.customerId,
      kind: 'contract',
      label: basis.label,
      issueDate: this.today(),
      currency: basis.currency,
      totalNetMinor: 0,
      totalVatMinor: 0,
      lines,
      contractId,
      instalmentNo: no,
      instalmentCount: count,
    })
  }

  /**
   * A credit note cancelling an invoice in full: its lines negated, its own number. An invoice
   * with money on it is refused: the supervisor cancels the payments first (refunding them), so
   * that no customer is left with a credit nobody sees.
   */
  creditNote(actor: Actor, invoiceId: string, reason: string): Promise<InvoiceDetail> {
    const original = this.deps.billing.invoice(invoiceId)
    if (original.kind === 'credit_note') throw AppError.field('invoiceId', 'validation.invoiceIsCreditNote')
    const balance = this.deps.billing.balance(invoiceId)
    if (balance.creditedMinor > 0) throw AppError.field('invoiceId', 'validation.invoiceCredited')
    if (balance.paidMinor > 0) throw AppError.field('invoiceId', 'validation.creditPaidInvoice')
    const lines = this.deps.billing.lines(invoiceId)
    return this.issue(
      actor,
      {
        customerId: original.customerId,
        kind: 'credit_note',
        label: `Avoir sur facture ${original.invoiceNumber}`,
        issueDate: this.today(),
        currency: original.currency,
        totalNetMinor: -original.totalNetMinor,
        totalVatMinor: -original.totalVatMinor,
        creditedInvoiceId: original.id,
        reason,
        ...(lines.length
          ? {
              lines: lines.map((l) => ({
                label: l.label,
                quantityMilli: l.quantityMilli,
                unitNetMinor: -l.unitNetMinor,
                vatRateBp: l.vatRateBp,
              })),
            }
          : {}),
      },
      { invoiceNumber: original.invoiceNumber, issueDate: original.issueDate, reason },
    )
  }

  /** The document model of a stored invoice, as it was issued (lines, totals, credit reference). */
  private modelOf(row: InvoiceRow, invoiceNumber = row.invoiceNumber): InvoicePdfModel {
    const lines = this.deps.billing.lines(row.id)
    const totals = lines.length
      ? invoiceTotals(lines)
      : {
          lineNetMinor: [],
          breakdown: [],
          totalNetMinor: row.totalNetMinor,
          totalVatMinor: row.totalVatMinor,
          totalGrossMinor: row.totalGrossMinor,
        }
    const credited = row.creditedInvoiceId ? this.deps.billing.invoice(row.creditedInvoiceId) : null
    return {
      issuer: this.deps.issuers.of(row.id),
      invoiceNumber,
      kind: row.kind,
      label: row.label,
      issueDate: row.issueDate,
      currency: row.currency,
      customer: customerParty(this.deps.customers.get(row.customerId)),
      lines,
      totals,
      ...(credited
        ? {
            credits: {
              invoiceNumber: credited.invoiceNumber,
              issueDate: credited.issueDate,
              reason: row.reason ?? '',
            },
          }
        : {}),
      ...(row.instalmentNo && row.instalmentCount
        ? { instalment: { no: row.instalmentNo, count: row.instalmentCount } }
        : {}),
    }
  }

  /**
   * Renders the PDF with the number the invoice will get, then writes invoice, lines and PDF in one
   * transaction that checks the number is still free; if another writer took it, renders again.
   */
  private issue(
    actor: Actor,
    input: NewInvoice,
    credits?: InvoicePdfModel['credits'],
  ): Promise<InvoiceDetail> {
    const customer = this.deps.customers.get(input.customerId)
    // A credit note is issued by whoever issued the invoice it cancels; the rest by the harbour.
    const issuer = input.creditedInvoiceId
      ? this.deps.issuers.of(input.creditedInvoiceId)
      : this.deps.harbour.issuer()
    const lines = input.lines ?? []
    const totals = lines.length
      ? invoiceTotals(lines)
      : {
          lineNetMinor: [],
          breakdown: [],
          totalNetMinor: input.totalNetMinor,
          totalVatMinor: input.totalVatMinor,
          totalGrossMinor: input.totalNetMinor + input.totalVatMinor,
        }
    return this.queue.run(async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const next = this.deps.billing.peekNumber(input.issueDate)
        const pdf = await renderInvoicePdf({
          issuer,
          invoiceNumber: next.invoiceNumber,
          kind: input.kind,
          label: input.label,
          issueDate: input.issueDate,
          currency: input.currency,
          customer: customerParty(customer),
          lines,
          totals,
          ...(credits ? { credits } : {}),
          ...(input.instalmentNo && input.instalmentCount
            ? { instalment: { no: input.instalmentNo, count: input.instalmentCount } }
            : {}),
        })
        try {
          const invoice = this.deps.billing.issueInvoice(actor, input, {
            expectedNumber: next.number,
            attach: (unit, row) => {
              this.deps.issuers.keep(unit, row.id, issuer)
              this.deps.documents.keep(unit, {
                kind: 'invoice_pdf',
                ownerEntity: 'invoice',
                ownerId: row.id,
                fileName: invoiceFileName(row.invoiceNumber, row.kind),
                mimeType: 'application/pdf',
                bytes: pdf.bytes,
              })
            },
          })
          return this.detail(invoice.id)
        } catch (error) {
          if (error instanceof NumberTaken) continue
          throw error
        }
      }
      throw new AppError('CONFLICT', undefined, 'invoice number contention')
    })
  }

  detail(id: string): InvoiceDetail {
    const row = this.deps.billing.invoice(id)
    const balance = this.deps.billing.balance(id)
    const lines = this.deps.billing.lines(id)
    const perRate = new Map<number, number>()
    for (const l of lines) perRate.set(l.vatRateBp, (perRate.get(l.vatRateBp) ?? 0) + l.lineNetMinor)
    const creditNotes = this.deps.repo.db
      .select({
        id: invoices.id,
        invoiceNumber: invoices.invoiceNumber,
        totalGrossMinor: invoices.totalGrossMinor,
      })
      .from(invoices)
      .where(eq(invoices.creditedInvoiceId, id))
      .all()
    const credited = row.creditedInvoiceId ? this.deps.billing.invoice(row.creditedInvoiceId) : null
    const pdf = this.deps.documents.list('invoice', id, 'invoice_pdf')[0] ?? null
    const customer = this.deps.repo.db
      .select({ displayName: customers.displayName })
      .from(customers)
      .where(eq(customers.id, row.customerId))
      .get()
    return {
      ...listItem(row, customer?.displayName ?? '', balance.paidMinor, balance.creditedMinor),
      series: row.series,
      number: row.number,
      totalNetMinor: row.totalNetMinor,
      totalVatMinor: row.totalVatMinor,
      creditedMinor: balance.creditedMinor,
      creditedInvoiceId: row.creditedInvoiceId,
      creditedInvoiceNumber: credited?.invoiceNumber ?? null,
      creditNotes,
      contractId: row.contractId,
      instalmentNo: row.instalmentNo,
      instalmentCount: row.instalmentCount,
      lines: lines.map((l) => ({
        position: l.position,
        label: l.label,
        quantityMilli: l.quantityMilli,
        unitNetMinor: l.unitNetMinor,
        vatRateBp: l.vatRateBp,
        lineNetMinor: l.lineNetMinor,
      })),
      vatBreakdown: [...perRate.entries()]
        .sort(([a], [b]) => b - a)
        .map(([vatRateBp, netMinor]) => ({ vatRateBp, netMinor, vatMinor: vatOf(netMinor, vatRateBp) })),
      payments: this.paymentsOf(id),
      pdfDocumentId: pdf?.id ?? null,
      pdfSha256: pdf?.sha256 ?? null,
    }
  }

  paymentsOf(invoiceId: string): PaymentView[] {
    const rows = this.deps.repo.db
      .select()
      .from(payments)
      .where(eq(payments.invoiceId, invoiceId))
      .orderBy(payments.createdAt, payments.id)
      .all()
    const receipts = new Map(
      rows.length
        ? this.deps.repo.db
            .select({ ownerId: storedDocuments.ownerId, id: storedDocuments.id })
            .from(storedDocuments)
            .where(
              and(
                eq(storedDocuments.ownerEntity, 'payment'),
                inArray(
                  storedDocuments.ownerId,
                  rows.map((r) => r.id),
                ),
              ),
            )
            .all()
            .map((d) => [d.ownerId, d.id])
        : [],
    )
    const cancelledBy = new Map(rows.filter((r) => r.reversesId).map((r) => [r.reversesId!, r.id]))
    return rows.map((p) => paymentView(p, receipts.get(p.id) ?? null, cancelledBy.get(p.id) ?? null))
  }

  /** Invoices, newest first, by keyset (id, a ULID, follows creation order). */
  list(input: {
    customerId?: string | undefined
    query?: string | undefined
    cursor?: string | undefined
    limit: number
  }): Page<InvoiceListItem> {
    if (input.cursor && !/^[0-9A-HJKMNP-TV-Z]{26}$/.test(input.cursor)) {
      throw AppError.field('cursor', 'validation.cursor')
    }
    const rows = this.deps.repo.db
      .select({
        invoice: invoices,
        customerName: customers.displayName,
        paid: sql<number>`(SELECT coalesce(sum(p.amount_minor), 0) FROM payments p WHERE p.invoice_id = ${invoices.id})`,
        credited: sql<number>`(SELECT coalesce(-sum(c.total_gross_minor), 0) FROM invoices c INDEXED BY invoices_credited_idx WHERE c.credited_invoice_id = ${invoices.id})`,
      })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(
        and(
          input.customerId ? eq(invoices.customerId, input.customerId) : undefined,
          input.query ? like(invoices.invoiceNumber, `${input.query.replace(/[%_]/g, '')}%`) : undefined,
          input.cursor ? lt(invoices.id, input.cursor) : undefined,
        ),
      )
      .orderBy(desc(invoices.id))
      .limit(input.limit + 1)
      .all()
    const page = rows.slice(0, input.limit)
    return {
      items: page.map((r) => listItem(r.invoice, r.customerName, r.paid, r.credited)),
      nextCursor: rows.length > input.limit ? page[page.length - 1]!.invoice.id : null,
    }
  }

  /**
   * The invoice's archived PDF. An invoice issued on another desk (pulled by sync: documents stay on
   * the desk that made them) or by the demo seeder has none here yet: it is rendered from the stored
   * invoice once, archived, and from then on served byte-identical like any other.
   */
  async pdf(id: string, actor: Actor = { staffId: null, deskId: this.deps.repo.deskId }) {
    const existing = this.deps.documents.list('invoice', id, 'invoice_pdf')[0]
    if (existing) return this.deps.documents.download(existing.id)
    const row = this.deps.billing.invoice(id)
    const rendered = await renderInvoicePdf(this.modelOf(row))
    const kept = this.deps.repo.write(actor, 'invoice.pdf.archive', (unit) => {
      // Another call may have archived it while this one was rendering: serve that one.
      const again = this.deps.documents.list('invoice', id, 'invoice_pdf')[0]
      if (again) return again
      return this.deps.documents.keep(unit, {
        kind: 'invoice_pdf',
        ownerEntity: 'invoice',
        ownerId: id,
        fileName: invoiceFileName(row.invoiceNumber, row.kind),
        mimeType: 'application/pdf',
        bytes: rendered.bytes,
      })
    })
    return this.deps.documents.download(kept.id)
  }

  /** Renders an invoice's PDF without keeping it (benchmarks, previews). */
  renderStored(id: string) {
    return renderInvoicePdf(this.modelOf(this.deps.billing.invoice(id)))
  }
}

export function listItem(
  row: InvoiceRow,
  customerName: string,
  paidMinor: number,
  creditedMinor: number,
): InvoiceListItem {
  const isCredit = row.kind === 'credit_note'
  const status: InvoiceStatus = isCredit
    ? 'credit_note'
    : statusOf(row.totalGrossMinor, paidMinor, creditedMinor)
  return {
    id: row.id,
    invoiceNumber: row.invoiceNumber,
    customerId: row.customerId,
    customerName,
    kind: row.kind,
    label: row.label,
    issueDate: row.issueDate,
    currency: row.currency,
    totalGrossMinor: row.totalGrossMinor,
    paidMinor,
    // A credit note is settled against the invoice it corrects, never paid itself.
    dueMinor: isCredit ? 0 : row.totalGrossMinor - paidMinor - creditedMinor,
    status,
  }
}

export function paymentView(
  p: typeof payments.$inferSelect,
  receiptDocumentId: string | null,
  cancelledBy: string | null,
): PaymentView {
  return {
    id: p.id,
    method: p.method,
    amountMinor: p.amountMinor,
    currency: p.currency,
    receivedAt: p.receivedAt,
    reference: p.reference,
    details: p.details ? (JSON.parse(p.details) as Record<string, unknown>) : null,
    reversesId: p.reversesId,
    reason: p.reason,
    cancelledBy,
    deskId: p.deskId,
    receiptDocumentId,
  }
}
