import { randomInt } from 'node:crypto'
import type { PortalStatus } from '../../../preload/contract/invoicing'
import { portalAccesses } from '../../db/schema'
import type { MailPort } from '../../integrations/mail/mailPort'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'
import { hashPassword } from '../auth/passwords'
import type { CustomerService } from '../customers/customerService'
import type { HarbourArea } from '../harbour/harbourArea'

export const portalAccessEntity: EntityDef<typeof portalAccesses> = {
  name: 'portal_access',
  table: portalAccesses,
  synced: true,
  versioned: false,
  redactedFields: ['passwordHash'],
}

// No look-alikes (0/O, 1/l/I): the customer types it from an email, possibly read on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'

/** A 12-character password from the OS's CSPRNG (~68 bits), to be changed at first login. */
export function generatePassword(length = 12): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

export interface InvoiceCheck {
  invoiceNumber: string
  issueDate: string
  amount: number
  email: string
}

/**
 * Portal access for a customer (seed 002, "Inscription"): with an email on file, the login is that
 * email and a generated password goes to it. Without one, the caller first proves who they are
 * with the number, date and amount incl. VAT of one of their invoices of the current year.
 */
export class PortalAccessService {
  constructor(
    private readonly deps: {
      repo: Repository
      customers: CustomerService
      harbour: Pick<HarbourArea, 'issuer'>
      mail: MailPort
      today: () => string
    },
  ) {}

  status(customerId: string): PortalStatus {
    const customer = this.deps.customers.get(customerId)
    const rows = this.deps.repo.sqlite
      .prepare(
        `SELECT id, login, verified_by AS verifiedBy, sent_to AS sentTo, created_at AS sentAt, activated_at AS activatedAt
         FROM portal_accesses WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT 20`,
      )
      .all(customerId) as PortalStatus['accesses']
    return { customerId, emailOnFile: customer.email, accesses: rows }
  }

  async send(actor: Actor, customerId: string, check?: InvoiceCheck): Promise<PortalStatus> {
    const customer = this.deps.customers.get(customerId)
    let to: string
    let invoiceId: string | null = null
    if (customer.email) {
      to = customer.email
    } else {
      if (!check) throw AppError.field('check.invoiceNumber', 'validation.portalCheckRequired')
      invoiceId = this.verify(customerId, check)
      to = check.email
    }
    const issuer = this.deps.harbour.issuer()
    const password = generatePassword()
    const passwordHash = await hashPassword(password)
    // Sent before it is recorded: staff must never see "sent" for a mail the server refused.
    const sent = await this.deps.mail
      .send({
        to,
        subject: `${issuer.name} — vos accès à l’espace client`,
        text: [
          `Bonjour ${customer.displayName},`,
          '',
          `Votre espace client ${issuer.name} est ouvert : vous y retrouvez votre compte, vos factures et vos contrats.`,
          '',
          `Identifiant : ${to}`,
          `Mot de passe : ${password}`,
          '',
          'Vous pourrez changer ce mot de passe à votre première connexion.',
          '',
          issuer.name,
          ...issuer.addressLines,
        ].join('\n'),
      })
      .catch((error: Error) => {
        throw new AppError('OFFLINE', undefined, `mail not sent: ${error.message}`)
      })
    this.deps.repo.write(actor, 'portal.access.send', (unit) =>
      unit.append(portalAccessEntity, {
        id: this.deps.repo.newId(),
        customerId,
        login: to,
        passwordHash,
        verifiedBy: customer.email ? 'email_on_file' : 'invoice_check',
        invoiceId,
        sentTo: to,
        messageId: sent.messageId,
        activatedAt: null,
        deskId: this.deps.repo.deskId,
        staffId: actor.staffId,
        createdAt: unit.now,
      }),
    )
    return this.status(customerId)
  }

  /**
   * The caller's proof: an invoice of theirs, of the current year, with exactly that number, date
   * and amount incl. VAT. One message for every mismatch, so the form does not tell a stranger
   * which of the three was right.
   */
  private verify(customerId: string, check: InvoiceCheck): string {
    const year = this.deps.today().slice(0, 4)
    const row = this.deps.repo.sqlite
      .prepare(
        `SELECT id, issue_date AS issueDate, total_gross_minor AS gross, currency FROM invoices
         WHERE customer_id = ? AND invoice_number = ? AND kind != 'credit_note'`,
      )
      .get(customerId, check.invoiceNumber.trim()) as
      | { id: string; issueDate: string; gross: number; currency: string }
      | undefined
    if (!row || row.issueDate !== check.issueDate || row.gross !== check.amount) {
      throw AppError.field('check.invoiceNumber', 'validation.portalCheckFailed')
    }
    if (row.issueDate.slice(0, 4) !== year) {
      throw AppError.field('check.issueDate', 'validation.portalInvoiceNotThisYear', { year })
    }
    return row.id
  }
}
