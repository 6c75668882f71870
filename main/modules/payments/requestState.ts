/**
 * The state of a gateway payment request, derived from what the hub recorded (append-only
 * outcomes) and the clock: never stored, so that two desks never disagree about it.
 */
export type RequestState = 'pending' | 'paid' | 'failed' | 'expired'

export interface OutcomeLike {
  outcome: 'paid' | 'refused' | 'abandoned' | 'expired'
  createdAt: string
}

/**
 * Paid wins over everything (a late notification still counts: the money was taken). Otherwise an
 * expired link is expired; a link whose last attempt was refused is `failed` but may be tried again.
 */
export function requestState(expiresAt: string, outcomes: readonly OutcomeLike[], now: Date): RequestState {
  if (outcomes.some((o) => o.outcome === 'paid')) return 'paid'
  if (Date.parse(expiresAt) <= now.getTime()) return 'expired'
  const last = [...outcomes].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)
  if (last && last.outcome !== 'paid') return 'failed'
  return 'pending'
}

/** Which currency each gateway takes (Monetico is the marina's French bank; the others are Moroccan). */
export const GATEWAY_CURRENCY = { monetico: 'EUR', cmi: 'MAD', fatourati: 'MAD', amanpay: 'MAD' } as const
export type GatewayName = keyof typeof GATEWAY_CURRENCY

/** How long a request may be paid. */
export const REQUEST_VALIDITY_HOURS: Record<GatewayName, number> = {
  monetico: 72,
  cmi: 72,
  fatourati: 24 * 7,
  amanpay: 24 * 3,
}
