/**
 * The demo's gateway payments, so that a fresh `npm start` shows every payments screen with data:
 * card payment links just created, sent by email, expired, and paid (CMI, with the bank's
 * authorisation and masked card number); a FATOURATI reference waiting to be paid at an agency; a
 * transfer proof waiting for a supervisor; and two customer credits to refund — a card payment for
 * an invoice the customer had meanwhile settled by cheque at the counter (`already_settled`), and
 * one that paid more than was left after a cash payment (`overpaid`).
 *
 * The EUR links are made for invoices the invoicing seeder left unpaid (the marina); the MAD ones
 * for telecom bills this seeder issues to Moroccan customers (the gateways are Moroccan).
 *
 * Deterministic like the other seeders: its own Repository with a seeded id factory and a clock set
 * before each record, references drawn from a seeded PRNG. Its times are counted back from the
 * hour the desk starts (so that "sent yesterday" is still payable and "sent last week" has expired
 * whatever day the demo is opened): the same seed on the same hour gives the same records.
 *
 * What only the hub makes in real life — payment outcomes and customer credits — is written here as
 * if pulled from the hub: on this desk only, never sent (desks may not send them). The payment a
 * paid link records is a desk payment here, synced, so that the hub knows the invoice is settled.
 * Idempotent: a desk that already has payment requests is left alone.
 */
import type { Core } from '../app/core'
import { customerCredits, paymentOutcomes } from '../db/schema'
import { storedDocumentEntity } from '../documents/documentStore'
import { sha256Hex } from '../documents/pdf'
import { fatouratiReference } from '../integrations/fatourati/reference'
import { BillingService, seriesFor } from '../modules/billing/billingService'
import type { HarbourIssuer } from '../modules/harbour/harbourIssuer'
import { keepInvoiceIssuer } from '../modules/invoicing/invoiceIssuers'
import { paymentLinkEventEntity } from '../modules/payments/paymentLinks'
import { FATOURATI_BILLER, paymentRequestEntity } from '../modules/payments/paymentRequests'
import { type GatewayName, REQUEST_VALIDITY_HOURS } from '../modules/payments/requestState'
import { transferProofEntity } from '../modules/payments/transferProofs'
import type { EntityDef } from '../repo/entities'
import { type Actor, Repository, type UnitOfWork } from '../repo/repository'
import { SettableClock } from './demoTimeline'
import { seededUlidFactory } from './seededIds'
import { SeededRandom } from './seededRandom'

const PAYMENTS_STREAM = 13
const ID_SEED_OFFSET = 0x506179
const HOUR = 3_600_000
const DAY = 24 * HOUR
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

// Records the hub makes, written here as if pulled from it: audited, never sent.
const pulledOutcome: EntityDef<typeof paymentOutcomes> = {
  name: 'payment_outcome',
  table: paymentOutcomes,
  synced: false,
  versioned: false,
}
const pulledCredit: EntityDef<typeof customerCredits> = {
  name: 'customer_credit',
  table: customerCredits,
  synced: false,
  versioned: false,
}

export interface PaymentsSeedReport {
  requests: number
  credits: number
  proofs: number
  invoices: number
  ms: number
}

/**
 * The billers of the demo's MAD bills: the bills are theirs, not the marina's, so their invoices
 * and the receipts that settle them are headed by them (recorded per invoice, see invoiceIssuers.ts).
 */
/** The billers of the demo's dirham bills (e2e tests issue their bills under them too). */
export const DEMO_BILLERS = {
  marocTelecom: {
    name: 'Maroc Telecom',
    addressLines: ['Avenue Annakhil, Hay Riad', '10100 Rabat', 'Maroc'],
    email: 'service.client@iam.ma',
    currency: 'MAD',
    defaultVatRateBp: 2000,
  },
  portnet: {
    name: 'PORTNET S.A.',
    addressLines: ['Guichet unique PortNet — www.portnet.ma', 'Casablanca', 'Maroc'],
    email: 'support@portnet.ma',
    currency: 'MAD',
    defaultVatRateBp: 2000,
  },
} satisfies Record<string, HarbourIssuer>

/** The demo's telecom bills (the Maroc Telecom seed: mobile, fixed, internet; PORTNET's forfait). */
const MAD_BILLS = [
  {
    label: 'Facture mobile — octobre 2026',
    line: 'Forfait mobile 20 Go',
    netMinor: 23_750,
    biller: 'marocTelecom',
  },
  {
    label: 'Facture internet — octobre 2026',
    line: 'Abonnement ADSL 20 Méga',
    netMinor: 8_250,
    biller: 'marocTelecom',
  },
  {
    label: 'Facture fixe — octobre 2026',
    line: 'Abonnement fixe et communications',
    netMinor: 15_500,
    biller: 'marocTelecom',
  },
  {
    label: 'Forfait PORTNET 2027 — Package Import',
    line: 'Forfait annuel Import (2027)',
    netMinor: 100_000,
    biller: 'portnet',
  },
] as const

/** A one-page PDF: the scanned transfer order the demo proof stands for. */
function demoProofPdf(reference: string, amount: string): Buffer {
  const text = `Ordre de virement ${reference} - ${amount} MAD`
  const stream = `BT /F1 14 Tf 60 760 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

export function seedPayments(core: Core, options: { seed: number }): PaymentsSeedReport {
  const started = performance.now()
  const report: PaymentsSeedReport = { requests: 0, credits: 0, proofs: 0, invoices: 0, ms: 0 }
  const { db, sqlite } = core.database
  if (sqlite.prepare('SELECT 1 FROM payment_requests LIMIT 1').get()) return report

  const deskId = core.services.repo.deskId
  // The hour the desk starts: every time below is counted back from it.
  const base = Math.floor(Date.parse(core.services.repo.nowIso()) / HOUR) * HOUR
  const clock = new SettableClock(base)
  const repo = new Repository(
    db,
    sqlite,
    clock,
    deskId,
    seededUlidFactory(options.seed + ID_SEED_OFFSET, clock),
  )
  const billing = new BillingService(repo, core.services.billing.timeZone)
  const random = new SeededRandom(options.seed, PAYMENTS_STREAM)
  const actor: Actor = { staffId: null, deskId }
  const at = (t: number) => clock.set(t)
  const iso = (t: number) => new Date(t).toISOString()

  // Invoices the invoicing seeder left wholly unpaid, oldest first; Moroccan customers without any
  // invoice (their account then holds only MAD).
  const unpaidEur = (
    sqlite
      .prepare(
        `SELECT i.id FROM invoices i
         WHERE i.currency = 'EUR' AND i.kind != 'credit_note'
           AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = i.id)
           AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.credited_invoice_id = i.id)
         ORDER BY i.issue_date, i.id LIMIT 4`,
      )
      .all() as { id: string }[]
  ).map((r) => r.id)
  const moroccans = (
    sqlite
      .prepare(
        `SELECT id FROM customers c WHERE country = 'MA'
           AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id)
         ORDER BY customer_number LIMIT ?`,
      )
      .all(MAD_BILLS.length) as { id: string }[]
  ).map((r) => r.id)

  const cardReference = () => Array.from({ length: 12 }, () => random.pick([...ALPHANUMERIC])).join('')
  const referenceOf = (gateway: GatewayName) =>
    gateway === 'fatourati'
      ? fatouratiReference(FATOURATI_BILLER.biller, FATOURATI_BILLER.creance, (max) => random.int(0, max - 1))
      : cardReference()

  /** A payment request for the invoice's balance at `t`, as PaymentRequests.create makes it. */
  const request = (
    unit: UnitOfWork,
    invoiceId: string,
    gateway: GatewayName,
    t: number,
    email: string | null,
  ) => {
    const invoice = billing.invoice(invoiceId)
    const row = unit.append(paymentRequestEntity, {
      id: repo.newId(),
      invoiceId,
      customerId: invoice.customerId,
      gateway,
      reference: referenceOf(gateway),
      amountMinor: billing.balance(invoiceId).dueMinor,
      currency: invoice.currency,
      email,
      idempotencyKey: `demo-${random.digits(16)}`,
      expiresAt: iso(t + REQUEST_VALIDITY_HOURS[gateway] * HOUR),
      deskId,
      staffId: null,
      createdAt: unit.now,
    })
    report.requests++
    return row
  }
  const write = <T>(t: number, action: string, fn: (unit: UnitOfWork) => T): T => {
    at(t)
    return repo.write(actor, action, fn)
  }
  const linkSent = (requestId: string, t: number, channel: 'email' | 'sms', recipient: string) =>
    write(t, 'payments.link.sent', (unit) =>
      unit.append(paymentLinkEventEntity, {
        id: repo.newId(),
        requestId,
        kind: 'sent',
        channel,
        recipient,
        providerId:
          channel === 'sms' ? `demo-sms-${random.digits(8)}` : `<demo-${random.digits(10)}@guichet.local>`,
        detail: null,
        paymentId: null,
        deskId,
        staffId: null,
        createdAt: unit.now,
      }),
    )
  /** The hub's answer to a paid request: the payment of what was due, a credit for the excess. */
  const paidAtHub = (
    req: typeof paymentRequestEntity.table.$inferSelect,
    t: number,
    masked: string,
  ): void => {
    const authorisation = random.digits(6)
    at(t)
    const due = billing.balance(req.invoiceId).dueMinor
    const settled = Math.min(due, req.amountMinor)
    const method = req.gateway === 'monetico' ? 'card_monetico' : `card_${req.gateway}`
    const paymentId =
      settled > 0
        ? billing.recordPayment(actor, {
            invoiceId: req.invoiceId,
            method,
            amountMinor: settled,
            reference: `${req.reference}/${authorisation}`,
            receivedAt: iso(t),
            details: {
              gateway: req.gateway,
              requestId: req.id,
              authorisation,
              maskedPan: masked,
              test: false,
            },
          }).id
        : null
    write(t, 'payments.demo.outcome', (unit) => {
      const excess = req.amountMinor - settled
      const credit =
        excess > 0
          ? unit.append(pulledCredit, {
              id: repo.newId(),
              customerId: req.customerId,
              invoiceId: req.invoiceId,
              requestId: req.id,
              amountMinor: excess,
              currency: req.currency,
              reason: settled > 0 ? 'overpaid' : 'already_settled',
              createdAt: unit.now,
            })
          : null
      if (credit) report.credits++
      unit.append(pulledOutcome, {
        id: repo.newId(),
        requestId: req.id,
        outcome: 'paid',
        amountMinor: req.amountMinor,
        currency: req.currency,
        authorisation,
        maskedPan: masked,
        detail: null,
        test: 0,
        paymentId,
        creditId: credit?.id ?? null,
        receivedAt: unit.now,
        createdAt: unit.now,
      })
      // Its receipt was mailed when the payment reached the desk (the timer would otherwise mail it now).
      if (paymentId && req.email)
        unit.append(paymentLinkEventEntity, {
          id: repo.newId(),
          requestId: req.id,
          kind: 'receipt_sent',
          channel: 'email',
          recipient: req.email,
          providerId: `<demo-${random.digits(10)}@guichet.local>`,
          detail: null,
          paymentId,
          deskId,
          staffId: null,
          createdAt: unit.now,
        })
    })
  }

  const run = sqlite.transaction(() => {
    // The marina (EUR, Monetico): links on invoices still unpaid, oldest invoice first.
    const [expiredInv, settledInv, sentInv, createdInv] = unpaidEur
    if (expiredInv) {
      const t = base - 6 * DAY - 3 * HOUR
      const req = write(t, 'payments.request', (unit) => request(unit, expiredInv, 'monetico', t, null))
      linkSent(req.id, t + 2 * 60_000, 'sms', '+33612345678')
    }
    if (settledInv) {
      // Paid by card after the customer had settled it by cheque at the counter: all of it is a credit.
      const t = base - 4 * DAY - 5 * HOUR
      const email = 'proprietaire@example.org'
      const req = write(t, 'payments.request', (unit) => request(unit, settledInv, 'monetico', t, email))
      linkSent(req.id, t + 60_000, 'email', email)
      at(t + 2 * HOUR)
      billing.recordPayment(actor, {
        invoiceId: settledInv,
        method: 'cheque',
        amountMinor: billing.balance(settledInv).dueMinor,
        reference: random.digits(7),
        receivedAt: iso(t + 2 * HOUR),
        details: { bank: 'Crédit Maritime', drawer: 'Titulaire du compte' },
      })
      paidAtHub(req, t + 5 * HOUR, '4970XXXXXXXX0022')
    }
    if (sentInv) {
      const t = base - 20 * HOUR
      const email = 'client.marina@example.org'
      const req = write(t, 'payments.request', (unit) => request(unit, sentInv, 'monetico', t, email))
      linkSent(req.id, t + 60_000, 'email', email)
    }
    if (createdInv) {
      const t = base - 2 * HOUR
      write(t, 'payments.request', (unit) => request(unit, createdInv, 'monetico', t, null))
    }

    // Telecom bills (MAD), paid or asked for from two days ago on.
    if (moroccans.length < MAD_BILLS.length) return
    const tBills = base - 2 * DAY
    // Dated the series' last issue date (the October bills were issued with the month's invoices),
    // never later: the series stays open to invoices a clerk dates back to that day.
    const today = iso(tBills).slice(0, 10)
    const last = sqlite
      .prepare('SELECT max(issue_date) AS d FROM invoices WHERE series = ?')
      .get(seriesFor(deskId, today)) as { d: string | null }
    const billDay = () => last.d ?? today
    const bills = MAD_BILLS.map((bill, i) => {
      at(tBills + i * 60_000)
      report.invoices++
      return billing.issueInvoice(
        actor,
        {
          customerId: moroccans[i]!,
          kind: 'service',
          label: bill.label,
          issueDate: billDay(),
          currency: 'MAD',
          totalNetMinor: 0,
          totalVatMinor: 0,
          lines: [{ label: bill.line, quantityMilli: 1000, unitNetMinor: bill.netMinor, vatRateBp: 2000 }],
        },
        { attach: (unit, row) => keepInvoiceIssuer(unit, deskId, row.id, DEMO_BILLERS[bill.biller]) },
      )
    })
    const [mobile, internet, fixed, forfait] = bills as [
      (typeof bills)[number],
      (typeof bills)[number],
      (typeof bills)[number],
      (typeof bills)[number],
    ]
    // Paid by card on CMI's page (3-D Secure), the bank's notification settled it.
    const t1 = tBills + HOUR
    const paid = write(t1, 'payments.request', (unit) =>
      request(unit, mobile.id, 'cmi', t1, 'abonne@example.ma'),
    )
    linkSent(paid.id, t1 + 60_000, 'email', 'abonne@example.ma')
    paidAtHub(paid, t1 + 40 * 60_000, '555555***4444')
    // A FATOURATI reference printed for the customer, to pay from a banking app within 7 days.
    const t2 = tBills + 2 * HOUR
    write(t2, 'payments.request', (unit) => request(unit, internet.id, 'fatourati', t2, null))
    // Paid by card after 100,00 DH in cash at the counter: the rest settles, the excess is a credit.
    const t3 = tBills + 3 * HOUR
    const over = write(t3, 'payments.request', (unit) => request(unit, fixed.id, 'cmi', t3, null))
    at(t3 + HOUR)
    billing.recordPayment(actor, {
      invoiceId: fixed.id,
      method: 'cash',
      amountMinor: 10_000,
      receivedAt: iso(t3 + HOUR),
      details: { tenderedMinor: 10_000, changeMinor: 0 },
    })
    paidAtHub(over, t3 + 2 * HOUR, '497010***0022')
    // PORTNET: the forfait paid by transfer, its proof waiting for a supervisor.
    const t4 = tBills + 4 * HOUR
    write(t4, 'payments.transferProof', (unit) => {
      const reference = `VIR-${random.digits(8)}`
      const amount = billing.balance(forfait.id).dueMinor
      const bytes = demoProofPdf(reference, (amount / 100).toFixed(2))
      const proofId = repo.newId()
      const doc = unit.append(storedDocumentEntity, {
        id: repo.newId(),
        kind: 'transfer_proof',
        ownerEntity: 'transfer_proof',
        ownerId: proofId,
        fileName: `ordre-virement-${reference}.pdf`,
        mimeType: 'application/pdf',
        sha256: sha256Hex(bytes),
        sizeBytes: bytes.length,
        bytes,
        deskId,
        staffId: null,
        createdAt: unit.now,
      })
      unit.append(transferProofEntity, {
        id: proofId,
        invoiceId: forfait.id,
        customerId: forfait.customerId,
        amountMinor: amount,
        currency: 'MAD',
        // The day before, or the bill's own day if later.
        transferDate: [billDay(), iso(t4 - DAY).slice(0, 10)].sort().at(-1)!,
        bankReference: reference,
        fileName: doc.fileName,
        mimeType: doc.mimeType,
        sha256: doc.sha256,
        sizeBytes: doc.sizeBytes,
        documentId: doc.id,
        deskId,
        staffId: null,
        createdAt: unit.now,
      })
      report.proofs++
    })
  })
  run.immediate()
  report.ms = performance.now() - started
  return report
}
