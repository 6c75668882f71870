import type { FleetLineStatus } from '../../../../preload/contract/fleet'
import { navigate } from '../../app/navigation'
import type { Workspace } from '../../app/routes'

export const statusColor: Record<FleetLineStatus, string> = {
  PENDING: 'yellow',
  ACTIVE: 'teal',
  SUSPENDED: 'orange',
  STOPPED: 'gray',
}

/** A Belgian mobile number the way a clerk reads it: +32 470 12 34 56 → 0470 12 34 56. */
export function formatMobile(e164: string): string {
  const m = /^\+32(4\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164)
  return m ? `0${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164
}

/** An ICCID in groups of four, as printed on the card. */
export function formatIccid(iccid: string): string {
  return iccid.replace(/(\d{4})(?=\d)/g, '$1 ')
}

export function goFleet(workspace: Workspace, rest: string[], params: Record<string, string> = {}) {
  navigate({ name: 'area', workspace, section: 'fleets', rest, params })
}
