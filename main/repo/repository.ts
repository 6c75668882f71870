import type Database from 'better-sqlite3'
import { eq, type InferInsertModel, type InferSelectModel } from 'drizzle-orm'
import { SYNC_SCHEMA_VERSION } from '../../hub/protocol'
import type { Clock } from '../app/clock'
import type { AppDb } from '../db/open'
import { auditLog, clockState, outbox } from '../db/schema'
import { earliestHlc, formatHlc, type Hlc, parseHlc, receive, tick } from '../sync/hlc'
import { type EntityDef, SYNC_META_FIELDS, type TableWithId } from './entities'
import { newUlid } from './newId'
import { RowStatements } from './rowStatements'

export interface Actor {
  staffId: string | null
  deskId: string
}

export class RepositoryError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

type Row = Record<string, unknown>

/**
 * The one way to write business data. Each write runs in one IMMEDIATE transaction that, with the
 * change itself, appends an audit entry and (for synced entities) an outbox operation stamped with
 * the desk's hybrid logical clock: either all of it is on disk, or none of it.
 */
export class Repository {
  private lastClock: Hlc | null = null
  /** Prepared single-row statements of every table the repository writes. */
  readonly rows: RowStatements

  constructor(
    readonly db: AppDb,
    readonly sqlite: Database.Database,
    private readonly clock: Clock,
    readonly deskId: string,
    /** The id factory (ULIDs); the demo-data seeder passes a seeded one so its data is reproducible. */
    readonly newId: () => string = newUlid,
  ) {
    this.rows = new RowStatements(sqlite)
  }

  /** Runs `fn` in one transaction; every operation of `fn` shares the same audit action name. */
  write<T>(actor: Actor, action: string, fn: (unit: UnitOfWork) => T): T {
    const run = this.sqlite.transaction(() => {
      const unit = new UnitOfWork(this, actor, action)
      const result = fn(unit)
      unit.finish()
      return result
    })
    try {
      return run.immediate()
    } catch (error) {
      // The transaction rolled back: forget the clock we advanced, reload it from disk next time.
      this.lastClock = null
      throw error
    }
  }

  /** Advances the desk clock inside the current transaction and persists it. */
  nextClock(): string {
    if (!this.lastClock) {
      const row = this.db.select().from(clockState).where(eq(clockState.id, 1)).get()
      this.lastClock = row ? parseHlc(row.last) : null
    }
    this.lastClock = tick(this.lastClock, this.clock.now().getTime(), this.deskId)
    return formatHlc(this.lastClock)
  }

  /**
   * Moves the desk clock past a clock seen from another desk (pulled changes), so that whatever
   * this desk writes next is ordered after what it has seen. Call inside a transaction.
   */
  observeClock(remote: string): void {
    if (!this.lastClock) {
      const row = this.db.select().from(clockState).where(eq(clockState.id, 1)).get()
      this.lastClock = row ? parseHlc(row.last) : null
    }
    this.lastClock = receive(this.lastClock, parseHlc(remote), this.clock.now().getTime(), this.deskId)
    this.persistClock()
  }

  persistClock(): void {
    if (!this.lastClock) return
    const last = formatHlc(this.lastClock)
    this.db
      .insert(clockState)
      .values({ id: 1, last })
      .onConflictDoUpdate({ target: clockState.id, set: { last } })
      .run()
  }

  nowIso(): string {
    return this.clock.now().toISOString()
  }
}

/**
 * A field as it travels: the hub takes text, numbers and null only, so a yes/no field goes as the
 * 1/0 its SQLite column holds (and reads back as a boolean on the desk that applies it).
 */
function toWire(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  return value ?? null
}

export class UnitOfWork {
  private touchedClock = false
  /** One instant for the whole transaction: every row it writes carries the same time. */
  readonly now: string

  constructor(
    private readonly repo: Repository,
    readonly actor: Actor,
    readonly action: string,
  ) {
    this.now = repo.nowIso()
  }

  get db(): AppDb {
    return this.repo.db
  }

  insert<T extends TableWithId>(entity: EntityDef<T>, values: InferInsertModel<T>): InferSelectModel<T> {
    const row: Row = { ...(values as Row) }
    const hlc = this.clockFor(entity)
    if (entity.versioned) {
      const now = this.now
      row.createdAt ??= now
      row.updatedAt = now
      row.version = hlc
      // Every synced column gets the creation's clock, the omitted ones (null) too: the create
      // operation sends them all, so the hub's clock for each is this one.
      const columns = Object.fromEntries(this.repo.rows.of(entity.table).keys.map((k) => [k, 1]))
      row.clocks = JSON.stringify(Object.fromEntries(this.syncedKeys(entity, columns).map((k) => [k, hlc])))
    }
    this.repo.rows.of(entity.table).insert(row)
    const after = this.load(entity, row.id as string)!
    this.record(entity, row.id as string, 'create', null, after, hlc)
    return after as InferSelectModel<T>
  }

  /** An append-only fact (a payment, a ledger entry): inserted once, never updated. */
  append<T extends TableWithId>(entity: EntityDef<T>, values: InferInsertModel<T>): InferSelectModel<T> {
    const row: Row = { ...(values as Row) }
    const hlc = this.clockFor(entity)
    this.repo.rows.of(entity.table).insert(row)
    const after = this.load(entity, row.id as string)!
    this.record(entity, row.id as string, 'append', null, after, hlc)
    return after as InferSelectModel<T>
  }

  /**
   * Changes the given fields; only those whose value differs are written, audited and sent.
   * With `expectedVersion`, a record changed since the caller read it answers CONFLICT.
   */
  update<T extends TableWithId>(
    entity: EntityDef<T>,
    id: string,
    patch: Partial<InferInsertModel<T>>,
    options: { expectedVersion?: string } = {},
  ): { row: InferSelectModel<T>; changed: string[] } {
    const before = this.load(entity, id)
    if (!before) throw new RepositoryError('NOT_FOUND', `${entity.name} ${id} not found`)
    if (entity.versioned && options.expectedVersion && before.version !== options.expectedVersion) {
      throw new RepositoryError(
        'CONFLICT',
        `${entity.name} ${id} changed since version ${options.expectedVersion}`,
        {
          currentVersion: before.version,
        },
      )
    }
    const changed = Object.keys(patch).filter(
      (k) => k !== 'id' && JSON.stringify((patch as Row)[k] ?? null) !== JSON.stringify(before[k] ?? null),
    )
    if (changed.length === 0) return { row: before as InferSelectModel<T>, changed }

    const set: Row = Object.fromEntries(changed.map((k) => [k, (patch as Row)[k]]))
    const hlc = this.clockFor(entity)
    let baseClocks: Record<string, string | null> = {}
    let sent = changed
    if (entity.versioned) {
      const clocks = JSON.parse(before.clocks as string) as Record<string, string>
      // `updatedAt` travels with the change like any field (merged by clock, never a conflict at
      // the hub), so that every desk shows the same "last changed" time.
      set.updatedAt = this.now
      const synced = this.syncedKeys(entity, set)
      // A field missing from `clocks` (rows written before every column got one) has not changed
      // since its creation: its clock at the hub is the creation's, the earliest one here.
      const created = earliestHlc(Object.values(clocks))
      baseClocks = Object.fromEntries(synced.map((k) => [k, clocks[k] ?? created]))
      for (const k of synced) clocks[k] = hlc
      set.clocks = JSON.stringify(clocks)
      set.version = hlc
      sent = changed.includes('updatedAt') ? changed : [...changed, 'updatedAt']
    }
    this.repo.rows.of(entity.table).update(id, set)
    const after = this.load(entity, id)!
    this.record(entity, id, 'update', before, after, hlc, changed, baseClocks, sent)
    return { row: after as InferSelectModel<T>, changed }
  }

  remove<T extends TableWithId>(entity: EntityDef<T>, id: string): void {
    const before = this.load(entity, id)
    if (!before) throw new RepositoryError('NOT_FOUND', `${entity.name} ${id} not found`)
    const hlc = this.clockFor(entity)
    this.repo.rows.of(entity.table).delete(id)
    this.record(entity, id, 'delete', before, null, hlc)
  }

  load<T extends TableWithId>(entity: EntityDef<T>, id: string): Row | undefined {
    return this.repo.rows.of(entity.table).load(id)
  }

  /** An audit entry for a change that is not an entity write (e.g. discarding an outbox operation). */
  audit(
    entity: string,
    entityId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ) {
    this.repo.rows.of(auditLog).insert({
      id: this.repo.newId(),
      at: this.now,
      staffId: this.actor.staffId,
      deskId: this.actor.deskId,
      action: this.action,
      entity,
      entityId,
      before: before ? JSON.stringify(before) : null,
      after: after ? JSON.stringify(after) : null,
    })
  }

  /** Called once when the transaction's work is done. */
  finish(): void {
    if (this.touchedClock) this.repo.persistClock()
  }

  private clockFor(entity: EntityDef): string {
    if (!entity.synced && !entity.versioned) return ''
    this.touchedClock = true
    return this.repo.nextClock()
  }

  private syncedKeys(entity: EntityDef, row: Row): string[] {
    const local = new Set<string>([...(entity.localFields ?? []), ...SYNC_META_FIELDS, 'id'])
    return Object.keys(row).filter((k) => !local.has(k))
  }

  private record(
    entity: EntityDef,
    entityId: string,
    kind: 'create' | 'update' | 'delete' | 'append',
    before: Row | null,
    after: Row | null,
    hlc: string,
    changed?: string[],
    baseClocks: Record<string, string | null> = {},
    /** The fields an update sends (the changed ones, plus `updatedAt` for a versioned entity). */
    sent: string[] = changed ?? [],
  ): void {
    const now = this.now
    const redact = (row: Row | null, keys?: string[]) => {
      if (!row) return null
      const out: Row = {}
      for (const k of keys ?? Object.keys(row)) {
        if (SYNC_META_FIELDS.includes(k as (typeof SYNC_META_FIELDS)[number])) continue
        out[k] = entity.redactedFields?.includes(k) ? '[redacted]' : row[k]
      }
      return JSON.stringify(out)
    }
    this.repo.rows.of(auditLog).insert({
      id: this.repo.newId(),
      at: now,
      staffId: this.actor.staffId,
      deskId: this.actor.deskId,
      action: this.action,
      entity: entity.name,
      entityId,
      before: redact(before, changed),
      after: redact(after, changed),
    })

    if (!entity.synced) return
    const source = kind === 'delete' ? {} : (after ?? {})
    const keys =
      kind === 'update'
        ? this.syncedKeys(entity, Object.fromEntries(sent.map((k) => [k, 1])))
        : this.syncedKeys(entity, source)
    this.repo.rows.of(outbox).insert({
      opId: this.repo.newId(),
      deskId: this.actor.deskId,
      entity: entity.name,
      entityId,
      kind,
      fields: JSON.stringify(Object.fromEntries(keys.map((k) => [k, toWire(source[k])]))),
      base: JSON.stringify(
        kind === 'update' ? baseClocks : kind === 'delete' ? { version: before?.version ?? null } : {},
      ),
      hlc,
      schemaVersion: SYNC_SCHEMA_VERSION,
      staffId: this.actor.staffId,
      createdAt: now,
    })
  }
}
