import { eq } from 'drizzle-orm'
import type { paymentsContract } from '../../../preload/contract/payments'
import type { paymentsReconciliationContract } from '../../../preload/contract/paymentsReconciliation'
import type { AreaDeps } from '../../app/areaDeps'
import { invoices } from '../../db/schema'
import { SmsGateway } from '../../integrations/sms/smsGateway'
import { AppError } from '../../ipc/appError'
import type { Handlers } from '../../ipc/router'
import type { InvoicingArea } from '../invoicing/invoicingArea'
import { CustomerCredits } from './credits'
import { PaymentLinks } from './paymentLinks'
import { PaymentRequests } from './paymentRequests'
import { Reconciliation } from './reconciliation'
import { referenceSlip } from './referenceSlip'
import { TransferProofs } from './transferProofs'

export type PaymentsHandlers = Pick<
  Handlers,
  keyof typeof paymentsContract | keyof typeof paymentsReconciliationContract
>

export interface PaymentsArea {
  handlers: PaymentsHandlers
  requests: PaymentRequests
  transfers: TransferProofs
  links: PaymentLinks
  credits: CustomerCredits
  sms: SmsGateway
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createPaymentsArea(deps: AreaDeps & { invoicing: InvoicingArea }): PaymentsArea {
  const requests = new PaymentRequests({
    repo: deps.repo,
    clock: deps.clock,
    billing: deps.billing,
    hubUrl: () => deps.sync.status().hubUrl,
  })
  const transfers = new TransferProofs(deps.repo, deps.billing, deps.documents)
  const sms = new SmsGateway({ demo: deps.options.demo })
  const links = new PaymentLinks({
    repo: deps.repo,
    requests,
    customers: deps.customers,
    mail: deps.invoicing.mailer,
    sms,
    receipt: (id, actor) => deps.invoicing.payments.receipt(id, actor),
    organisation: () => `Guichet — ${deps.settings.get().deskName}`,
    log: deps.log,
  })
  // Receipts of gateway payments settled on the hub are mailed once their outcome has synced down.
  const receiptTimer = setInterval(() => {
    void links
      .mailReceipts()
      .catch((error) => deps.log({ level: 'warn', msg: 'receipt mail', error: String(error) }))
  }, 30_000)
  receiptTimer.unref?.()
  const reconciliation = new Reconciliation(deps.repo)
  const credits = new CustomerCredits({
    repo: deps.repo,
    clock: deps.clock,
    billing: deps.billing,
    customers: deps.customers,
  })
  const handlers: PaymentsHandlers = {
    'payments.linkSend': (input, ctx) => links.send(ctx.actor(), input),
    'payments.linksOfCustomer': (input) => links.ofCustomer(input.customerId),
    'payments.reconciliationSummary': (input) => reconciliation.summary(input.from, input.to),
    'payments.settlementImport': (input, ctx) => reconciliation.importSettlement(ctx.actor(), input.file),
    'payments.transferSubmit': (input, ctx) => transfers.submit(ctx.actor(), input),
    'payments.transferFile': (input) => transfers.file(input.id),
    'payments.transferReview': (input, ctx) => transfers.review(ctx.actor(), input),
    'payments.transferList': (input) => transfers.list(input),
    'payments.requestCreate': (input, ctx) => requests.create(ctx.actor(), input),
    'payments.requestsOfInvoice': (input) => requests.ofInvoice(input.invoiceId),
    // The panel's credits are those still to refund: a refunded one is no longer owed.
    'payments.customerOverview': (input) => {
      const overview = requests.overview(input.customerId)
      return { ...overview, credits: credits.openOnly(overview.credits) }
    },
    'payments.credits': (input) => requests.credits(input.cursor, input.limit),
    'payments.creditList': (input) => credits.list(input),
    'payments.creditRefund': (input, ctx) => credits.refund(ctx.actor(), input),
    'payments.requestSlip': async (input) => {
      const request = requests.get(input.id)
      if (request.gateway !== 'fatourati' && request.gateway !== 'amanpay')
        throw new AppError('NOT_FOUND', { entity: 'payment_slip', id: input.id })
      const customer = deps.customers.get(request.customerId)
      const invoice = deps.repo.db.select().from(invoices).where(eq(invoices.id, request.invoiceId)).get()
      const pdf = await referenceSlip(request, {
        customerName: customer.displayName,
        invoiceNumber: invoice?.invoiceNumber ?? '',
        // The slip's issuer and time zone are those of the invoice and its receipt.
        issuer: deps.invoicing.issuers.of(request.invoiceId),
        timeZone: deps.billing.timeZone,
      })
      return {
        fileName: `${request.gateway}-${request.reference}.pdf`,
        mimeType: 'application/pdf',
        base64: pdf.bytes.toString('base64'),
        sha256: pdf.sha256,
      }
    },
  }
  return {
    handlers,
    requests,
    transfers,
    links,
    credits,
    sms,
    close: () => {
      clearInterval(receiptTimer)
      void sms.close()
    },
  }
}
