/**
 * The life of a fleet line, as a pure state machine. A request is accepted only from the states
 * listed here; the line takes the target state when the operator confirms (provisioning outcome).
 */

export const lineStatuses = ['PENDING', 'ACTIVE', 'SUSPENDED', 'STOPPED'] as const
export type LineStatus = (typeof lineStatuses)[number]

export const lineRequests = [
  'activate',
  'swap',
  'suspend',
  'reactivate',
  'stop',
  'barrings',
  'plan',
  'options',
  'payByMobile',
  'editUser',
] as const
export type LineRequest = (typeof lineRequests)[number]

interface Rule {
  from: readonly LineStatus[]
  /** The state once the operator confirmed; absent when the status does not change. */
  to?: LineStatus
}

const RULES: Record<LineRequest, Rule> = {
  activate: { from: ['PENDING'], to: 'ACTIVE' },
  swap: { from: ['PENDING', 'ACTIVE', 'SUSPENDED'] },
  suspend: { from: ['ACTIVE'], to: 'SUSPENDED' },
  reactivate: { from: ['SUSPENDED'], to: 'ACTIVE' },
  stop: { from: ['PENDING', 'ACTIVE', 'SUSPENDED'], to: 'STOPPED' },
  barrings: { from: ['PENDING', 'ACTIVE', 'SUSPENDED'] },
  plan: { from: ['PENDING', 'ACTIVE', 'SUSPENDED'] },
  options: { from: ['PENDING', 'ACTIVE', 'SUSPENDED'] },
  payByMobile: { from: ['PENDING', 'ACTIVE', 'SUSPENDED'] },
  editUser: { from: ['PENDING', 'ACTIVE', 'SUSPENDED'] },
}

export type TransitionVerdict =
  | { ok: true; to: LineStatus }
  | { ok: false; key: string; params: { action: LineRequest; status: LineStatus } }

/**
 * Whether `request` may be made on a line in `status`; refusals carry the i18n key of a French
 * message (`validation.fleetTransition.<request>`) naming the line's state.
 */
export function checkTransition(status: LineStatus, request: LineRequest): TransitionVerdict {
  const rule = RULES[request]
  if (!rule.from.includes(status)) {
    return { ok: false, key: `validation.fleetTransition_${request}`, params: { action: request, status } }
  }
  return { ok: true, to: rule.to ?? status }
}

export function allowedRequests(status: LineStatus): LineRequest[] {
  return lineRequests.filter((r) => RULES[r].from.includes(status))
}
