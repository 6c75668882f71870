/**
 * The state of a payment link as the customer's panel shows it: what the gateway said (paid,
 * refused, expired) wins over the customer opening it (the hub's `payment_link_open` record,
 * pulled by sync), which wins over what we did with the link (sent, or the sending failed).
 */
import type { RequestState } from './requestState'

export type LinkState = 'created' | 'sent' | 'opened' | 'paid' | 'failed' | 'expired'

export interface LinkEventLike {
  kind: 'sent' | 'failed' | 'receipt_sent' | 'receipt_failed'
  createdAt: string
}

export function linkState(
  request: RequestState,
  events: readonly LinkEventLike[],
  opened = false,
): LinkState {
  if (request === 'paid') return 'paid'
  if (request === 'expired') return 'expired'
  if (request === 'failed') return 'failed'
  if (opened) return 'opened'
  const sends = events.filter((e) => e.kind === 'sent' || e.kind === 'failed')
  if (sends.some((e) => e.kind === 'sent')) return 'sent'
  // Every attempt to send failed: the agent must try another address or number.
  if (sends.length > 0) return 'failed'
  return 'created'
}
