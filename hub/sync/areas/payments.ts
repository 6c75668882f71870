import type { EntityRule } from '../entityRules'

/**
 * What the hub accepts for the payments area's entities (see entityRules.ts). A desk appends
 * payment requests; outcomes and customer credits are the hub's own records (hub/payments/),
 * made from verified bank notifications, and so are link openings (the customer's GET of the
 * payment page): a desk may send none of them.
 */
export const paymentsEntityRules: Record<string, EntityRule> = {
  payment_request: {
    mode: 'append',
    deskKinds: ['append'],
    refs: { invoiceId: 'invoice' },
    fields: [
      'invoiceId',
      'customerId',
      'gateway',
      'reference',
      'amountMinor',
      'currency',
      'email',
      'idempotencyKey',
      'expiresAt',
      'deskId',
      'staffId',
      'createdAt',
    ],
    required: [
      'invoiceId',
      'customerId',
      'gateway',
      'reference',
      'amountMinor',
      'currency',
      'idempotencyKey',
      'expiresAt',
      'deskId',
      'createdAt',
    ],
  },
  payment_outcome: {
    mode: 'append',
    deskKinds: [],
    hubOrigin: true,
    fields: [
      'requestId',
      'outcome',
      'amountMinor',
      'currency',
      'authorisation',
      'maskedPan',
      'detail',
      'test',
      'paymentId',
      'creditId',
      'receivedAt',
      'createdAt',
    ],
    required: ['requestId', 'outcome', 'amountMinor', 'currency', 'test', 'receivedAt', 'createdAt'],
  },
  // The customer's opening of a payment link (GET /pay/:id), one record per request (its id is the
  // request's): the first opening, then the latest one and a count, updated by the hub only.
  payment_link_open: {
    mode: 'lww',
    deskKinds: [],
    hubOrigin: true,
    fields: ['firstOpenedAt', 'lastOpenedAt', 'openCount', 'createdAt', 'updatedAt'],
    required: ['firstOpenedAt', 'lastOpenedAt', 'openCount', 'createdAt', 'updatedAt'],
  },
  customer_credit: {
    mode: 'append',
    deskKinds: [],
    hubOrigin: true,
    fields: ['customerId', 'invoiceId', 'requestId', 'amountMinor', 'currency', 'reason', 'createdAt'],
    required: ['customerId', 'invoiceId', 'amountMinor', 'currency', 'reason', 'createdAt'],
  },
  // A supervisor's refund of a credit, keyed by the credit (one refund per credit: a second append
  // of the same id is refused). No `refs` to the credit: credits are the hub's own records, which a
  // hub restored from an older backup does not re-create (docs/payments.md), and a desk needs none
  // to store a refund.
  customer_credit_refund: {
    mode: 'append',
    deskKinds: ['append'],
    refs: { customerId: 'customer' },
    fields: [
      'customerId',
      'amountMinor',
      'currency',
      'method',
      'reference',
      'note',
      'deskId',
      'staffId',
      'createdAt',
    ],
    required: ['customerId', 'amountMinor', 'currency', 'method', 'deskId', 'createdAt'],
  },
  transfer_proof: {
    mode: 'append',
    deskKinds: ['append'],
    refs: { invoiceId: 'invoice' },
    fields: [
      'invoiceId',
      'customerId',
      'amountMinor',
      'currency',
      'transferDate',
      'bankReference',
      'fileName',
      'mimeType',
      'sha256',
      'sizeBytes',
      'documentId',
      'deskId',
      'staffId',
      'createdAt',
    ],
    required: [
      'invoiceId',
      'customerId',
      'amountMinor',
      'currency',
      'transferDate',
      'fileName',
      'mimeType',
      'sha256',
      'sizeBytes',
      'documentId',
      'deskId',
      'createdAt',
    ],
  },
  transfer_review: {
    mode: 'append',
    deskKinds: ['append'],
    refs: { proofId: 'transfer_proof' },
    fields: ['proofId', 'decision', 'reason', 'paymentId', 'deskId', 'staffId', 'createdAt'],
    required: ['proofId', 'decision', 'deskId', 'createdAt'],
  },
}
