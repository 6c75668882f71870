import { asc, eq } from 'drizzle-orm'
import { MAX_PUSH_BATCH, type OpResult, SYNC_SCHEMA_VERSION, type SyncOp } from '../../hub/protocol'
import { outbox, syncState } from '../db/schema'
import type { Repository } from '../repo/repository'
import type { HubTransport } from './hubTransport'
import { applyChange, NotUnderstoodError } from './remoteApply'

export interface SyncRunResult {
  pushed: number
  rejected: number
  conflicts: number
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
  async push(): Promise<Pick<SyncRunResult, 'pushed' | 'rejected' | 'conflicts' | 'updateRequired'>> {
    let pushed = 0
    let rejected = 0
    let conflicts = 0
    let updateRequired = false
    let after = 0
    for (;;) {
      const rows = this.repo.db
        .select()
        .from(outbox)
        .where(eq(outbox.state, 'pending'))
        .orderBy(asc(outbox.seq))
        .all()
        .filter((r) => r.seq > after)
        .slice(0, MAX_PUSH_BATCH)
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
          this.repo.db
            .update(outbox)
            .set({ state, ackedAt: state === 'acked' ? now : null, result: JSON.stringify(result) })
            .where(eq(outbox.seq, row.seq))
            .run()
          pushed++
        }
      })()
      after = rows[rows.length - 1]!.seq
    }
    return { pushed, rejected, conflicts, updateRequired }
  }

  private outcomeState(result: OpResult): 'acked' | 'rejected' {
    if (result.status === 'rejected') return 'rejected'
    if (result.status === 'duplicate' && result.stored.status === 'rejected') return 'rejected'
    return 'acked'
  }

  /** Pulls every page since the cursor; each page is applied in one transaction with its cursor. */
  async pull(): Promise<{ pulled: number; updateRequired: boolean }> {
    let pulled = 0
    for (;;) {
      const cursor = Number(this.state('cursor') ?? 0)
      const page = await this.transport.pull({
        cursor,
        limit: this.pullPage,
        schemaVersion: SYNC_SCHEMA_VERSION,
      })
      if (page.changes.length === 0) return { pulled, updateRequired: false }
      const now = new Date().toISOString()
      let stoppedAt: number | null = null
      this.repo.sqlite
        .transaction(() => {
          let last = cursor
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
          this.setState('cursor', String(last))
        })
        .immediate()
      if (stoppedAt !== null) return { pulled, updateRequired: true }
      if (!page.hasMore) return { pulled, updateRequired: false }
    }
  }

  async run(): Promise<SyncRunResult> {
    const push = await this.push()
    const pull = await this.pull()
    return { ...push, ...pull, updateRequired: push.updateRequired || pull.updateRequired }
  }
}
