import { and, asc, desc, eq, lt, or } from 'drizzle-orm'
import type { z } from 'zod'
import {
  acceptedAttachmentTypes,
  normalizeBelgianMobile,
  type Page,
  type Ticket,
  type TicketDetail,
  type TicketListItem,
  type TicketStatus,
  type TicketSubject,
  type ticketCreateInput,
  type ticketListInput,
  ticketRequirements,
} from '../../../preload/contract'
import type { FileDownload } from '../../../preload/contract/common'
import type { Clock } from '../../app/clock'
import { fleetTicketEvents, fleetTickets } from '../../db/schema'
import type { DocumentStore } from '../../documents/documentStore'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository } from '../../repo/repository'
import { checkAttachment } from './attachmentCheck'
import type { BusinessAccounts } from './businessAccounts'
import { belgianDateOf } from './businessDays'
import { ticketEntity, ticketEventEntity } from './fleetDeskEntities'
import { decodeNewestCursor, pageOf } from './pagination'
import { nextSeriesNumber, staffNameOf } from './staffNames'
import { canMoveTicket, nextTicketStatuses } from './ticketStatus'

type TicketRow = typeof fleetTickets.$inferSelect
export const TICKET_OWNER = 'fleet_ticket'

/** An attachment whose type was read from its bytes (attachmentCheck.ts). */
export interface CheckedFile {
  fileName: string
  bytes: Uint8Array
  mimeType: string
  kind: string
}
export const TICKET_ATTACHMENT = 'ticket_attachment'

function toListItem(r: TicketRow): TicketListItem {
  return {
    id: r.id,
    ticketNumber: r.ticketNumber,
    subject: r.subject as TicketSubject,
    detail: r.detail as TicketDetail,
    phoneNumber: r.phoneNumber,
    actionDate: r.actionDate,
    status: r.status,
    attachmentCount: r.attachmentCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

/** Tickets of business accounts: created with their attachments, moved through their statuses. */
export class TicketService {
  constructor(
    private readonly repo: Repository,
    private readonly clock: Clock,
    private readonly documents: DocumentStore,
    private readonly accounts: BusinessAccounts,
  ) {}

  list(input: z.output<typeof ticketListInput>): Page<TicketListItem> {
    this.accounts.assertBusiness(input.customerId)
    const t = fleetTickets
    const after = input.cursor ? decodeNewestCursor(input.cursor) : null
    const rows = this.repo.db
      .select()
      .from(t)
      .where(
        and(
          eq(t.customerId, input.customerId),
          input.status ? eq(t.status, input.status) : undefined,
          after
            ? or(lt(t.createdAt, after[0]), and(eq(t.createdAt, after[0]), lt(t.id, after[1])))
            : undefined,
        ),
      )
      .orderBy(desc(t.createdAt), desc(t.id))
      .limit(input.limit + 1)
      .all()
    return pageOf(rows, input.limit, toListItem)
  }

  get(id: string): Ticket {
    const r = this.row(id)
    const history = this.repo.db
      .select()
      .from(fleetTicketEvents)
      .where(eq(fleetTicketEvents.ticketId, id))
      .orderBy(asc(fleetTicketEvents.createdAt), asc(fleetTicketEvents.id))
      .all()
    return {
      ...toListItem(r),
      customerId: r.customerId,
      lineId: r.lineId,
      message: r.message,
      contactEmail: r.contactEmail,
      contactMobile: r.contactMobile,
      version: r.version,
      attachments: this.documents.list(TICKET_OWNER, id, TICKET_ATTACHMENT).map((d) => ({
        id: d.id,
        fileName: d.fileName,
        mimeType: d.mimeType,
        sizeBytes: d.sizeBytes,
        sha256: d.sha256,
      })),
      history: history.map((e) => ({
        id: e.id,
        fromStatus: e.fromStatus as TicketStatus | null,
        toStatus: e.toStatus as TicketStatus,
        note: e.note,
        staffName: e.staffName,
        deskId: e.deskId,
        createdAt: e.createdAt,
      })),
      nextStatuses: [...nextTicketStatuses(r.status)],
    }
  }

  async create(actor: Actor, input: z.output<typeof ticketCreateInput>): Promise<Ticket> {
    this.accounts.assertBusiness(input.customerId)
    const needs = ticketRequirements(input.detail)
    const [line] =
      input.lineId && needs.phone !== 'none'
        ? this.accounts.resolve(input.customerId, [input.lineId], () => 'lineId')
        : []
    if (input.actionDate && input.actionDate < belgianDateOf(this.clock.now()))
      throw AppError.field('actionDate', 'validation.dateInPast')

    const files: CheckedFile[] = []
    for (const [i, file] of input.attachments.entries()) {
      const bytes = Buffer.from(file.base64, 'base64')
      const verdict = await checkAttachment(file.fileName, bytes)
      if (!verdict.ok) {
        if (verdict.reason === 'extension')
          throw AppError.field(`attachments.${i}`, 'validation.fileExtensionMismatch')
        if (verdict.reason === 'empty') throw AppError.field(`attachments.${i}`, 'validation.fileEmpty')
        throw AppError.field(`attachments.${i}`, 'validation.fileType', {
          accepted: acceptedAttachmentTypes.join(', '),
        })
      }
      files.push({ fileName: file.fileName, bytes, mimeType: verdict.mimeType, kind: verdict.kind })
    }
    return this.record(actor, input, files, line)
  }

  /** Writes a ticket whose attachments were checked (`create`, or the demo seeder's own files). */
  record(
    actor: Actor,
    input: z.output<typeof ticketCreateInput>,
    files: CheckedFile[],
    line?: { id: string; phoneNumber: string },
  ): Ticket {
    if (
      ticketRequirements(input.detail).employeeFile &&
      !files.some((f) => f.kind === 'csv' || f.kind === 'xlsx')
    )
      throw AppError.field('attachments', 'validation.employeeFileRequired')

    const contactMobile = normalizeBelgianMobile(input.contactMobile)
    if (!contactMobile) throw AppError.field('contactMobile', 'validation.phone')
    const staffName = staffNameOf(this.repo, actor.staffId)

    const id = this.repo.write(actor, 'fleetDesk.ticket.create', (unit) => {
      const ticket = unit.insert(ticketEntity, {
        id: this.repo.newId(),
        customerId: input.customerId,
        ticketNumber: nextSeriesNumber(this.repo, 'fleet_tickets', 'ticket_number', 'TK'),
        subject: input.subject,
        detail: input.detail,
        lineId: line?.id ?? null,
        phoneNumber: line?.phoneNumber ?? null,
        actionDate: input.actionDate ?? null,
        message: input.message,
        contactEmail: input.contactEmail,
        contactMobile,
        status: 'open',
        attachmentCount: files.length,
        version: '',
        clocks: '',
        createdAt: unit.now,
        updatedAt: unit.now,
      })
      unit.append(ticketEventEntity, {
        id: this.repo.newId(),
        ticketId: ticket.id,
        fromStatus: null,
        toStatus: 'open',
        note: null,
        staffId: actor.staffId,
        staffName,
        deskId: actor.deskId,
        createdAt: unit.now,
      })
      for (const file of files)
        this.documents.keep(unit, {
          kind: TICKET_ATTACHMENT,
          ownerEntity: TICKET_OWNER,
          ownerId: ticket.id,
          fileName: file.fileName,
          mimeType: file.mimeType,
          bytes: file.bytes,
        })
      return ticket.id
    })
    return this.get(id)
  }

  setStatus(actor: Actor, id: string, status: TicketStatus, note?: string): Ticket {
    const current = this.row(id)
    if (!canMoveTicket(current.status, status)) throw AppError.field('status', 'validation.ticketTransition')
    const staffName = staffNameOf(this.repo, actor.staffId)
    this.repo.write(actor, 'fleetDesk.ticket.status', (unit) => {
      unit.update(ticketEntity, id, { status })
      unit.append(ticketEventEntity, {
        id: this.repo.newId(),
        ticketId: id,
        fromStatus: current.status,
        toStatus: status,
        note: note || null,
        staffId: actor.staffId,
        staffName,
        deskId: actor.deskId,
        createdAt: unit.now,
      })
    })
    return this.get(id)
  }

  attachment(ticketId: string, attachmentId: string): FileDownload {
    this.row(ticketId)
    const doc = this.documents
      .list(TICKET_OWNER, ticketId, TICKET_ATTACHMENT)
      .find((d) => d.id === attachmentId)
    if (!doc) throw new AppError('NOT_FOUND', { entity: 'ticket_attachment', id: attachmentId })
    return this.documents.download(doc.id)
  }

  private row(id: string): TicketRow {
    const row = this.repo.db.select().from(fleetTickets).where(eq(fleetTickets.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'fleet_ticket', id })
    return row
  }
}
