/** A desk with the provisioning area wired to a sandbox operator, for the provisioning tests. */
import { ulid } from 'ulid'
import type { AreaDeps } from '../../main/app/areaDeps'
import type { Clock } from '../../main/app/clock'
import type { Core } from '../../main/app/core'
import { DocumentStore } from '../../main/documents/documentStore'
import { type SandboxOperator, startSandboxOperator } from '../../main/integrations/operator/sandboxOperator'
import {
  createProvisioning,
  type Provisioning,
  type ProvisioningOptions,
} from '../../main/modules/fleet/provisioning'
import type {
  ProvisioningEnqueue,
  ProvisioningOutcome,
} from '../../main/modules/fleet/provisioning/provisioningPort'
import {
  provisioningRequestEntity,
  type RequestRow,
} from '../../main/modules/fleet/provisioning/requestStore'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

/** A clock the test moves by hand; the desk and the sandbox read the same one. */
export function manualClock(start: string) {
  let t = Date.parse(start)
  const clock: Clock & { set(iso: string): void; advance(ms: number): void } = {
    now: () => new Date(t),
    set: (iso) => {
      t = Date.parse(iso)
    },
    advance: (ms) => {
      t += ms
    },
  }
  return clock
}

export function areaDeps(core: Core, clock: Clock): AreaDeps {
  const s = core.services
  return {
    repo: s.repo,
    clock,
    settings: s.settings,
    customers: s.customers,
    billing: s.billing,
    sync: s.sync,
    documents: new DocumentStore(s.repo),
    options: { dataDir: '', deskId: s.repo.deskId, demo: false, host: 'browser', version: 'test' },
    log: () => {},
  }
}

export interface ProvisioningDesk {
  desk: TestDesk
  provisioning: Provisioning
  outcomes: ProvisioningOutcome[]
  enqueue(request: Partial<ProvisioningEnqueue>): string
  row(id: string): RequestRow
  close(): void
}

/** ICCIDs of the sandbox's network: 8932 prefix and a valid Luhn check digit. */
export function networkIccid(body: string): string {
  const payload = `8932${body}`.padEnd(18, '0')
  let sum = 0
  for (let i = 0; i < payload.length; i++) {
    let d = payload.charCodeAt(payload.length - 1 - i) - 48
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return payload + String((10 - (sum % 10)) % 10)
}

export async function provisioningDesk(
  clock: Clock,
  operator: SandboxOperator | { url: string },
  options: ProvisioningOptions & { dir?: string; deskId?: string } = {},
): Promise<ProvisioningDesk> {
  const desk = await tempDesk({
    clock,
    ...(options.dir ? { dir: options.dir } : {}),
    ...(options.deskId ? { deskId: options.deskId } : {}),
  })
  // The desk's own fleet area runs a provisioning worker (demo mode: against its own sandbox);
  // these tests drive theirs by hand, on the table they share.
  ;(desk.core.services.fleet as { provisioning?: Provisioning }).provisioning?.stop()
  const outcomes: ProvisioningOutcome[] = []
  const provisioning = createProvisioning(
    areaDeps(desk.core, clock),
    (unit, outcome) => {
      // Inside the worker's write, as the fleet module's handler is.
      unit.audit('test_line', outcome.lineId, null, { outcome: outcome.status })
      outcomes.push(outcome)
    },
    { operatorUrl: operator.url, timeoutMs: 400, ...options },
  )
  const repo = desk.core.services.repo
  return {
    desk,
    provisioning,
    outcomes,
    enqueue: (request) =>
      repo.write({ staffId: null, deskId: repo.deskId }, 'fleet.test', (unit) => {
        return provisioning.queue.enqueue(unit, {
          lineId: ulid(),
          action: 'suspend',
          payload: {},
          ...request,
        }).requestId
      }),
    row: (id) =>
      desk.core.services.repo.db
        .select()
        .from(provisioningRequestEntity.table)
        .all()
        .find((r) => r.id === id)!,
    close: () => {
      provisioning.stop()
      desk.dispose()
    },
  }
}

export { startSandboxOperator }
