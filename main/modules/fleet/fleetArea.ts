import type { fleetContract } from '../../../preload/contract/fleet'
import type { provisioningContract } from '../../../preload/contract/provisioning'
import type { AreaDeps } from '../../app/areaDeps'
import type { Handlers } from '../../ipc/router'

export type FleetHandlers = Pick<Handlers, keyof typeof fleetContract | keyof typeof provisioningContract>

export interface FleetArea {
  handlers: FleetHandlers
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createFleetArea(_deps: AreaDeps): FleetArea {
  return { handlers: {}, close: () => {} }
}
