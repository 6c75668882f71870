/**
 * Pure rules of a fleet line: ICCID format and check digit, barrings, option/plan compatibility.
 * No I/O: the services call these, the tests table-drive them.
 */

export {
  type BarringCode,
  BELGIAN_ICCID_PREFIX,
  barringCodes,
  type IccidProblem,
  iccidProblem,
  luhnCheckDigit,
  normalizeIccid,
} from '../../../preload/contract/fleet'

import { type BarringCode, barringCodes, luhnCheckDigit } from '../../../preload/contract/fleet'

/** An ICCID with its check digit appended (demo data, tests). */
export function withCheckDigit(payload: string): string {
  return payload + String(luhnCheckDigit(payload))
}

/** The set of barrings in the seed's order, without duplicates. */
export function normalizeBarrings(codes: readonly string[]): BarringCode[] {
  const set = new Set(codes)
  return barringCodes.filter((c) => set.has(c))
}

/** A cell of the contract matrix: price if the option applies to the plan, else n/a. */
export interface MatrixCell {
  planCode: string
  optionCode: string
  available: boolean
  monthlyPriceMinor: number
}

export class OptionMatrix {
  private readonly cells = new Map<string, MatrixCell>()

  constructor(cells: readonly MatrixCell[]) {
    for (const cell of cells) this.cells.set(`${cell.planCode}\u0000${cell.optionCode}`, cell)
  }

  /** Whether the option may be put on a line of the plan ("Sans objet" otherwise). */
  applies(planCode: string, optionCode: string): boolean {
    return this.cells.get(`${planCode}\u0000${optionCode}`)?.available === true
  }

  price(planCode: string, optionCode: string): number | null {
    const cell = this.cells.get(`${planCode}\u0000${optionCode}`)
    return cell?.available ? cell.monthlyPriceMinor : null
  }

  /** The options of `options` that do not apply to `planCode`. */
  incompatible(planCode: string, options: readonly string[]): string[] {
    return options.filter((o) => !this.applies(planCode, o))
  }
}

/**
 * What a bulk option change does to one line: options after it, and the requested additions that
 * the line's plan does not allow (flagged in the review table, not applied).
 */
export function applyOptionChange(
  matrix: OptionMatrix,
  planCode: string,
  current: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): { options: string[]; refused: string[] } {
  const refused = add.filter((o) => !matrix.applies(planCode, o))
  const removed = new Set(remove)
  const next = current.filter((o) => !removed.has(o))
  for (const o of add) if (!refused.includes(o) && !next.includes(o)) next.push(o)
  return { options: next.sort(), refused }
}

/**
 * What a plan change does to a line's options: options that apply to the new plan are kept, the
 * others dropped (and shown as such in the review table).
 */
export function applyPlanChange(
  matrix: OptionMatrix,
  newPlan: string,
  current: readonly string[],
): { options: string[]; dropped: string[] } {
  const dropped = current.filter((o) => !matrix.applies(newPlan, o))
  return { options: current.filter((o) => !dropped.includes(o)), dropped }
}

/** Lower-case search key: the number's digits, the description and the user's names. */
export function lineSearchKey(line: {
  phoneNumber: string
  description: string
  userFirstName: string
  userLastName: string
}): string {
  const digits = line.phoneNumber.replace(/\D/g, '')
  const local = digits.startsWith('32') ? `0${digits.slice(2)}` : digits
  return [digits, local, line.description, line.userFirstName, line.userLastName]
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}
