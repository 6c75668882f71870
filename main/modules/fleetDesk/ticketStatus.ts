/**
 * The life of a fleet ticket. `waiting_customer` hands the ticket back to the fleet manager (a
 * missing file, a question); `resolved` means the operator did the work and the customer may still
 * object (it can be reopened); `closed` is final.
 */
import type { TicketStatus } from '../../../preload/contract/fleetDesk'

const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'waiting_customer', 'resolved', 'closed'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: [],
}

export function nextTicketStatuses(from: TicketStatus): readonly TicketStatus[] {
  return NEXT[from]
}

export function canMoveTicket(from: TicketStatus, to: TicketStatus): boolean {
  return NEXT[from].includes(to)
}
