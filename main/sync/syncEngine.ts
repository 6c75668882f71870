import { and, asc, eq, gt } from 'drizzle-orm'
import { MAX_PUSH_BATCH, type OpResult, SYNC_SCHEMA_VERSION, type SyncOp } from '../../hub/protocol'
import { outbox, syncState } from '../db/schema'
import type { Repository } from '../repo/repository'
import { deskEntities } from './deskEntities'
import type { HubTransport } from './hubTransport'
import { applyChange, NotUnderstoodError } from './remoteApply'

export interface SyncRunResult {
  pushed: number
  rejected: number
  conflicts: number
  /** Sent but waiting for a record the hub does not hold yet: still pending. */
  deferred: number
  /** Archived operations sent again because the hub had lost them (restored from a backup). */
  resent: number
  /** The hub's feed had gone back (restored from a backup): the desk pulled it again from the start. */
  reset: boolean
  pulled: number
  /** Set when the hub sent data this desk does not understand, or refuses its schema. */
  updateRequired: boolean
}

type OutboxRow = typeof outbox.$inferSelect

function toOp(row: OutboxRow): SyncOp {
  return {
    opId: row.opId,
    deskId: row.deskId,
    seq: row.seq,
    entity: row.entity,
    entityId: row.entityId,
    kind: row.kind,
    fields: JSON.parse(row.fields),
    base: JSON.parse(row.base),
    hlc: row.hlc,
    schemaVersion: row.schemaVersion,
  }
}

/**
 * Pushes the outbox and pulls the hub's changes. Nothing here assumes a request arrived: an
 * operation is marked acknowledged only once the hub's answer for it is in hand, and the pull
 * cursor moves only in the transaction that applied the page.
 */
export class SyncEngine {
  constructor(
    private readonly repo: Repository,
    private readonly transport: HubTransport,
    private readonly pullPage = 500,
  ) {}

  state(key: string): string | null {
    return this.repo.db.select().from(syncState).where(eq(syncState.id, key)).get()?.value ?? null
  }

  setState(key: string, value: string): void {
    this.repo.db
      .insert(syncState)
      .values({ id: key, value })
      .onConflictDoUpdate({ target: syncState.id, set: { value } })
      .run()
  }

  /** Sends pending operations in sequence order, batch by batch, until none is left. */
  async push(): Promise<
    Pick<SyncRunResult, 'pushed' | 'rejected' | 'conflicts' | 'deferred' | 'updateRequired'>
  > {
    let pushed = 0
    let rejected = 0
    let conflicts = 0
    let deferred = 0
    let updateRequired = false
    let after = 0
    // Prepared once: a large outbox acknowledges thousands of rows.
    const settle = this.repo.sqlite.prepare(
      'UPDATE outbox SET state = ?, acked_at = ?, result = ? WHERE seq = ?',
    )
    for (;;) {
      // One batch at a time from the (state, seq) index: never the whole outbox in memory.
      const rows = this.repo.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.state, 'pending'), gt(outbox.seq, after)))
        .orderBy(asc(outbox.seq))
        .limit(MAX_PUSH_BATCH)
        .all()
      if (rows.length === 0) break
      const response = await this.transport.push({
        deskId: this.repo.deskId,
        schemaVersion: SYNC_SCHEMA_VERSION,
        ops: rows.map(toOp),
      })
      updateRequired ||= response.updateRequired
      const byId = new Map(response.results.map((r) => [r.opId, r]))
      const now = new Date().toISOString()
      this.repo.sqlite.transaction(() => {
        for (const row of rows) {
          const result = byId.get(row.opId)
          if (!result) continue // not answered: stays pending, sent again next time
          if (result.status === 'deferred') {
            // Not applied: stays pending, sent again next time; the answer says what it waits for.
            deferred++
            this.repo.db
              .update(outbox)
              .set({ result: JSON.stringify(result) })
              .where(eq(outbox.seq, row.seq))
              .run()
            continue
          }
          const state = this.outcomeState(result)
          if (state === 'rejected') rejected++
          if (
            result.status === 'conflict' ||
            (result.status === 'duplicate' && result.stored.status === 'conflict')
          ) {
            conflicts++
          }
          if (
            result.status === 'rejected' &&
            (result.reason === 'UPDATE_REQUIRED' || result.reason === 'HUB_TOO_OLD')
          ) {
            updateRequired = true
          }
          settle.run(state, state === 'acked' ? now : null, JSON.stringify(result), row.seq)
          pushed++
        }
      })()
      after = rows[rows.length - 1]!.seq
    }
    return { pushed, rejected, conflicts, deferred, updateRequired }
  }

  /**
   * Sends archived operations again when the hub no longer holds some it acknowledged: it was
   * restored from an older backup. The hub tells which of this desk's operations it holds (runs of
   * `seq`); every acknowledged one outside them goes back to `pending`, to leave by the usual push,
   * in sequence order — so a crash half-way loses nothing. Returns how many.
   */
  async resendLost(): Promise<number> {
    const { held } = await this.transport.state()
    return this.repo.sqlite
      .prepare(
        `UPDATE outbox SET state = 'pending', acked_at = NULL WHERE state = 'acked' AND NOT EXISTS (
           SELECT 1 FROM json_each(?) AS run
           WHERE outbox.seq BETWEEN run.value ->> 0 AND run.value ->> 1)`,
      )
      .run(JSON.stringify(held)).changes
  }

  private outcomeState(result: OpResult): 'acked' | 'rejected' {
    if (result.status === 'rejected') return 'rejected'
    if (result.status === 'duplicate' && result.stored.status === 'rejected') return 'rejected'
    return 'acked'
  }

  /**
   * Pulls every page since the cursor; each page is applied in one transaction with its cursor and
   * the feed epoch it belongs to. When the hub answers `reset` (it was restored from an older
   * backup), the records only the hub creates are dropped in that same transaction and the feed is
   * applied again from its start: re-applying is idempotent, and the hub re-creates those records.
   */
  async pull(): Promise<{ pulled: number; reset: boolean; updateRequired: boolean }> {
    let pulled = 0
    let reset = false
    for (;;) {
      const cursor = Number(this.state('cursor') ?? 0)
      const epoch = this.state('epoch')
      const page = await this.transport.pull({
        cursor,
        ...(epoch ? { epoch } : {}),
        limit: this.pullPage,
        schemaVersion: SYNC_SCHEMA_VERSION,
      })
      const now = new Date().toISOString()
      let stoppedAt: number | null = null
      this.repo.sqlite
        .transaction(() => {
          let last = cursor
          if (page.reset) {
            reset = true
            last = 0
            for (const def of Object.values(deskEntities))
              if (def.hubOrigin) this.repo.db.delete(def.table).run()
          }
          let maxClock = ''
          for (const change of page.changes) {
            if (change.schemaVersion > SYNC_SCHEMA_VERSION) {
              stoppedAt = change.hubSeq
              break
            }
            try {
              applyChange(this.repo, change, now)
            } catch (error) {
              if (error instanceof NotUnderstoodError) {
                stoppedAt = change.hubSeq
                break
              }
              throw error
            }
            for (const c of Object.values(change.clocks)) if (c > maxClock) maxClock = c
            last = change.hubSeq
            pulled++
          }
          if (maxClock) this.repo.observeClock(maxClock)
          if (last !== cursor) this.setState('cursor', String(last))
          if (page.epoch !== epoch) this.setState('epoch', page.epoch)
        })
        .immediate()
      if (stoppedAt !== null) return { pulled, reset, updateRequired: true }
      if (!page.hasMore || page.changes.length === 0) return { pulled, reset, updateRequired: false }
    }
  }

  /**
   * Push, pull, and — once per feed epoch — check that the hub still holds every operation it
   * acknowledged. A hub restored from a backup has been started again, so it serves a new epoch:
   * checking once per epoch finds every restore without asking the hub to count a desk's
   * operations at every sync.
   */
  async run(): Promise<SyncRunResult> {
    const push = await this.push()
    const pull = await this.pull()
    let resent = 0
    const epoch = this.state('epoch')
    if (epoch && epoch !== this.state('checkedEpoch')) {
      resent = await this.resendLost()
      if (resent > 0) {
        const again = await this.push()
        push.pushed += again.pushed
        push.rejected += again.rejected
        push.conflicts += again.conflicts
        push.deferred = again.deferred
        push.updateRequired ||= again.updateRequired
      }
      this.setState('checkedEpoch', epoch)
    }
    return { ...push, resent, ...pull, updateRequired: push.updateRequired || pull.updateRequired }
  }
}
