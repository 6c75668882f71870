import type { fleetContract } from '../../../preload/contract/fleet'
import type { provisioningContract } from '../../../preload/contract/provisioning'
import type { AreaDeps } from '../../app/areaDeps'
import type { Handlers } from '../../ipc/router'
import { CatalogService } from './catalogService'
import { fleetHandlers } from './fleetHandlers'
import { LineImport } from './lineImport'
import { LineQueries } from './lineQueries'
import { LineService } from './lineService'
import { LineSummary } from './lineSummary'
import { createProvisioning, type Provisioning } from './provisioning'

export type FleetHandlers = Pick<Handlers, keyof typeof fleetContract | keyof typeof provisioningContract>

export interface FleetLineSummary {
  id: string
  phoneNumber: string
  description: string
  status: string
  tariffPlanCode: string
}

export interface FleetArea {
  handlers: FleetHandlers
  /** An account's lines, in number order (for the fleet-desk tabs: tickets, group packs). */
  linesOf(customerId: string, limit?: number): FleetLineSummary[]
  catalog: CatalogService
  lines: LineService
  queries: LineQueries
  importer: LineImport
  /** The provisioning queue and worker (tests and benchmarks drive it). */
  provisioning: Provisioning
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createFleetArea(deps: AreaDeps): FleetArea {
  const queries = new LineQueries(deps.repo.sqlite)
  const catalog = new CatalogService(deps.repo, deps.repo.sqlite)
  // The queue is created after the line service (it needs the service's outcome handler).
  let provisioning: Provisioning | null = null
  const lines = new LineService(deps.repo, deps.clock, catalog, queries, () => provisioning!.queue)
  provisioning = createProvisioning(deps, (unit, outcome) => lines.applyOutcome(unit, outcome))
  const importer = new LineImport(deps.repo, catalog, lines)
  provisioning.start()
  return {
    handlers: {
      ...fleetHandlers(catalog, lines, queries, importer, deps.clock, new LineSummary(deps.repo.sqlite)),
      ...provisioning.handlers,
    },
    linesOf: (customerId, limit) => queries.linesOf(customerId, limit),
    catalog,
    lines,
    queries,
    importer,
    provisioning,
    close: () => provisioning?.stop(),
  }
}
