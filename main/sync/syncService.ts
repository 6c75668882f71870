import { and, desc, eq } from 'drizzle-orm'
import type { SyncConflictView, SyncIssue, SyncStatus } from '../../preload/contract'
import type { Clock } from '../app/clock'
import { customers, outbox, syncConflicts } from '../db/schema'
import { AppError } from '../ipc/appError'
import { seriesVoidEntity } from '../modules/billing/billingService'
import { nameKeys } from '../modules/customers/names'
import type { EntityDef, TableWithId } from '../repo/entities'
import type { Actor, Repository } from '../repo/repository'
import { deskEntities } from './deskEntities'
import type { HubLink } from './hubLinkStore'
import type { HubTransport } from './hubTransport'
import { SyncEngine } from './syncEngine'

export const syncConflictEntity: EntityDef<typeof syncConflicts> = {
  name: 'sync_conflict',
  table: syncConflicts,
  synced: true,
  versioned: true,
}

/** The synced descriptive entities a conflict can be about, for resolving it. */
const lwwEntities: Record<string, EntityDef> = {
  customer: {
    name: 'customer',
    table: customers,
    synced: true,
    versioned: true,
    localFields: ['sortName', 'altName', 'emailKey'],
  },
}

export interface SyncOptions {
  clock: Clock
  offlineWarnHours: number
  log?: (entry: Record<string, unknown>) => void
}

interface Attached {
  mode: 'demo' | 'hub'
  link: Pick<HubLink, 'hubUrl' | 'site'>
  transport: HubTransport
}

const NAME_FIELDS = new Set(['firstName', 'lastName', 'companyName'])
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text))

/**
 * The desk's side of sync: runs the engine (on demand and in the background), keeps its status,
 * and holds the two lists a person acts on — operations the hub rejected, and conflicts.
 */
export class SyncService {
  private attached: Attached | null = null
  private running: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private online = false
  private lastError: string | null = null
  private updateRequired = false

  constructor(
    private readonly repo: Repository,
    private readonly options: SyncOptions,
  ) {}

  attach(mode: 'demo' | 'hub', link: Pick<HubLink, 'hubUrl' | 'site'>, transport: HubTransport): void {
    this.attached = { mode, link, transport }
    this.online = false
    this.lastError = null
  }

  /**
   * Points the desk at a hub it has just enrolled with. Unless that is the hub already in use, the
   * desk sends its whole history again (its archived operations: the hub answers `duplicate` for
   * those it holds) and pulls the new hub's feed from the start, since another hub's change
   * numbers mean nothing there. A run in flight with the previous hub finishes first, so that none
   * of its acknowledgements lands after the history was queued again.
   */
  async switchHub(link: Pick<HubLink, 'hubUrl' | 'site'>, transport: HubTransport): Promise<void> {
    const previous = this.attached
    this.attached = null
    await this.running
    const sameHub = previous?.mode === 'hub' && previous.link.hubUrl === link.hubUrl
    if (!sameHub) {
      this.repo.sqlite.transaction(() => {
        this.repo.sqlite
          .prepare("UPDATE outbox SET state = 'pending', acked_at = NULL WHERE state = 'acked'")
          .run()
        this.repo.sqlite.prepare("DELETE FROM sync_state WHERE id IN ('cursor', 'epoch')").run()
      })()
    }
    this.attach('hub', link, transport)
  }

  /** Background sync every `intervalMs` while attached; runs never overlap. */
  start(intervalMs: number): void {
    this.stop()
    this.timer = setInterval(() => void this.runNow().catch(() => undefined), intervalMs)
    this.timer.unref?.()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private engine(): SyncEngine | null {
    return this.attached ? new SyncEngine(this.repo, this.attached.transport) : null
  }

  private stateValue(key: string): string | null {
    return (
      this.engine()?.state(key) ??
      (
        this.repo.sqlite.prepare('SELECT value FROM sync_state WHERE id = ?').get(key) as
          | { value: string }
          | undefined
      )?.value ??
      null
    )
  }

  /** Runs a sync now; a call while one is running waits for that one instead of starting another. */
  async runNow(): Promise<SyncStatus> {
    if (!this.running) {
      this.running = this.runOnce().finally(() => {
        this.running = null
      })
    }
    await this.running
    return this.status()
  }

  private async runOnce(): Promise<void> {
    const engine = this.engine()
    if (!engine) return
    const now = this.options.clock.now().toISOString()
    engine.setState('lastAttemptAt', now)
    try {
      const result = await engine.run()
      this.online = true
      this.lastError = null
      this.updateRequired = result.updateRequired
      engine.setState('lastSuccessAt', this.options.clock.now().toISOString())
      if (result.pushed || result.pulled) this.options.log?.({ level: 'info', msg: 'sync', ...result })
    } catch (error) {
      this.online = false
      this.lastError = error instanceof Error ? error.message : String(error)
      this.options.log?.({ level: 'warn', msg: 'sync failed', error: this.lastError })
    }
  }

  status(): SyncStatus {
    const count = (sql: string) => (this.repo.sqlite.prepare(sql).get() as { n: number }).n
    const lastSuccessAt = this.stateValue('lastSuccessAt')
    const warnMs = this.options.offlineWarnHours * 3_600_000
    const since = lastSuccessAt ?? this.stateValue('firstAttachAt')
    return {
      mode: this.attached?.mode ?? 'none',
      hubUrl: this.attached?.link.hubUrl ?? null,
      site: this.attached?.link.site ?? null,
      online: this.online,
      running: this.running !== null,
      lastAttemptAt: this.stateValue('lastAttemptAt'),
      lastSuccessAt,
      lastError: this.lastError,
      pending: count("SELECT count(*) AS n FROM outbox WHERE state = 'pending'"),
      rejected: count("SELECT count(*) AS n FROM outbox WHERE state = 'rejected'"),
      openConflicts: count("SELECT count(*) AS n FROM sync_conflicts WHERE status = 'open'"),
      offlineWarning:
        since !== null && this.options.clock.now().getTime() - new Date(since).getTime() > warnMs,
      offlineWarnHours: this.options.offlineWarnHours,
      // Also while an operation refused for its schema version waits in the sync issues list.
      updateRequired:
        this.updateRequired ||
        count(
          "SELECT count(*) AS n FROM outbox WHERE state = 'rejected' AND json_extract(result, '$.reason') IN ('UPDATE_REQUIRED', 'HUB_TOO_OLD')",
        ) > 0,
    }
  }

  issues(): SyncIssue[] {
    return this.repo.db
      .select()
      .from(outbox)
      .where(eq(outbox.state, 'rejected'))
      .orderBy(outbox.seq)
      .limit(500)
      .all()
      .map((r) => {
        const result = (r.result ? JSON.parse(r.result) : {}) as {
          reason?: string
          message?: string
          stored?: { reason?: string; message?: string }
        }
        return {
          seq: r.seq,
          opId: r.opId,
          entity: r.entity,
          entityId: r.entityId,
          kind: r.kind,
          fields: JSON.parse(r.fields),
          reason: result.reason ?? result.stored?.reason ?? 'UNKNOWN',
          message: result.message ?? result.stored?.message ?? '',
          createdAt: r.createdAt,
        }
      })
  }

  private rejectedOp(seq: number) {
    const row = this.repo.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.seq, seq), eq(outbox.state, 'rejected')))
      .get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'outbox', seq })
    return row
  }

  /** Sends a rejected operation again, unchanged (the hub judges it anew). */
  async retry(actor: Actor, seq: number): Promise<SyncStatus> {
    this.repo.write(actor, 'sync.retry', (unit) => {
      const row = this.rejectedOp(seq)
      unit.db.update(outbox).set({ state: 'pending', result: null }).where(eq(outbox.seq, seq)).run()
      unit.audit('outbox', row.opId, { state: 'rejected' }, { state: 'pending' })
    })
    return this.runNow()
  }

  /**
   * Gives up a rejected operation, with a reason, audited. The row stays in the outbox, marked
   * discarded: nothing typed at the desk is ever erased. An invoice number it used becomes a void.
   */
  discard(actor: Actor, seq: number, reason: string): SyncStatus {
    this.repo.write(actor, 'sync.discard', (unit) => {
      const row = this.rejectedOp(seq)
      unit.db
        .update(outbox)
        .set({
          state: 'discarded' as 'rejected',
          result: JSON.stringify({ ...(parse(row.result) as object), discardReason: reason }),
        })
        .where(eq(outbox.seq, seq))
        .run()
      unit.audit(
        'outbox',
        row.opId,
        { state: 'rejected', entity: row.entity, entityId: row.entityId },
        { state: 'discarded', reason },
      )
      const refusal = parse(row.result) as { reason?: string } | null
      if (row.entity === 'invoice' && refusal?.reason !== 'NUMBER_TAKEN') {
        // The number this invoice took will never reach the hub: record the gap it leaves.
        const fields = JSON.parse(row.fields) as { series: string; number: number }
        unit.append(seriesVoidEntity, {
          id: this.repo.newId(),
          series: fields.series,
          number: fields.number,
          reason: `opération ${row.opId} abandonnée : ${reason}`,
          deskId: this.repo.deskId,
          createdAt: unit.now,
        })
      }
    })
    return this.status()
  }

  conflicts(status: 'open' | 'resolved'): SyncConflictView[] {
    return this.repo.db
      .select()
      .from(syncConflicts)
      .where(eq(syncConflicts.status, status))
      .orderBy(desc(syncConflicts.id))
      .limit(200)
      .all()
      .map((c) => this.view(c))
  }

  private view(c: typeof syncConflicts.$inferSelect): SyncConflictView {
    const def = deskEntities[c.entity]
    const record = def
      ? (this.repo.db
          .select()
          .from(def.table as TableWithId)
          .where(eq((def.table as TableWithId).id, c.entityId))
          .get() as Record<string, unknown> | undefined)
      : undefined
    const label = record
      ? [record.displayName, record.customerNumber].filter(Boolean).join(' · ') || c.entityId
      : c.entityId
    return {
      id: c.id,
      entity: c.entity,
      entityId: c.entityId,
      label,
      field: c.field,
      theirs: parse(c.theirs),
      theirsDesk: c.theirsDesk,
      theirsHlc: c.theirsHlc,
      yours: parse(c.yours),
      yoursDesk: c.yoursDesk,
      yoursHlc: c.yoursHlc,
      current: c.field === '_deleted' ? record === undefined : (record?.[c.field] ?? null),
      status: c.status,
      resolution: c.resolution,
      resolvedBy: c.resolvedBy,
      detectedAt: c.createdAt,
    }
  }

  /**
   * Resolves a conflict: the chosen value is written as a new change of the field (so it syncs and
   * wins everywhere), and the conflict is marked resolved, in one transaction.
   */
  resolve(actor: Actor, id: string, choice: 'theirs' | 'yours' | 'edit', value?: unknown): SyncConflictView {
    const row = this.repo.write(actor, 'conflict.resolve', (unit) => {
      const conflict = unit.load(syncConflictEntity, id) as typeof syncConflicts.$inferSelect | undefined
      if (!conflict) throw new AppError('NOT_FOUND', { entity: 'sync_conflict', id })
      if (conflict.status !== 'open') throw new AppError('CONFLICT', { reason: 'already resolved' })
      const chosen =
        choice === 'theirs' ? parse(conflict.theirs) : choice === 'yours' ? parse(conflict.yours) : value
      const target = lwwEntities[conflict.entity]
      if (conflict.field !== '_deleted' && target) {
        if (chosen === undefined) throw AppError.field('value', 'validation.required')
        const desk = deskEntities[conflict.entity]!
        const patch: Record<string, unknown> = { [conflict.field]: chosen }
        if (conflict.entity === 'customer' && NAME_FIELDS.has(conflict.field)) {
          // The shown name is a synced field of its own: it follows the name part chosen here.
          const current = unit.load(target, conflict.entityId) as Record<string, unknown> | undefined
          if (current) {
            patch.displayName = nameKeys({
              kind: current.kind as 'person' | 'company',
              firstName: current.firstName as string | null,
              lastName: current.lastName as string | null,
              companyName: current.companyName as string | null,
              [conflict.field]: chosen,
            }).displayName
          }
        }
        const { row: updated } = unit.update(target, conflict.entityId, patch as never)
        const derived = desk.derive?.(updated as Record<string, unknown>)
        if (derived)
          unit.db.update(target.table).set(derived).where(eq(target.table.id, conflict.entityId)).run()
        desk.afterWrite?.(unit.db, this.repo.sqlite, conflict.entityId, {
          ...(updated as Record<string, unknown>),
          ...derived,
        })
      }
      return unit.update(syncConflictEntity, id, {
        status: 'resolved',
        resolution: choice,
        resolvedBy: actor.staffId,
      }).row
    })
    void this.runNow().catch(() => undefined)
    return this.view(row)
  }
}
