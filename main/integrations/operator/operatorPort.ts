/**
 * The operator's provisioning API as the desk sees it (docs/provisioning.md, "Operator API").
 * The real adapter (httpOperator.ts) speaks HTTP/JSON to the operator; the sandbox
 * (sandboxOperator.ts) plays the operator on loopback for demo mode and tests.
 */

export const operatorActions = [
  'activate',
  'swap',
  'suspend',
  'reactivate',
  'stop',
  'barrings',
  'plan',
  'options',
  'payByMobile',
] as const
export type OperatorAction = (typeof operatorActions)[number]

export interface OperatorOrderRequest {
  /** Stable per request: the operator applies one order per key, however often it is sent. */
  idempotencyKey: string
  action: OperatorAction
  /** The desk's line id; the operator keeps it as the line's reference. */
  lineRef: string
  /** `YYYY-MM-DD`: carry the order out on that date (scheduled activation). */
  effectiveDate?: string | null
  /** What the action needs (`iccid`, `msisdn`, `planCode`, `barrings`…). */
  params: Record<string, unknown>
}

export type OperatorOrderStatus = 'pending' | 'scheduled' | 'completed' | 'rejected'

export interface OperatorOrder {
  id: string
  status: OperatorOrderStatus
  action: OperatorAction
  lineRef: string
  /** For a scheduled order, the date it will be carried out. */
  scheduledFor: string | null
  /** Why it was rejected: a stable code and the operator's message (English). */
  reason: { code: string; message: string } | null
  createdAt: string
  completedAt: string | null
}

/**
 * What a call to the operator gave. Only `order` and `refused` are answers; the others mean "we do
 * not know": the request may or may not have reached the operator, so it is sent again with the same
 * idempotency key.
 */
export type OperatorAnswer =
  | { kind: 'order'; order: OperatorOrder; replayed: boolean }
  /** A definitive refusal of the request itself (4xx): sending it again would change nothing. */
  | { kind: 'refused'; code: string; message: string }
  /** The operator does not know this order (GET 404). */
  | { kind: 'unknown_order' }
  /** No connection (refused, DNS, network down): the desk is offline for the operator. */
  | { kind: 'unreachable'; error: string }
  /** Connected, but no usable answer (time-out, 5xx, 429, authentication): try again later. */
  | { kind: 'no_answer'; error: string }

export interface OperatorPort {
  submit(request: OperatorOrderRequest, signal?: AbortSignal): Promise<OperatorAnswer>
  status(orderId: string, signal?: AbortSignal): Promise<OperatorAnswer>
}
