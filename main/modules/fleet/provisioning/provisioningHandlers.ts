import type { ProvisioningSummary, provisioningContract } from '../../../../preload/contract/provisioning'
import { AppError } from '../../../ipc/appError'
import type { Handlers } from '../../../ipc/router'
import type { Repository } from '../../../repo/repository'
import type { ProvisioningWorker } from './provisioningWorker'
import { isRetryable, provisioningRequestEntity, type RequestQueries, toView } from './requestStore'

export function provisioningHandlers(deps: {
  repo: Repository
  queries: RequestQueries
  worker: ProvisioningWorker
  mode: ProvisioningSummary['operator']['mode']
}): Pick<Handlers, keyof typeof provisioningContract> {
  const { repo, queries, worker } = deps
  return {
    'provisioning.list': (input) => {
      const page = queries.list(input)
      return { items: page.rows.map((r) => toView(r, repo.deskId)), nextCursor: page.nextCursor }
    },
    'provisioning.summary': () => ({
      counts: queries.counts(),
      operator: { mode: deps.mode, ...worker.health },
    }),
    /**
     * Sends a request again with its own idempotency key: if the operator did apply it the first
     * time, it answers that order and nothing happens twice. Any desk may ask; the desk that
     * created the request sends it (the change reaches it by sync).
     */
    'provisioning.retry': ({ id }, ctx) => {
      const row = queries.get(id)
      if (!row) throw new AppError('NOT_FOUND', { entity: 'provisioning_request', id })
      if (!isRetryable(row))
        throw new AppError('CONFLICT', { reason: 'provisioning.notRetryable', state: row.state })
      const updated = repo.write(ctx.actor(), 'provisioning.retry', (unit) => {
        const now = unit.now
        return unit.update(
          provisioningRequestEntity,
          id,
          row.state === 'failed'
            ? {
                state: 'queued',
                attempts: 0,
                reasonCode: null,
                reason: null,
                finishedAt: null,
                nextAttemptAt: now,
              }
            : { nextAttemptAt: now },
          { expectedVersion: row.version },
        ).row
      })
      worker.wake()
      return toView(updated, repo.deskId)
    },
  }
}
