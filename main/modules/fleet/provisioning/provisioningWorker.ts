import type { Clock } from '../../../app/clock'
import type {
  OperatorAnswer,
  OperatorOrderRequest,
  OperatorPort,
} from '../../../integrations/operator/operatorPort'
import type { Repository, UnitOfWork } from '../../../repo/repository'
import { MAX_ATTEMPTS, offlineProbeDelayMs, pollDelayMs, retryDelayMs, scheduledPollAt } from './backoff'
import { operatorParams } from './operatorParams'
import { frenchReason } from './operatorReasons'
import type { ProvisioningAction, ProvisioningOutcome, ProvisioningOutcomeHandler } from './provisioningPort'
import { provisioningRequestEntity, type RequestQueries, type RequestRow } from './requestStore'

export interface WorkerOptions {
  repo: Repository
  queries: RequestQueries
  /** null: no operator configured, nothing is sent (requests wait). */
  operator: OperatorPort | null
  clock: Clock
  onOutcome: ProvisioningOutcomeHandler
  log: (entry: Record<string, unknown>) => void
  /** Requests looked at per run. */
  batchSize?: number
  /** Calls to the operator in flight at once. */
  concurrency?: number
  maxAttempts?: number
}

export interface OperatorHealth {
  reachable: boolean | null
  lastContactAt: string | null
}

export interface RunSummary {
  looked: number
  answered: number
  offline: boolean
}

const SYSTEM = (deskId: string) => ({ staffId: null, deskId })

/**
 * Carries this desk's queued requests to the operator and brings back the outcome.
 *
 * - A request stays `queued` while it is being sent: if the desk dies before the answer, it is sent
 *   again at the next start with the same idempotency key, and the operator answers the order it
 *   already has instead of making a second one.
 * - It is `done` or `failed` only on the operator's word (its order `completed` or `rejected`, or a
 *   4xx refusal); the outcome and the state change are one write, with the fleet module's handler.
 * - No connection at all: the whole queue waits and one request probes now and then; nothing is
 *   counted against the requests, so a desk offline for a week sends everything when it is back.
 * - Only rows whose `deskId` is this desk are looked at: other desks' requests arrive by sync and
 *   are shown, never sent from here.
 */
export class ProvisioningWorker {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<RunSummary> | null = null
  private abort = new AbortController()
  private offlineCount = 0
  private offlineUntil = 0
  readonly health: OperatorHealth = { reachable: null, lastContactAt: null }

  constructor(private readonly o: WorkerOptions) {}

  start(intervalMs: number): void {
    if (this.timer || !this.o.operator) return
    this.abort = new AbortController()
    this.timer = setInterval(() => this.runInBackground(), intervalMs)
    this.timer.unref()
    this.kick()
  }

  /** Stops the timer and abandons calls in flight (their requests stay queued and go next time). */
  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.abort.abort()
  }

  /** Runs soon (after the current write commits), e.g. after an enqueue or a retry. */
  kick(): void {
    if (!this.timer) return
    setImmediate(() => {
      if (this.timer) this.runInBackground()
    })
  }

  private runInBackground(): void {
    this.runOnce().catch((error) => {
      this.o.log({ level: 'error', msg: 'provisioning pass failed', error: `${error}` })
    })
  }

  /** Forgets the offline pause, so that the next run tries at once (an agent asked for a retry). */
  wake(): void {
    this.offlineUntil = 0
    this.kick()
  }

  /** One pass over the due requests; runs never overlap (a second call waits for the first). */
  runOnce(): Promise<RunSummary> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null
      })
    }
    return this.running
  }

  private async pass(): Promise<RunSummary> {
    const summary: RunSummary = { looked: 0, answered: 0, offline: false }
    const operator = this.o.operator
    if (!operator) return summary
    const signal = this.abort.signal
    // Stopped: the desk is closing, its database may already be closed.
    if (signal.aborted) return summary
    const now = this.o.clock.now()
    if (now.getTime() < this.offlineUntil) return { ...summary, offline: true }
    const due = this.o.queries.due(this.o.repo.deskId, now.toISOString(), this.o.batchSize ?? 100)
    const concurrency = this.o.concurrency ?? 4
    for (let i = 0; i < due.length && !signal.aborted; i += concurrency) {
      const chunk = due.slice(i, i + concurrency)
      const answers = await Promise.all(
        chunk.map((row) =>
          row.state === 'queued' || !row.operatorRef
            ? operator.submit(orderOf(row), signal)
            : operator.status(row.operatorRef, signal),
        ),
      )
      // Abandoned by stop(): the desk is closing (or its database is), the answers are not kept.
      if (signal.aborted) break
      summary.looked += chunk.length
      let offline = false
      chunk.forEach((row, j) => {
        const answer = answers[j]!
        if (answer.kind === 'unreachable') {
          offline = true
          return
        }
        summary.answered += 1
        this.apply(row, answer)
      })
      if (offline) {
        this.goOffline(chunk.find((_, j) => answers[j]!.kind === 'unreachable')!, answers)
        summary.offline = true
        break
      }
      this.offlineCount = 0
      this.health.reachable = true
      this.health.lastContactAt = this.o.clock.now().toISOString()
    }
    return summary
  }

  private goOffline(row: RequestRow, answers: OperatorAnswer[]): void {
    this.offlineCount += 1
    this.health.reachable = false
    this.offlineUntil = this.o.clock.now().getTime() + offlineProbeDelayMs(this.offlineCount)
    const error = answers.find((a) => a.kind === 'unreachable')
    this.o.log({ level: 'warn', msg: 'operator unreachable: provisioning queue waits', error })
    if (row.lastError !== 'offline') this.update(row, 'provisioning.offline', { lastError: 'offline' })
  }

  /** Records what the operator answered about one request (one write, with the outcome if final). */
  private apply(row: RequestRow, answer: Exclude<OperatorAnswer, { kind: 'unreachable' }>): boolean {
    const now = this.o.clock.now()
    const nowIso = now.toISOString()
    const sending = row.state === 'queued' || !row.operatorRef
    switch (answer.kind) {
      case 'order': {
        const { order } = answer
        const common = {
          operatorRef: order.id,
          operatorStatus: order.status,
          lastError: null,
          ...(sending ? { attempts: row.attempts + 1, sentAt: row.sentAt ?? nowIso } : {}),
        }
        if (order.status === 'completed') {
          return this.finish(row, 'done', { ...common }, { status: 'done', operatorRef: order.id })
        }
        if (order.status === 'rejected') {
          const code = order.reason?.code ?? 'REJECTED'
          const reason = frenchReason(code, order.reason?.message)
          return this.finish(
            row,
            'failed',
            { ...common, reasonCode: code, reason },
            { status: 'failed', reasonCode: code, reason, operatorRef: order.id },
          )
        }
        const sentAt = row.sentAt ?? nowIso
        const next =
          order.status === 'scheduled' && order.scheduledFor && scheduledPollAt(order.scheduledFor) > nowIso
            ? scheduledPollAt(order.scheduledFor)
            : new Date(now.getTime() + pollDelayMs(now.getTime() - Date.parse(sentAt))).toISOString()
        return this.update(row, 'provisioning.sent', { ...common, state: 'sent', nextAttemptAt: next })
      }
      case 'refused': {
        const reason = frenchReason(answer.code, answer.message)
        return this.finish(
          row,
          'failed',
          {
            attempts: row.attempts + 1,
            sentAt: row.sentAt ?? nowIso,
            reasonCode: answer.code,
            reason,
            lastError: null,
          },
          { status: 'failed', reasonCode: answer.code, reason },
        )
      }
      case 'unknown_order':
        // The operator lost the order (or is another instance): send it again, same key.
        return this.update(row, 'provisioning.resend', {
          state: 'queued',
          operatorRef: null,
          operatorStatus: null,
          nextAttemptAt: nowIso,
          lastError: 'unknown_order',
        })
      case 'no_answer': {
        if (!sending) {
          const wait = pollDelayMs(now.getTime() - Date.parse(row.sentAt ?? nowIso))
          return this.update(row, 'provisioning.poll', {
            lastError: answer.error,
            nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
          })
        }
        const attempts = row.attempts + 1
        if (attempts >= (this.o.maxAttempts ?? MAX_ATTEMPTS)) {
          const reason = frenchReason('NO_ANSWER')
          return this.finish(
            row,
            'failed',
            { attempts, reasonCode: 'NO_ANSWER', reason, lastError: answer.error },
            { status: 'failed', reasonCode: 'NO_ANSWER', reason },
          )
        }
        return this.update(row, 'provisioning.timeout', {
          attempts,
          lastError: answer.error,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        })
      }
    }
  }

  /** The request's final state and the fleet module's outcome, in one write. */
  private finish(
    row: RequestRow,
    state: 'done' | 'failed',
    patch: Partial<RequestRow>,
    outcome: Pick<ProvisioningOutcome, 'status' | 'reason' | 'reasonCode' | 'operatorRef'>,
  ): boolean {
    try {
      return this.o.repo.write(SYSTEM(this.o.repo.deskId), `provisioning.${state}`, (unit) => {
        if (!this.unchanged(unit, row)) return false
        unit.update(provisioningRequestEntity, row.id, {
          ...patch,
          state,
          nextAttemptAt: null,
          finishedAt: unit.now,
        })
        this.o.onOutcome(unit, {
          requestId: row.id,
          lineId: row.lineId,
          action: row.action as ProvisioningAction,
          payload: JSON.parse(row.payload) as Record<string, unknown>,
          ...outcome,
        } as ProvisioningOutcome)
        return true
      })
    } catch (error) {
      // The fleet module could not take the outcome: nothing was written; ask the operator again
      // later rather than lose the answer (the order is kept by its key).
      this.o.log({
        level: 'error',
        msg: 'provisioning outcome not applied',
        requestId: row.id,
        error: `${error}`,
      })
      const later = new Date(this.o.clock.now().getTime() + retryDelayMs(row.attempts + 1)).toISOString()
      this.update(row, 'provisioning.outcome_error', { lastError: 'outcome_error', nextAttemptAt: later })
      return false
    }
  }

  private update(row: RequestRow, action: string, patch: Partial<RequestRow>): boolean {
    return this.o.repo.write(SYSTEM(this.o.repo.deskId), action, (unit) => {
      if (!this.unchanged(unit, row)) return false
      unit.update(provisioningRequestEntity, row.id, patch)
      return true
    })
  }

  /** A request changed meanwhile (an agent's retry, a pulled change) is left for the next pass. */
  private unchanged(unit: UnitOfWork, row: RequestRow): boolean {
    const now = unit.load(provisioningRequestEntity, row.id)
    return !!now && now.version === row.version
  }
}

function orderOf(row: RequestRow): OperatorOrderRequest {
  return {
    idempotencyKey: row.idempotencyKey,
    action: row.action as ProvisioningAction,
    lineRef: row.lineId,
    effectiveDate: row.effectiveDate,
    params: operatorParams(
      row.action as ProvisioningAction,
      JSON.parse(row.payload) as Record<string, unknown>,
    ),
  }
}
