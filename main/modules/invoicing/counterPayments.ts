import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { counterPaymentInput, InvoiceDetail, PaymentRecorded } from '../../../preload/contract/invoicing'
import type { FieldIssue } from '../../../preload/errors'
import { payments } from '../../db/schema'
import type { DocumentStore } from '../../documents/documentStore'
import { pdfDate, pdfMoney } from '../../documents/invoicePdfParts'
import { renderReceiptPdf } from '../../documents/receiptPdf'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository } from '../../repo/repository'
import { BalanceChanged, type BillingService } from '../billing/billingService'
import type { CustomerService } from '../customers/customerService'
import { customerParty } from './documentParties'
import type { InvoiceIssuers } from './invoiceIssuers'
import type { InvoiceService } from './invoiceService'
import { SerialQueue } from './serialQueue'

export type CounterPayment = z.output<typeof counterPaymentInput>

/** How the counter names the methods on receipts and the Z-report; gateway methods keep their code. */
export const methodLabels: Record<string, string> = {
  cash: 'Espèces',
  cheque: 'Chèque',
  transfer: 'Virement bancaire',
  card_terminal: 'Carte bancaire (TPE)',
  card_monetico: 'Carte bancaire en ligne (Monetico)',
  card_cmi: 'Carte bancaire en ligne (CMI)',
  fatourati: 'FATOURATI',
  amanpay: 'AmanPay',
  cash_refund: 'Remboursements en espèces',
}

/** What each method records besides the amount: its reference and its facts, as the receipt words them. */
export function methodFacts(
  input: CounterPayment,
  currency: string,
): {
  reference: string | null
  details: Record<string, unknown>
  lines: string[]
  changeMinor: number | null
} {
  switch (input.method) {
    case 'cash': {
      const tendered = input.tendered ?? input.amount
      if (tendered < input.amount) throw AppError.field('tendered', 'validation.tenderedTooLow')
      const change = tendered - input.amount
      return {
        reference: null,
        details: { tenderedMinor: tendered, changeMinor: change },
        lines: [
          `Somme remise : ${pdfMoney(tendered, currency)} — monnaie rendue : ${pdfMoney(change, currency)}`,
        ],
        changeMinor: change,
      }
    }
    case 'cheque':
      return {
        reference: input.chequeNumber,
        details: { bank: input.bank, drawer: input.drawer },
        lines: [`Chèque n° ${input.chequeNumber} — ${input.bank} — tireur : ${input.drawer}`],
        changeMinor: null,
      }
    case 'transfer':
      return {
        reference: input.reference,
        details: { transferDate: input.transferDate },
        lines: [`Virement réf. ${input.reference} du ${pdfDate(input.transferDate)}`],
        changeMinor: null,
      }
    case 'card_terminal':
      return {
        reference: input.authorisation.toUpperCase(),
        details: {},
        lines: [`N° d’autorisation ${input.authorisation.toUpperCase()}`],
        changeMinor: null,
      }
  }
}

export interface CounterPaymentDeps {
  repo: Repository
  billing: BillingService
  customers: CustomerService
  documents: DocumentStore
  /** The receipt is headed by the issuer of the invoice it settles (a Maroc Telecom bill is not the marina's). */
  issuers: Pick<InvoiceIssuers, 'of'>
  invoices: InvoiceService
}

/** Payments taken at the counter, each with its receipt PDF kept in the same write. */
export class CounterPayments {
  private readonly queue = new SerialQueue()

  constructor(private readonly deps: CounterPaymentDeps) {}

  record(actor: Actor, input: CounterPayment): Promise<PaymentRecorded> {
    const invoice = this.deps.billing.invoice(input.invoiceId)
    const facts = methodFacts(input, invoice.currency)
    const customer = this.deps.customers.get(invoice.customerId)
    const issuer = this.deps.issuers.of(invoice.id)
    return this.queue.run(async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const balance = this.deps.billing.balance(invoice.id)
        const id = this.deps.repo.newId()
        const receivedAt = this.deps.repo.nowIso()
        // Rendered before the write so the receipt is kept with the payment or not at all; the
        // write refuses if the balance printed on it moved meanwhile, and we render again.
        const pdf = await renderReceiptPdf({
          issuer,
          paymentId: id,
          receivedAt,
          timeZone: this.deps.billing.timeZone,
          deskId: this.deps.repo.deskId,
          staffName: null,
          customer: customerParty(customer),
          invoiceNumber: invoice.invoiceNumber,
          invoiceDate: invoice.issueDate,
          invoiceTotalMinor: invoice.totalGrossMinor,
          currency: invoice.currency,
          method: input.method,
          methodLabel: methodLabels[input.method] ?? input.method,
          methodLines: facts.lines,
          amountMinor: input.amount,
          dueAfterMinor: balance.dueMinor - input.amount,
        })
        try {
          const payment = this.deps.billing.recordPayment(actor, {
            id,
            invoiceId: invoice.id,
            method: input.method,
            amountMinor: input.amount,
            receivedAt,
            ...(facts.reference ? { reference: facts.reference } : {}),
            details: facts.details,
            expectedDueMinor: balance.dueMinor,
            attach: (unit, row) => {
              this.deps.documents.keep(unit, {
                kind: 'receipt_pdf',
                ownerEntity: 'payment',
                ownerId: row.id,
                fileName: `recu-${invoice.invoiceNumber}-${row.id}.pdf`,
                mimeType: 'application/pdf',
                bytes: pdf.bytes,
              })
            },
          })
          const detail = this.deps.invoices.detail(invoice.id)
          return {
            payment: detail.payments.find((p) => p.id === payment.id)!,
            changeMinor: facts.changeMinor,
            invoice: detail,
          }
        } catch (error) {
          if (error instanceof BalanceChanged) continue
          throw renamePath(error, 'amountMinor', 'amount')
        }
      }
      throw new AppError('CONFLICT')
    })
  }

  cancel(actor: Actor, paymentId: string, reason: string): InvoiceDetail {
    const reversal = this.deps.billing.reversePayment(actor, paymentId, reason)
    return this.deps.invoices.detail(reversal.invoiceId)
  }

  /**
   * The payment's receipt. A payment taken on another desk (pulled by sync) or seeded has none here
   * yet: it is rendered once from the stored payment, archived, then served byte-identical.
   */
  async receipt(paymentId: string, actor: Actor = { staffId: null, deskId: this.deps.repo.deskId }) {
    const existing = this.deps.documents.list('payment', paymentId, 'receipt_pdf')[0]
    if (existing) return this.deps.documents.download(existing.id)
    const p = this.deps.repo.db.select().from(payments).where(eq(payments.id, paymentId)).get()
    if (!p) throw new AppError('NOT_FOUND', { entity: 'payment', id: paymentId })
    if (p.reversesId) throw new AppError('NOT_FOUND', { entity: 'receipt', id: paymentId })
    const invoice = this.deps.billing.invoice(p.invoiceId)
    const paidUpTo = this.deps.repo.sqlite
      .prepare(
        `SELECT coalesce(sum(amount_minor), 0) AS s FROM payments
         WHERE invoice_id = ? AND (created_at < ? OR (created_at = ? AND id <= ?))`,
      )
      .get(p.invoiceId, p.createdAt, p.createdAt, p.id) as { s: number }
    const rendered = await renderReceiptPdf({
      issuer: this.deps.issuers.of(invoice.id),
      paymentId: p.id,
      receivedAt: p.receivedAt,
      timeZone: this.deps.billing.timeZone,
      deskId: p.deskId,
      staffName: null,
      customer: customerParty(this.deps.customers.get(invoice.customerId)),
      invoiceNumber: invoice.invoiceNumber,
      invoiceDate: invoice.issueDate,
      invoiceTotalMinor: invoice.totalGrossMinor,
      currency: invoice.currency,
      method: p.method,
      methodLabel: methodLabels[p.method] ?? p.method,
      methodLines: storedMethodLines(p, invoice.currency),
      amountMinor: p.amountMinor,
      dueAfterMinor: invoice.totalGrossMinor - paidUpTo.s,
    })
    const kept = this.deps.repo.write(actor, 'payment.receipt.archive', (unit) => {
      const again = this.deps.documents.list('payment', paymentId, 'receipt_pdf')[0]
      if (again) return again
      return this.deps.documents.keep(unit, {
        kind: 'receipt_pdf',
        ownerEntity: 'payment',
        ownerId: p.id,
        fileName: `recu-${invoice.invoiceNumber}-${p.id}.pdf`,
        mimeType: 'application/pdf',
        bytes: rendered.bytes,
      })
    })
    return this.deps.documents.download(kept.id)
  }
}

/** A stored payment's facts worded for its receipt (counter methods; gateway methods show their reference). */
export function storedMethodLines(p: typeof payments.$inferSelect, currency: string): string[] {
  const d = (p.details ? JSON.parse(p.details) : {}) as Record<string, string | number | undefined>
  switch (p.method) {
    case 'cash':
      return typeof d.tenderedMinor === 'number' && typeof d.changeMinor === 'number'
        ? [
            `Somme remise : ${pdfMoney(d.tenderedMinor, currency)} — monnaie rendue : ${pdfMoney(d.changeMinor, currency)}`,
          ]
        : []
    case 'cheque':
      return [`Chèque n° ${p.reference ?? ''} — ${d.bank ?? ''} — tireur : ${d.drawer ?? ''}`]
    case 'transfer':
      return [
        `Virement réf. ${p.reference ?? ''}${d.transferDate ? ` du ${pdfDate(String(d.transferDate))}` : ''}`,
      ]
    case 'card_terminal':
      return [`N° d’autorisation ${p.reference ?? ''}`]
    case 'card_monetico':
    case 'card_cmi':
      // The hub records the bank's masked card number and authorisation, never the card itself.
      return [
        ...(p.reference ? [`Référence ${p.reference}`] : []),
        ...(d.maskedPan || d.authorisation
          ? [
              [
                d.maskedPan ? `Carte ${d.maskedPan}` : null,
                d.authorisation ? `autorisation n° ${d.authorisation}` : null,
              ]
                .filter(Boolean)
                .join(' — '),
            ]
          : []),
      ]
    default:
      return p.reference ? [`Référence ${p.reference}`] : []
  }
}

/** The billing core names its field `amountMinor`; the counter form's field is `amount`. */
function renamePath(error: unknown, from: string, to: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION') return error
  const fields = (error.details as { fields?: FieldIssue[] } | undefined)?.fields
  if (!fields) return error
  return new AppError('VALIDATION', {
    ...error.details,
    fields: fields.map((f) => (f.path === from ? { ...f, path: to } : f)),
  })
}
