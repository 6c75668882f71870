/**
 * Which contract holds a berth over a period, in SQL, so that the plan, the candidate berths and
 * the overlap check agree. A contract holds its berth from its start to its effective end: its end
 * date, or the day before the start of a record that amends or terminates it (contractState.ts).
 * Cancelled drafts and termination records hold nothing. A draft holds the berth (shown
 * "reserved") so two clerks cannot promise the same berth.
 */
import type { Occupancy } from '../../../preload/contract/harbour'

/**
 * A condition on the contract aliased `c` true when it holds its berth on at least one night of
 * [@start, @end] (named parameters).
 */
export const HOLDS_BERTH_SQL = `c.status != 'cancelled' AND c.kind != 'termination'
  AND c.start_date <= @end AND c.end_date >= @start
  AND NOT EXISTS (SELECT 1 FROM harbour_contracts f
    WHERE f.references_id = c.id AND f.status != 'cancelled' AND f.start_date <= @start)`

/** What the plan shows for a berth on a date. */
export function occupancyOf(
  berthStatus: 'in_service' | 'reserved' | 'out_of_service',
  contract: { status: 'draft' | 'signed' | 'cancelled'; contractType: string } | null,
): Occupancy {
  if (berthStatus === 'out_of_service') return 'out_of_service'
  if (contract) {
    if (contract.status === 'draft') return 'reserved'
    return contract.contractType === 'passage' ? 'visitor' : 'contract'
  }
  return berthStatus === 'reserved' ? 'reserved' : 'free'
}
