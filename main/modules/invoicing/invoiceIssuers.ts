import { eq } from 'drizzle-orm'
import { invoiceIssuers } from '../../db/schema'
import type { EntityDef } from '../../repo/entities'
import type { Repository, UnitOfWork } from '../../repo/repository'
import type { HarbourArea } from '../harbour/harbourArea'
import type { HarbourIssuer } from '../harbour/harbourIssuer'

/*
 * The issuer of each invoice, recorded at issue (see the `invoice_issuers` table): a receipt, a
 * credit note or a re-rendered PDF is headed by the issuer of the invoice it concerns — a Maroc
 * Telecom bill collected at the desk is not the marina's invoice.
 */

// Synced with its invoice (append-only, like the invoice's lines): a bill pulled from another desk
// prints under the issuer it was issued by.
export const invoiceIssuerEntity: EntityDef<typeof invoiceIssuers> = {
  name: 'invoice_issuer',
  table: invoiceIssuers,
  synced: true,
  versioned: false,
}

/** Records who issued `invoiceId`, in the invoice's own write. */
export function keepInvoiceIssuer(
  unit: UnitOfWork,
  deskId: string,
  invoiceId: string,
  issuer: HarbourIssuer,
) {
  unit.append(invoiceIssuerEntity, {
    id: invoiceId,
    name: issuer.name,
    identity: JSON.stringify(issuer),
    deskId,
    createdAt: unit.now,
  })
}

export class InvoiceIssuers {
  constructor(
    private readonly deps: {
      repo: Repository
      harbour: Pick<HarbourArea, 'issuer'>
    },
  ) {}

  /** The identity `invoiceId` was issued under; the harbour's for an invoice issued before it was recorded. */
  of(invoiceId: string): HarbourIssuer {
    const row = this.deps.repo.db
      .select({ identity: invoiceIssuers.identity })
      .from(invoiceIssuers)
      .where(eq(invoiceIssuers.id, invoiceId))
      .get()
    return row ? (JSON.parse(row.identity) as HarbourIssuer) : this.deps.harbour.issuer()
  }

  keep(unit: UnitOfWork, invoiceId: string, issuer: HarbourIssuer) {
    keepInvoiceIssuer(unit, this.deps.repo.deskId, invoiceId, issuer)
  }
}
