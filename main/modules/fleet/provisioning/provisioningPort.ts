import type { UnitOfWork } from '../../../repo/repository'

/*
 * The seam between the fleet module (which decides what the network must do) and the provisioning
 * queue (which carries it to the operator and reports the outcome). A change the network must carry
 * out is recorded as a request in the same write as the change itself, and the line only takes its
 * new state when the operator confirms (ARCHITECTURE.md: never assumed done while offline).
 */

export type ProvisioningAction =
  | 'activate'
  | 'swap'
  | 'suspend'
  | 'reactivate'
  | 'stop'
  | 'barrings'
  | 'plan'
  | 'options'
  | 'payByMobile'

export interface ProvisioningEnqueue {
  lineId: string
  action: ProvisioningAction
  /** What the operator needs (ICCID, new plan, barring set…); JSON-serialisable. */
  payload: Record<string, unknown>
  /** For a scheduled action (activation on a date): `YYYY-MM-DD`. */
  effectiveDate?: string
  /** How agents know the line in lists (its phone number); shown in the requests screen. */
  lineLabel?: string
}

export interface ProvisioningOutcome {
  requestId: string
  lineId: string
  action: ProvisioningAction
  payload: Record<string, unknown>
  status: 'done' | 'failed'
  /** Why the operator refused (code and French text), when failed. */
  reason?: string
  /**
   * The refusal's code (`ICCID_UNKNOWN`, `MSISDN_IN_USE`, … or `NO_ANSWER`). `NO_ANSWER` means the
   * operator never answered: the change may or may not have happened, and an agent may retry the
   * request (same idempotency key), after which a `done` or another `failed` outcome follows.
   */
  reasonCode?: string
  operatorRef?: string
}

/**
 * Requests that would contradict each other while both wait for the operator: the same action
 * twice, a plan change and an options change (options are computed from the plan), or two
 * changes of status.
 */
export const CONFLICTING_ACTIONS: Record<ProvisioningAction, readonly ProvisioningAction[]> = {
  activate: ['activate'],
  swap: ['swap'],
  suspend: ['suspend', 'reactivate', 'stop'],
  reactivate: ['suspend', 'reactivate', 'stop'],
  stop: ['suspend', 'reactivate', 'stop'],
  barrings: ['barrings'],
  plan: ['plan', 'options'],
  options: ['plan', 'options'],
  payByMobile: ['payByMobile'],
}

export interface ProvisioningQueue {
  /**
   * Records a queued request inside the caller's write (same transaction as the change it carries).
   * Refused (field `status`, `validation.fleetRequestPending`) while a conflicting request of the
   * line still waits for the operator.
   */
  enqueue(unit: UnitOfWork, request: ProvisioningEnqueue): { requestId: string }
  /** Which of these lines have a request conflicting with `action` still waiting (queued or sent). */
  pendingConflicts(lineIds: readonly string[], action: ProvisioningAction): Set<string>
}

/** What the fleet module does when the operator confirms or refuses; called inside a write. */
export type ProvisioningOutcomeHandler = (unit: UnitOfWork, outcome: ProvisioningOutcome) => void
