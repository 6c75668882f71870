/**
 * The life of a berth contract, as pure rules:
 * - a draft may be changed or cancelled; the three signature steps are taken in order
 *   (1 downloaded the PDF and can read it, 2 read it, 3 accepts its terms); the third signs it;
 * - a signed contract is never modified: an amendment or a termination is a new record that
 *   references it, and its start date ends the original the day before (effective end).
 */
import { addDays } from './period'

export const SIGNATURE_STEPS = [1, 2, 3] as const
export type SignatureStep = (typeof SIGNATURE_STEPS)[number]

export type ContractStatus = 'draft' | 'signed' | 'cancelled'

export type StepRefusal = 'notDraft' | 'outOfOrder' | 'alreadyDone'

/** Whether `step` may be recorded now, given the steps already recorded. */
export function checkSignatureStep(
  status: ContractStatus,
  done: readonly number[],
  step: SignatureStep,
): StepRefusal | null {
  if (status !== 'draft') return 'notDraft'
  if (done.includes(step)) return 'alreadyDone'
  const next = (Math.max(0, ...done) + 1) as SignatureStep
  if (step !== next) return 'outOfOrder'
  return null
}

/** A draft can be edited or cancelled; nothing else can. */
export function isEditable(status: ContractStatus): boolean {
  return status === 'draft'
}

/**
 * The last night a contract really holds its berth: its end date, or the day before the earliest
 * start of a record that amends or terminates it.
 */
export function effectiveEnd(endDate: string, followerStarts: readonly string[]): string {
  let end = endDate
  for (const start of followerStarts) {
    const cut = addDays(start, -1)
    if (cut < end) end = cut
  }
  return end
}
