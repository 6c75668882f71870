/** Tables of the provisioning area: what the desk asks the operator's network to do. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './sync'

/**
 * One change the network must carry out (activation, swap, suspension, barrings, plan…), recorded
 * in the same write as the line change that needs it. `state`: `queued` (waiting to be sent, or
 * sent without an answer yet) → `sent` (the operator accepted the order) → `done` / `failed`.
 * `idempotencyKey` never changes, so a request sent twice (time-out, restart, retry) is applied
 * once by the operator. Synced, so every desk sees it; only the desk that created it (`deskId`)
 * sends it. No foreign key to the line: a request may be pulled before its line.
 */
export const provisioningRequests = sqliteTable(
  'provisioning_requests',
  {
    id: text('id').primaryKey(),
    deskId: text('desk_id').notNull(),
    lineId: text('line_id').notNull(),
    /** What the agent sees for the line (its phone number), kept so lists need no join. */
    lineLabel: text('line_label'),
    action: text('action').notNull(),
    /** JSON of what the operator needs (ICCID, plan code, barrings…). */
    payload: text('payload').notNull(),
    effectiveDate: text('effective_date'),
    idempotencyKey: text('idempotency_key').notNull(),
    state: text('state', { enum: ['queued', 'sent', 'done', 'failed'] }).notNull(),
    /** The operator's code of a refusal (`ICCID_UNKNOWN`…) or ours (`NO_ANSWER`). */
    reasonCode: text('reason_code'),
    /** The refusal in French (the operator's message translated when the code is known). */
    reason: text('reason'),
    attempts: integer('attempts').notNull(),
    /** When the worker looks at it next (send again, or ask the operator for its status). */
    nextAttemptAt: text('next_attempt_at'),
    /** Why the last attempt did not get an answer (`offline`, `timeout`, `http_503`…). */
    lastError: text('last_error'),
    operatorRef: text('operator_ref'),
    /** The operator's own status of the order (`pending`, `scheduled`, `completed`, `rejected`). */
    operatorStatus: text('operator_status'),
    staffId: text('staff_id'),
    sentAt: text('sent_at'),
    finishedAt: text('finished_at'),
    ...syncColumns(),
  },
  (t) => [
    uniqueIndex('provisioning_requests_key_idx').on(t.idempotencyKey),
    index('provisioning_requests_due_idx').on(t.deskId, t.state, t.nextAttemptAt),
    index('provisioning_requests_line_idx').on(t.lineId, t.createdAt, t.id),
    index('provisioning_requests_state_idx').on(t.state, t.createdAt, t.id),
    index('provisioning_requests_created_idx').on(t.createdAt, t.id),
  ],
)
