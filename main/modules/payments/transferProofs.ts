/**
 * Bank transfers with a proof (PORTNET seed): the customer's proof is received at the desk, checked
 * by its content (PDF, JPEG or PNG, size-limited), kept with its SHA-256; a supervisor validates it
 * — which records the `transfer` payment, in the same transaction — or rejects it with a reason.
 * Only a validation settles; a rejected proof can be followed by a new one.
 */
import { and, desc, eq, isNull } from 'drizzle-orm'
import { fileTypeFromBuffer } from 'file-type'
import type { FileDownload } from '../../../preload/contract/common'
import { PROOF_MAX_BYTES, type TransferProofView } from '../../../preload/contract/payments'
import { customers, invoices, transferProofs, transferReviews } from '../../db/schema'
import type { DocumentStore } from '../../documents/documentStore'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'
import type { BillingService } from '../billing/billingService'
import { decodeKeyset, keysetPage, olderThan } from './keyset'

export const transferProofEntity: EntityDef<typeof transferProofs> = {
  name: 'transfer_proof',
  table: transferProofs,
  synced: true,
  versioned: false,
}
export const transferReviewEntity: EntityDef<typeof transferReviews> = {
  name: 'transfer_review',
  table: transferReviews,
  synced: true,
  versioned: false,
}

const PROOF_TYPES: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' }
/** The extensions a proof's name may end with for its content (a PNG renamed .pdf is refused). */
const PROOF_EXTENSIONS: Record<string, readonly string[]> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
}

/** Whether the name's extension agrees with the content found in the bytes. */
export function proofNameMatches(fileName: string, ext: string): boolean {
  const dot = fileName.lastIndexOf('.')
  return dot >= 0 && (PROOF_EXTENSIONS[ext] ?? []).includes(fileName.slice(dot + 1).toLowerCase())
}

/** The proof's real type, from its bytes; null unless PDF, JPEG or PNG. */
export async function proofType(bytes: Uint8Array): Promise<{ ext: string; mimeType: string } | null> {
  const found = await fileTypeFromBuffer(bytes)
  if (!found || !PROOF_TYPES[found.ext]) return null
  return { ext: found.ext, mimeType: PROOF_TYPES[found.ext]! }
}

export interface NewTransferProof {
  invoiceId: string
  amountMinor: number
  transferDate: string
  bankReference?: string | undefined
  file: { fileName: string; base64: string }
}

export class TransferProofs {
  constructor(
    private readonly repo: Repository,
    private readonly billing: BillingService,
    private readonly documents: DocumentStore,
  ) {}

  async submit(actor: Actor, input: NewTransferProof): Promise<TransferProofView> {
    const bytes = Buffer.from(input.file.base64, 'base64')
    if (bytes.length === 0 || bytes.length > PROOF_MAX_BYTES)
      throw AppError.field('file', 'validation.fileTooBig', { maximum: Math.round(PROOF_MAX_BYTES / 1024) })
    const type = await proofType(bytes)
    if (!type) throw AppError.field('file', 'validation.fileType', { accepted: 'PDF, JPEG, PNG' })
    // The supervisor and whoever opens the stored file go by its name: it must say what it is.
    if (!proofNameMatches(input.file.fileName, type.ext))
      throw AppError.field('file', 'validation.fileExtensionMismatch')
    const id = this.repo.newId()
    this.repo.write(actor, 'payments.transferProof', (unit) => {
      const invoice = this.billing.invoice(input.invoiceId)
      const { dueMinor } = this.billing.balance(invoice.id)
      if (dueMinor <= 0) throw AppError.field('invoiceId', 'validation.paymentNothingDue')
      if (input.amountMinor > dueMinor)
        throw AppError.field('amountMinor', 'validation.amountOverBalance', { dueMinor })
      const stored = this.documents.keep(unit, {
        kind: 'transfer_proof',
        ownerEntity: 'transfer_proof',
        ownerId: id,
        fileName: input.file.fileName,
        mimeType: type.mimeType,
        bytes,
      })
      unit.append(transferProofEntity, {
        id,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        amountMinor: input.amountMinor,
        currency: invoice.currency,
        transferDate: input.transferDate,
        bankReference: input.bankReference || null,
        fileName: input.file.fileName,
        mimeType: type.mimeType,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        documentId: stored.id,
        deskId: this.repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
      })
    })
    return this.get(id)
  }

  get(id: string): TransferProofView {
    const proof = this.repo.db.select().from(transferProofs).where(eq(transferProofs.id, id)).get()
    if (!proof) throw new AppError('NOT_FOUND', { entity: 'transfer_proof', id })
    return this.view(proof)
  }

  /** The proof's file, as received; held by the desk that received it. */
  file(id: string): FileDownload {
    const proof = this.repo.db.select().from(transferProofs).where(eq(transferProofs.id, id)).get()
    if (!proof) throw new AppError('NOT_FOUND', { entity: 'transfer_proof', id })
    return this.documents.download(proof.documentId)
  }

  /** Validates (records the payment) or rejects with a reason; a proof is decided once. */
  review(
    actor: Actor,
    input: { proofId: string; decision: 'validated' | 'rejected'; reason?: string | undefined },
  ) {
    const proof = this.repo.db.select().from(transferProofs).where(eq(transferProofs.id, input.proofId)).get()
    if (!proof) throw new AppError('NOT_FOUND', { entity: 'transfer_proof', id: input.proofId })
    const decided = () =>
      this.repo.db
        .select({ id: transferReviews.id })
        .from(transferReviews)
        .where(eq(transferReviews.proofId, proof.id))
        .get()
    if (decided()) throw AppError.field('decision', 'validation.transferAlreadyReviewed')
    const review = (paymentId: string | null) => ({
      id: this.repo.newId(),
      proofId: proof.id,
      decision: input.decision,
      reason: input.reason || null,
      paymentId,
      deskId: this.repo.deskId,
      staffId: actor.staffId,
    })
    if (input.decision === 'rejected') {
      if (!input.reason) throw AppError.field('reason', 'validation.required')
      this.repo.write(actor, 'payments.transferReject', (unit) => {
        if (decided()) throw AppError.field('decision', 'validation.transferAlreadyReviewed')
        unit.append(transferReviewEntity, { ...review(null), createdAt: unit.now })
      })
    } else {
      this.billing.recordPayment(actor, {
        invoiceId: proof.invoiceId,
        method: 'transfer',
        amountMinor: proof.amountMinor,
        reference: proof.bankReference ?? `proof ${proof.sha256.slice(0, 12)}`,
        receivedAt: `${proof.transferDate}T12:00:00.000Z`,
        details: { transferDate: proof.transferDate, proofId: proof.id, proofSha256: proof.sha256 },
        // The decision and the payment are one write: both or neither.
        attach: (unit, payment) => {
          if (decided()) throw AppError.field('decision', 'validation.transferAlreadyReviewed')
          unit.append(transferReviewEntity, { ...review(payment.id), createdAt: unit.now })
        },
      })
    }
    return this.get(proof.id)
  }

  /** Proofs newest first, by keyset; `pending` keeps those not yet decided. */
  list(input: {
    pending?: boolean | undefined
    invoiceId?: string | undefined
    customerId?: string | undefined
    cursor?: string | undefined
    limit?: number | undefined
  }) {
    const limit = input.limit ?? 50
    const rows = this.repo.db
      .select({ proof: transferProofs })
      .from(transferProofs)
      .leftJoin(transferReviews, eq(transferReviews.proofId, transferProofs.id))
      .where(
        and(
          input.pending ? isNull(transferReviews.id) : undefined,
          input.invoiceId ? eq(transferProofs.invoiceId, input.invoiceId) : undefined,
          input.customerId ? eq(transferProofs.customerId, input.customerId) : undefined,
          olderThan(transferProofs.createdAt, transferProofs.id, decodeKeyset(input.cursor)),
        ),
      )
      .orderBy(desc(transferProofs.createdAt), desc(transferProofs.id))
      .limit(limit + 1)
      .all()
    return keysetPage(rows, limit, (r) => this.view(r.proof))
  }

  private view(proof: typeof transferProofs.$inferSelect): TransferProofView {
    const review = this.repo.db
      .select()
      .from(transferReviews)
      .where(eq(transferReviews.proofId, proof.id))
      .get()
    // Whose proof and for which invoice: the supervisor decides with the customer and the balance in view.
    const customer = this.repo.db
      .select({ name: customers.displayName, number: customers.customerNumber })
      .from(customers)
      .where(eq(customers.id, proof.customerId))
      .get()
    const invoice = this.repo.db
      .select({ number: invoices.invoiceNumber })
      .from(invoices)
      .where(eq(invoices.id, proof.invoiceId))
      .get()
    return {
      id: proof.id,
      invoiceId: proof.invoiceId,
      customerId: proof.customerId,
      amountMinor: proof.amountMinor,
      currency: proof.currency,
      transferDate: proof.transferDate,
      bankReference: proof.bankReference,
      fileName: proof.fileName,
      mimeType: proof.mimeType,
      sha256: proof.sha256,
      sizeBytes: proof.sizeBytes,
      // The file stays on the desk that received it; elsewhere only its hash is known.
      fileHere: !!this.repo.sqlite
        .prepare('SELECT 1 FROM stored_documents WHERE id = ?')
        .get(proof.documentId),
      deskId: proof.deskId,
      status: review ? review.decision : 'pending',
      reason: review?.reason ?? null,
      paymentId: review?.paymentId ?? null,
      createdAt: proof.createdAt,
      customerName: customer?.name ?? '',
      customerNumber: customer?.number ?? '',
      invoiceNumber: invoice?.number ?? null,
      invoiceDueMinor: invoice ? this.billing.balance(proof.invoiceId).dueMinor : null,
    }
  }
}
