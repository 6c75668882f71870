/**
 * Whether a boat may be put on a berth: it must fit (length AND beam, in whole centimetres) and
 * the berth must be in service. Pure, so the rule is tested on its own and the service and the
 * plan's candidate list agree.
 */
export interface BoatSize {
  lengthCm: number
  beamCm: number
}

export interface BerthLimits {
  maxLengthCm: number
  maxBeamCm: number
  status: 'in_service' | 'reserved' | 'out_of_service'
}

export type FitProblem = 'tooLong' | 'tooWide' | 'outOfService'

/** The reasons a boat cannot take a berth, in the order a clerk would fix them; empty = fits. */
export function berthFitProblems(boat: BoatSize, berth: BerthLimits): FitProblem[] {
  const problems: FitProblem[] = []
  if (berth.status === 'out_of_service') problems.push('outOfService')
  if (boat.lengthCm > berth.maxLengthCm) problems.push('tooLong')
  if (boat.beamCm > berth.maxBeamCm) problems.push('tooWide')
  return problems
}
