import type Database from 'better-sqlite3'
import type { AccountTotals, CustomerAccount, InvoiceListItem } from '../../../preload/contract/invoicing'
import type { DocumentStore } from '../../documents/documentStore'
import { renderStatementPdf } from '../../documents/statementPdf'
import { AppError } from '../../ipc/appError'
import type { Repository } from '../../repo/repository'
import type { CustomerService } from '../customers/customerService'
import type { HarbourArea } from '../harbour/harbourArea'
import { customerParty } from './documentParties'
import { listItem } from './invoiceService'

type InvoiceRow = Parameters<typeof listItem>[0]

interface Statements {
  totals: Database.Statement
  paid: Database.Statement
  page: Database.Statement
  pageAfter: Database.Statement
  period: Database.Statement
  pdfs: Database.Statement
}

// INDEXED BY: almost every invoice has no credit note, so after ANALYZE the planner rates the
// index as unselective (one NULL key) and scans the whole table for each row of the page.
const ROW = `i.id, i.series, i.number, i.invoice_number AS invoiceNumber, i.customer_id AS customerId, i.kind,
  i.label, i.issue_date AS issueDate, i.currency, i.total_net_minor AS totalNetMinor,
  i.total_vat_minor AS totalVatMinor, i.total_gross_minor AS totalGrossMinor,
  i.credited_invoice_id AS creditedInvoiceId, i.desk_id AS deskId, i.created_at AS createdAt,
  i.contract_id AS contractId, i.instalment_no AS instalmentNo, i.instalment_count AS instalmentCount,
  (SELECT coalesce(sum(p.amount_minor), 0) FROM payments p WHERE p.invoice_id = i.id) AS paid,
  (SELECT coalesce(-sum(c.total_gross_minor), 0) FROM invoices c INDEXED BY invoices_credited_idx
     WHERE c.credited_invoice_id = i.id) AS credited`

/**
 * The "Compte client" of seed 002: every invoice with what was paid and what is due, and the
 * totals (invoiced − paid = balance due). One channel, a handful of indexed statements, so the
 * screen answers in milliseconds even for a customer with hundreds of invoices.
 */
export class CustomerAccountService {
  private readonly sql: Statements

  constructor(
    private readonly deps: {
      repo: Repository
      customers: CustomerService
      documents: DocumentStore
      harbour: Pick<HarbourArea, 'issuer'>
      timeZone: string
      today: () => string
    },
  ) {
    const db = deps.repo.sqlite
    this.sql = {
      totals: db.prepare(
        `SELECT currency, count(*) AS n, coalesce(sum(total_gross_minor), 0) AS invoiced
         FROM invoices WHERE customer_id = ? GROUP BY currency`,
      ),
      paid: db.prepare(
        `SELECT currency, coalesce(sum(amount_minor), 0) AS paid FROM payments
         WHERE customer_id = ? GROUP BY currency`,
      ),
      page: db.prepare(
        `SELECT ${ROW} FROM invoices i WHERE i.customer_id = ?
         ORDER BY i.issue_date DESC, i.id DESC LIMIT ?`,
      ),
      pageAfter: db.prepare(
        `SELECT ${ROW} FROM invoices i WHERE i.customer_id = ?
           AND (i.issue_date < ? OR (i.issue_date = ? AND i.id < ?))
         ORDER BY i.issue_date DESC, i.id DESC LIMIT ?`,
      ),
      period: db.prepare(
        `SELECT ${ROW} FROM invoices i WHERE i.customer_id = ? AND i.issue_date BETWEEN ? AND ?
         ORDER BY i.issue_date, i.id`,
      ),
      pdfs: db.prepare(
        `SELECT owner_id AS ownerId, id FROM stored_documents
         WHERE owner_entity = 'invoice' AND kind = 'invoice_pdf'
           AND owner_id IN (SELECT value FROM json_each(?))`,
      ),
    }
  }

  /** The account's totals, one per currency (a marina customer may also owe a MAD bill): never summed across. */
  totals(customerId: string): AccountTotals[] {
    const invoiced = this.sql.totals.all(customerId) as { currency: string; n: number; invoiced: number }[]
    const paid = this.sql.paid.all(customerId) as { currency: string; paid: number }[]
    return totalsByCurrency(
      invoiced.map((r) => ({ currency: r.currency, count: r.n, invoicedMinor: r.invoiced })),
      paid.map((r) => ({ currency: r.currency, paidMinor: r.paid })),
      this.deps.harbour.issuer().currency,
    )
  }

  account(input: { customerId: string; cursor?: string | undefined; limit: number }): CustomerAccount {
    const name = this.customerName(input.customerId)
    let rows: (InvoiceRow & { paid: number; credited: number })[]
    if (input.cursor) {
      const [date, id] = input.cursor.split('|')
      if (!date || !id || !/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw AppError.field('cursor', 'validation.cursor')
      rows = this.sql.pageAfter.all(input.customerId, date, date, id, input.limit + 1) as typeof rows
    } else {
      rows = this.sql.page.all(input.customerId, input.limit + 1) as typeof rows
    }
    const page = rows.slice(0, input.limit)
    const items: InvoiceListItem[] = page.map((r) => listItem(r, name, r.paid, r.credited))
    const pdfRows = this.sql.pdfs.all(JSON.stringify(page.map((r) => r.id))) as {
      ownerId: string
      id: string
    }[]
    const last = page[page.length - 1]
    return {
      customerId: input.customerId,
      totals: this.totals(input.customerId),
      items,
      pdfs: Object.fromEntries(pdfRows.map((d) => [d.ownerId, d.id])),
      nextCursor: rows.length > input.limit && last ? `${last.issueDate}|${last.id}` : null,
    }
  }

  /** The account statement of a period as PDF: its invoices, what was paid on them, the totals. */
  async statement(input: { customerId: string; from: string; to: string }) {
    const customer = this.deps.customers.get(input.customerId)
    const rows = this.sql.period.all(input.customerId, input.from, input.to) as (InvoiceRow & {
      paid: number
      credited: number
    })[]
    const items = rows.map((r) => listItem(r, customer.displayName, r.paid, r.credited))
    const totals = totalsByCurrency(
      items.map((i) => ({ currency: i.currency, count: 1, invoicedMinor: i.totalGrossMinor })),
      items.map((i) => ({ currency: i.currency, paidMinor: i.paidMinor })),
      this.deps.harbour.issuer().currency,
    )
    const pdf = await renderStatementPdf({
      issuer: this.deps.harbour.issuer(),
      customer: customerParty(customer),
      from: input.from,
      to: input.to,
      printedOn: this.deps.today(),
      rows: items.map((i) => ({
        invoiceNumber: i.invoiceNumber,
        issueDate: i.issueDate,
        label: i.label,
        currency: i.currency,
        totalGrossMinor: i.totalGrossMinor,
        paidMinor: i.paidMinor,
        dueMinor: i.dueMinor,
      })),
      totals: totals.map(({ currency, invoicedMinor, paidMinor, dueMinor }) => ({
        currency,
        invoicedMinor,
        paidMinor,
        dueMinor,
      })),
    })
    return {
      fileName: `releve-${customer.customerNumber}-${input.from}-${input.to}.pdf`,
      mimeType: 'application/pdf',
      base64: pdf.bytes.toString('base64'),
      sha256: pdf.sha256,
    }
  }

  private customerName(id: string): string {
    const row = this.deps.repo.sqlite
      .prepare('SELECT display_name AS n FROM customers WHERE id = ?')
      .get(id) as { n: string } | undefined
    if (!row) throw new AppError('NOT_FOUND', { entity: 'customer', id })
    return row.n
  }
}

/**
 * Totals per currency, sorted by code: invoiced, paid, due = invoiced − paid within each currency.
 * Money of different currencies is never added. With nothing at all, one zero line in `fallback`.
 */
export function totalsByCurrency(
  invoiced: { currency: string; count: number; invoicedMinor: number }[],
  paid: { currency: string; paidMinor: number }[],
  fallback: string,
): AccountTotals[] {
  const by = new Map<string, AccountTotals>()
  const line = (currency: string) => {
    let t = by.get(currency)
    if (!t) {
      t = { currency, invoicedMinor: 0, paidMinor: 0, dueMinor: 0, invoiceCount: 0 }
      by.set(currency, t)
    }
    return t
  }
  for (const r of invoiced) {
    const t = line(r.currency)
    t.invoicedMinor += r.invoicedMinor
    t.invoiceCount += r.count
  }
  for (const r of paid) line(r.currency).paidMinor += r.paidMinor
  if (by.size === 0) line(fallback)
  return [...by.values()]
    .map((t) => ({ ...t, dueMinor: t.invoicedMinor - t.paidMinor }))
    .sort((a, b) => a.currency.localeCompare(b.currency))
}
