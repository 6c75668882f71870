import type { fleetDeskContract } from '../../../preload/contract/fleetDesk'
import type { AreaDeps } from '../../app/areaDeps'
import type { Handlers } from '../../ipc/router'
import type { FleetArea } from '../fleet/fleetArea'
export type FleetDeskHandlers = Pick<Handlers, keyof typeof fleetDeskContract>

export interface FleetDeskArea {
  handlers: FleetDeskHandlers
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createFleetDeskArea(_deps: AreaDeps & { fleet: FleetArea }): FleetDeskArea {
  return { handlers: {}, close: () => {} }
}
