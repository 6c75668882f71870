import type { FleetLineStatus } from '../../../../preload/contract/fleet'
import { navigate } from '../../app/navigation'
import type { Workspace } from '../../app/routes'

export const statusColor: Record<FleetLineStatus, string> = {
  PENDING: 'yellow',
  ACTIVE: 'teal',
  SUSPENDED: 'orange',
  STOPPED: 'gray',
}

/** An ICCID in groups of four, as printed on the card. */
export function formatIccid(iccid: string): string {
  return iccid.replace(/(\d{4})(?=\d)/g, '$1 ')
}

export function goFleet(workspace: Workspace, rest: string[], params: Record<string, string> = {}) {
  navigate({ name: 'area', workspace, section: 'fleets', rest, params })
}
