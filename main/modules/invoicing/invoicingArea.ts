import type { invoicingContract } from '../../../preload/contract/invoicing'
import type { AreaDeps } from '../../app/areaDeps'
import { Mailer } from '../../integrations/mail/mailer'
import type { Handlers } from '../../ipc/router'
import type { HarbourArea } from '../harbour/harbourArea'
import { CashupService } from './cashup'
import { CounterPayments } from './counterPayments'
import { CustomerAccountService } from './customerAccount'
import { InvoiceIssuers } from './invoiceIssuers'
import { InvoiceService } from './invoiceService'
import { PortalAccessService } from './portalAccess'
import { invoiceTotals } from './vatTotals'

export type InvoicingHandlers = Pick<Handlers, keyof typeof invoicingContract>

export interface InvoicingArea {
  handlers: InvoicingHandlers
  invoices: InvoiceService
  /** Who issued each invoice: for the bills other billers issue through the desk. */
  issuers: InvoiceIssuers
  payments: CounterPayments
  account: CustomerAccountService
  cashup: CashupService
  portal: PortalAccessService
  mailer: Mailer
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createInvoicingArea(deps: AreaDeps & { harbour: HarbourArea }): InvoicingArea {
  const timeZone = deps.billing.timeZone
  const issuers = new InvoiceIssuers({ repo: deps.repo, harbour: deps.harbour })
  const invoices = new InvoiceService({
    issuers,
    repo: deps.repo,
    billing: deps.billing,
    customers: deps.customers,
    documents: deps.documents,
    harbour: deps.harbour,
    clock: deps.clock,
  })
  const today = () => invoices.today()
  const payments = new CounterPayments({
    issuers,
    repo: deps.repo,
    billing: deps.billing,
    customers: deps.customers,
    documents: deps.documents,
    invoices,
  })
  const account = new CustomerAccountService({
    repo: deps.repo,
    customers: deps.customers,
    documents: deps.documents,
    harbour: deps.harbour,
    timeZone,
    today,
  })
  const cashup = new CashupService({
    repo: deps.repo,
    documents: deps.documents,
    harbour: deps.harbour,
    timeZone,
    today,
  })
  const mailer = new Mailer({ demo: deps.options.demo, log: deps.log })
  const portal = new PortalAccessService({
    repo: deps.repo,
    customers: deps.customers,
    harbour: deps.harbour,
    mail: mailer,
    today,
  })

  const handlers: InvoicingHandlers = {
    'invoicing.invoices.list': (input) => invoices.list(input),
    'invoicing.invoices.get': ({ id }) => invoices.detail(id),
    'invoicing.invoices.issueService': (input, ctx) => invoices.issueService(ctx.actor(), input),
    'invoicing.invoices.preview': ({ lines }) =>
      invoiceTotals(
        lines.map((l) => ({ quantityMilli: l.quantity, unitNetMinor: l.unitPrice, vatRateBp: l.vatRate })),
      ),
    'invoicing.invoices.issueContract': ({ contractId }, ctx) =>
      invoices.issueContract(ctx.actor(), contractId),
    'invoicing.invoices.creditNote': ({ invoiceId, reason }, ctx) =>
      invoices.creditNote(ctx.actor(), invoiceId, reason),
    'invoicing.invoices.pdf': ({ id }, ctx) => invoices.pdf(id, ctx.actor()),
    'invoicing.payments.record': (input, ctx) => payments.record(ctx.actor(), input),
    'invoicing.payments.cancel': ({ paymentId, reason }, ctx) =>
      payments.cancel(ctx.actor(), paymentId, reason),
    'invoicing.payments.receipt': ({ id }, ctx) => payments.receipt(id, ctx.actor()),
    'invoicing.account': (input) => account.account(input),
    'invoicing.statement': (input) => account.statement(input),
    'invoicing.cashup.day': ({ day }) => cashup.day(day),
    'invoicing.cashup.close': (input, ctx) => cashup.close(ctx.actor(), input),
    'invoicing.cashup.list': (input) => cashup.list(input),
    'invoicing.cashup.zReport': ({ id }) => cashup.zReport(id),
    'invoicing.portal.status': ({ customerId }) => portal.status(customerId),
    'invoicing.portal.send': ({ customerId, check }, ctx) => portal.send(ctx.actor(), customerId, check),
  }

  return {
    handlers,
    invoices,
    issuers,
    payments,
    account,
    cashup,
    portal,
    mailer,
    close: () => {
      void mailer.close()
    },
  }
}
