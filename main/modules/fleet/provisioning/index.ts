import { randomBytes } from 'node:crypto'
import type { provisioningContract } from '../../../../preload/contract/provisioning'
import type { AreaDeps } from '../../../app/areaDeps'
import { httpOperator } from '../../../integrations/operator/httpOperator'
import type { OperatorPort } from '../../../integrations/operator/operatorPort'
import { type SandboxOperator, startSandboxOperator } from '../../../integrations/operator/sandboxOperator'
import { AppError } from '../../../ipc/appError'
import type { Handlers } from '../../../ipc/router'
import { provisioningHandlers } from './provisioningHandlers'
import {
  CONFLICTING_ACTIONS,
  type ProvisioningOutcomeHandler,
  type ProvisioningQueue,
} from './provisioningPort'
import { ProvisioningWorker } from './provisioningWorker'
import { insertRequest, RequestQueries } from './requestStore'

export interface ProvisioningOptions {
  /** The operator's API (GUICHET_OPERATOR_URL); default: the desk's configuration. */
  operatorUrl?: string | null
  operatorKey?: string | null
  /** Another operator port (tests); wins over the URL and the sandbox. */
  operator?: OperatorPort
  /** Start the loopback sandbox operator when no URL is configured; default: the desk's demo mode. */
  sandbox?: boolean
  /** Milliseconds between worker passes (default 2 s). */
  intervalMs?: number
  /** Milliseconds before a call without an answer counts as a time-out (default 10 s). */
  timeoutMs?: number
  maxAttempts?: number
}

export interface Provisioning {
  queue: ProvisioningQueue
  handlers: Pick<Handlers, keyof typeof provisioningContract>
  /** Starts the worker (and the sandbox operator in demo mode). */
  start(): void
  /** Stops the worker and the sandbox; requests in flight stay queued and go at the next start. */
  stop(): void
  /** The worker, for tests and benchmarks that drive passes themselves (`runOnce`). */
  worker: ProvisioningWorker
  /** The in-process sandbox operator once started (demo mode), else null. */
  sandbox(): Promise<SandboxOperator | null>
}

/**
 * The provisioning area: the request queue the fleet module writes into, the worker that carries
 * requests to the operator, and the channels of the requests screen. See docs/provisioning.md.
 */
export function createProvisioning(
  deps: AreaDeps,
  onOutcome: ProvisioningOutcomeHandler,
  options: ProvisioningOptions = {},
): Provisioning {
  const { repo } = deps
  const queries = new RequestQueries(repo.sqlite, repo.db)
  const config = deps.options
  const url = options.operatorUrl !== undefined ? options.operatorUrl : (config.operatorUrl ?? null)
  const key = options.operatorKey !== undefined ? options.operatorKey : (config.operatorKey ?? null)
  const useSandbox = !options.operator && !url && (options.sandbox ?? deps.options.demo)
  const timeoutMs = options.timeoutMs ?? 10_000

  let sandbox: Promise<SandboxOperator> | null = null
  const sandboxKey = randomBytes(16).toString('hex')
  const startSandbox = () => {
    sandbox ??= startSandboxOperator({ clock: deps.clock, apiKey: sandboxKey })
    return sandbox
  }

  const operator: OperatorPort | null =
    options.operator ??
    (url
      ? httpOperator({ baseUrl: url, apiKey: key, timeoutMs })
      : useSandbox
        ? httpOperator({ baseUrl: async () => (await startSandbox()).url, apiKey: sandboxKey, timeoutMs })
        : null)
  const mode = options.operator || url ? 'remote' : useSandbox ? 'demo' : 'none'

  const worker = new ProvisioningWorker({
    repo,
    queries,
    operator,
    clock: deps.clock,
    onOutcome,
    log: deps.log,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  })

  const queue: ProvisioningQueue = {
    enqueue(unit, request) {
      const conflicting = CONFLICTING_ACTIONS[request.action]
      if (queries.pendingLines([request.lineId], conflicting).size > 0) {
        throw AppError.field('status', 'validation.fleetRequestPending', { action: request.action })
      }
      const row = insertRequest(unit, repo.newId(), request)
      // Runs after the caller's write has committed (repo.write is synchronous).
      worker.kick()
      return { requestId: row.id }
    },
    pendingConflicts(lineIds, action) {
      return queries.pendingLines(lineIds, CONFLICTING_ACTIONS[action])
    },
  }

  return {
    queue,
    worker,
    handlers: provisioningHandlers({ repo, queries, worker, mode }),
    start() {
      if (useSandbox) {
        startSandbox().catch((error) =>
          deps.log({ level: 'error', msg: 'sandbox operator not started', error: `${error}` }),
        )
      }
      worker.start(options.intervalMs ?? 2000)
    },
    stop() {
      worker.stop()
      const running = sandbox
      sandbox = null
      if (running) void running.then((s) => s.close()).catch(() => {})
    },
    sandbox: async () => (sandbox ? await sandbox : null),
  }
}

export type { ProvisioningOutcome, ProvisioningOutcomeHandler, ProvisioningQueue } from './provisioningPort'
