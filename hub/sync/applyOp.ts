import { sql } from 'drizzle-orm'
import { ulid } from 'ulid'
import { latestHlc } from '../../main/sync/hlc'
import type { changes, seriesNumbers } from '../db/schema'
import type { HubTx } from '../db/types'
import {
  type FieldConflict,
  HUB_SCHEMA_VERSION,
  type OpResult,
  type RejectReason,
  type StoredOutcome,
  type SyncOp,
} from '../protocol'
import { type EntityRule, entityRules, seriesBelongsTo } from './entityRules'

type Json = Record<string, unknown>

interface EntityState {
  fields: Json
  clocks: Record<string, string>
  writers: Record<string, string>
  version: string
  deleted: boolean
}

// Fields merged by clock like the others, but whose concurrent change is not a disagreement a
// person needs to settle: bookkeeping that changes with every edit, and a customer's shown name,
// which follows its name parts (their own conflicts are recorded, and resolving one rewrites it).
const NO_CONFLICT_FIELDS = new Set(['updatedAt', 'displayName'])
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const maxClock = (clocks: Record<string, string>) => latestHlc(Object.values(clocks))

function reject(opId: string, reason: RejectReason, message: string): OpResult {
  return { opId, status: 'rejected', reason, message }
}

/**
 * What would stop every desk's pull if the hub passed it on: a field the entity does not have, a
 * value a desk's column cannot hold (only text, numbers and null are ever sent), a null or missing
 * required field.
 */
function invalidFields(op: SyncOp, rule: EntityRule): string | null {
  for (const [field, value] of Object.entries(op.fields)) {
    if (!rule.fields.includes(field)) return `${op.entity} has no field ${field}`
    if (value === null) {
      if (rule.required.includes(field)) return `${op.entity}.${field} may not be null`
    } else if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      return `${op.entity}.${field} must be a text or a number`
    }
  }
  if (op.kind === 'create' || op.kind === 'append') {
    const missing = rule.required.filter((f) => !(f in op.fields))
    if (missing.length > 0) return `${op.entity} without ${missing.slice(0, 5).join(', ')}`
  }
  return null
}

/** Checks that need no database: entity, kind, schema version, desk, fields. */
export function precheck(op: SyncOp, deskId: string): OpResult | null {
  if (op.deskId !== deskId)
    return reject(op.opId, 'WRONG_DESK', `operation of desk ${op.deskId} sent by ${deskId}`)
  if (op.schemaVersion < HUB_SCHEMA_VERSION - 1) {
    return reject(
      op.opId,
      'UPDATE_REQUIRED',
      `schema ${op.schemaVersion} is no longer accepted: update the desk`,
    )
  }
  if (op.schemaVersion > HUB_SCHEMA_VERSION) {
    return reject(
      op.opId,
      'HUB_TOO_OLD',
      `schema ${op.schemaVersion} is newer than the hub's ${HUB_SCHEMA_VERSION}`,
    )
  }
  const rule = entityRules[op.entity]
  if (!rule) return reject(op.opId, 'UNKNOWN_ENTITY', `unknown entity ${op.entity}`)
  if (!rule.deskKinds.includes(op.kind)) {
    return rule.mode === 'append'
      ? reject(op.opId, 'APPEND_ONLY', `${op.entity} records are append-only`)
      : reject(op.opId, 'NOT_ALLOWED', `a desk may not ${op.kind} ${op.entity}`)
  }
  const invalid = invalidFields(op, rule)
  if (invalid) return reject(op.opId, 'INVALID', invalid)
  return null
}

/**
 * Applying operations in batches. A push's operations are applied one after the other, in order,
 * with the merge rules below — but against the batch's records held in memory: the records, op ids
 * and series numbers a batch touches are read in a few queries first, and everything it writes
 * (merged records, feed entries, op ids with their outcomes, series numbers) is written at the end
 * in a few multi-row statements. The whole batch is one transaction taken under the feed lock
 * (server.ts), so no one else writes meanwhile and the result is the one applying each operation
 * in its own statement would give, at a fraction of the round trips.
 */

const key = (entity: string, entityId: string) => `${entity}\u0000${entityId}`
const numberKey = (series: string, number: number) => `${series}\u0000${number}`

/** The hub sequence an outcome reports: the batch's change at `index`, or the end of the feed after its first `after + 1` changes. */
type SeqRef = { index: number } | { after: number }

/** An outcome whose change numbers are known only once the batch is written. */
type Staged =
  | { status: 'applied'; seq: SeqRef }
  | { status: 'conflict'; seq: SeqRef; conflicts: FieldConflict[] }
  | { status: 'rejected'; reason: RejectReason; message: string }
  | { status: 'deferred'; reason: 'NOT_FOUND'; message: string }

type StagedResult =
  | { opId: string; status: 'outcome'; outcome: Staged }
  | { opId: string; status: 'duplicate'; stored: { final: StoredOutcome } | { staged: Staged } }

type ChangeRow = Omit<typeof changes.$inferInsert, 'hubSeq'>

/**
 * Rows travel as one JSON parameter (`jsonb_to_recordset`): one short statement whatever the
 * number of rows, where a multi-row VALUES or IN list grows with it (and PGlite's parser gives up
 * on long ones).
 */
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

class OpBatch {
  private readonly states = new Map<string, EntityState | null>()
  private readonly dirty = new Set<string>()
  /** Op ids the hub had before this batch, with their outcome. */
  private readonly known = new Map<string, StoredOutcome>()
  /** Op ids applied by this batch. */
  private readonly applied = new Map<string, Staged>()
  private readonly newOps: { op: SyncOp; outcome: Staged }[] = []
  /** Series numbers taken, before or by this batch. */
  private readonly taken = new Set<string>()
  private readonly newNumbers: (typeof seriesNumbers.$inferInsert)[] = []
  private readonly feed: ChangeRow[] = []

  private constructor(
    private readonly tx: HubTx,
    /** The feed's last change number before this batch. */
    private readonly feedEnd: number,
  ) {}

  /** Reads what the operations may touch: their op ids, records (and those they refer to), numbers. */
  static async load(tx: HubTx, list: SyncOp[]): Promise<OpBatch> {
    const [end] = rowsOf<{ s: string | number }>(
      await tx.execute(sql`SELECT coalesce(max(hub_seq), 0) AS s FROM changes`),
    )
    const batch = new OpBatch(tx, Number(end?.s ?? 0))
    const known = rowsOf<{ op_id: string; outcome: StoredOutcome }>(
      await tx.execute(sql`SELECT o.op_id, o.outcome FROM ops o
        JOIN jsonb_array_elements_text(${json([...new Set(list.map((op) => op.opId))])}) AS k(id) ON o.op_id = k.id`),
    )
    for (const r of known) batch.known.set(r.op_id, r.outcome)

    const wanted = new Map<string, { entity: string; entity_id: string }>()
    const numbers = new Map<string, { series: string; number: number }>()
    for (const op of list) {
      wanted.set(key(op.entity, op.entityId), { entity: op.entity, entity_id: op.entityId })
      const rule = entityRules[op.entity]
      for (const [field, entity] of Object.entries(rule?.refs ?? {})) {
        const id = op.fields[field]
        if (typeof id === 'string' && id) wanted.set(key(entity, id), { entity, entity_id: id })
      }
      if (rule?.numbered) {
        const series = String(op.fields[rule.numbered.seriesField] ?? '')
        const number = Number(op.fields[rule.numbered.numberField])
        if (series && Number.isInteger(number)) numbers.set(numberKey(series, number), { series, number })
      }
    }
    for (const k of wanted.keys()) batch.states.set(k, null)
    const found = rowsOf<{
      entity: string
      entity_id: string
      fields: Json
      clocks: Record<string, string>
      writers: Record<string, string>
      version: string
      deleted: boolean
    }>(
      await tx.execute(sql`SELECT e.* FROM entities e
        JOIN jsonb_to_recordset(${json([...wanted.values()])}) AS k(entity text, entity_id text)
          ON e.entity = k.entity AND e.entity_id = k.entity_id
        FOR UPDATE OF e`),
    )
    for (const row of found) {
      const { fields, clocks, writers, version, deleted } = row
      batch.states.set(key(row.entity, row.entity_id), { fields, clocks, writers, version, deleted })
    }
    if (numbers.size > 0) {
      const used = rowsOf<{ series: string; number: number }>(
        await tx.execute(sql`SELECT s.series, s.number FROM series_numbers s
          JOIN jsonb_to_recordset(${json([...numbers.values()])}) AS k(series text, number integer)
            ON s.series = k.series AND s.number = k.number`),
      )
      for (const r of used) batch.taken.add(numberKey(r.series, Number(r.number)))
    }
    return batch
  }

  // ---- the records, as the merge rules see them ----

  private loadEntity(entity: string, entityId: string): EntityState | null {
    return this.states.get(key(entity, entityId)) ?? null
  }

  private saveEntity(entity: string, entityId: string, state: EntityState): void {
    const k = key(entity, entityId)
    this.states.set(k, state)
    this.dirty.add(k)
  }

  private appendChange(change: ChangeRow): SeqRef {
    this.feed.push({
      ...change,
      fields: { ...(change.fields as Json) },
      clocks: { ...(change.clocks as Json) },
    })
    return { index: this.feed.length - 1 }
  }

  /** The end of the feed at this point of the batch (what an op that changed nothing reports). */
  private currentSeq(): SeqRef {
    return { after: this.feed.length - 1 }
  }

  /** Takes a series number, unless it is already used or voided. */
  private claimNumber(row: typeof seriesNumbers.$inferInsert): boolean {
    const k = numberKey(row.series, row.number)
    if (this.taken.has(k)) return false
    this.taken.add(k)
    this.newNumbers.push(row)
    return true
  }

  // ---- the merge rules ----

  /**
   * Applies one operation exactly once: an op id the hub already holds (from an earlier push, or
   * earlier in this batch) is not applied again, and its stored outcome is returned. A rejected or
   * deferred operation leaves nothing behind, not even its op id, so that a retry (after the desk
   * is updated, or once what it needed has arrived) is judged again rather than answered from memory.
   */
  apply(op: SyncOp): StagedResult {
    const earlier = this.applied.get(op.opId)
    if (earlier) return { opId: op.opId, status: 'duplicate', stored: { staged: earlier } }
    const stored = this.known.get(op.opId)
    if (stored) return { opId: op.opId, status: 'duplicate', stored: { final: stored } }
    const rule = entityRules[op.entity]!
    const outcome = rule.mode === 'append' ? this.applyAppend(op, rule) : this.applyLww(op)
    if (outcome.status === 'applied' || outcome.status === 'conflict') {
      this.applied.set(op.opId, outcome)
      this.newOps.push({ op, outcome })
    }
    return { opId: op.opId, status: 'outcome', outcome }
  }

  /** A conflict record is itself a synced entity, so that every desk's supervisors see it. */
  private recordConflict(op: SyncOp, conflict: FieldConflict, clock: string): void {
    const id = ulid()
    // Stamped here, so that every desk shows the same detection time (a desk would otherwise fill
    // these columns with the time it happened to pull the record).
    const detectedAt = new Date().toISOString()
    const fields: Json = {
      entity: op.entity,
      entityId: op.entityId,
      field: conflict.field,
      theirs: conflict.theirs.value,
      theirsHlc: conflict.theirs.hlc,
      theirsDesk: conflict.theirs.deskId,
      yours: conflict.yours.value,
      yoursHlc: conflict.yours.hlc,
      yoursDesk: conflict.yours.deskId,
      opId: op.opId,
      status: 'open',
      resolution: null,
      resolvedBy: null,
      createdAt: detectedAt,
      updatedAt: detectedAt,
    }
    const clocks = Object.fromEntries(Object.keys(fields).map((k) => [k, clock]))
    this.saveEntity('sync_conflict', id, { fields, clocks, writers: {}, version: clock, deleted: false })
    this.appendChange({
      entity: 'sync_conflict',
      entityId: id,
      kind: 'create',
      fields,
      clocks,
      originDesk: null,
      opId: null,
      schemaVersion: HUB_SCHEMA_VERSION,
    })
  }

  /** The first record an operation refers to that the hub does not hold (see EntityRule.refs). */
  private missingRef(op: SyncOp, rule: EntityRule): string | null {
    for (const [field, entity] of Object.entries(rule.refs ?? {})) {
      const id = op.fields[field]
      if (typeof id !== 'string' || !id) continue
      if (!this.loadEntity(entity, id)) return `${entity} ${id}`
    }
    return null
  }

  private applyAppend(op: SyncOp, rule: EntityRule): Staged {
    if (this.loadEntity(op.entity, op.entityId))
      return { status: 'rejected', reason: 'INVALID', message: `${op.entity} ${op.entityId} already exists` }
    const missing = this.missingRef(op, rule)
    if (missing) return { status: 'deferred', reason: 'NOT_FOUND', message: `waiting for ${missing}` }
    if (rule.numbered) {
      const series = String(op.fields[rule.numbered.seriesField] ?? '')
      const number = Number(op.fields[rule.numbered.numberField])
      if (!series || !Number.isInteger(number) || number < 1) {
        return { status: 'rejected', reason: 'INVALID', message: 'series and number required' }
      }
      if (!seriesBelongsTo(series, op.deskId)) {
        return {
          status: 'rejected',
          reason: 'NOT_ALLOWED',
          message: `series ${series} is not desk ${op.deskId}'s`,
        }
      }
      const claimed = this.claimNumber({
        series,
        number,
        status: op.entity === 'series_void' ? 'void' : 'used',
        entityId: op.entityId,
        opId: op.opId,
      })
      if (!claimed) {
        return {
          status: 'rejected',
          reason: 'NUMBER_TAKEN',
          message: `number ${number} of series ${series} is already used`,
        }
      }
    }
    return this.insertNew(op, 'append')
  }

  /** A record the hub did not have: every field takes the operation's clock and desk. */
  private insertNew(op: SyncOp, kind: 'create' | 'append'): Staged {
    const clocks = Object.fromEntries(Object.keys(op.fields).map((k) => [k, op.hlc]))
    const writers = Object.fromEntries(Object.keys(op.fields).map((k) => [k, op.deskId]))
    this.saveEntity(op.entity, op.entityId, {
      fields: { ...op.fields },
      clocks,
      writers,
      version: op.hlc,
      deleted: false,
    })
    const seq = this.appendChange({
      entity: op.entity,
      entityId: op.entityId,
      kind,
      fields: op.fields,
      clocks,
      originDesk: op.deskId,
      opId: op.opId,
      schemaVersion: op.schemaVersion,
    })
    return { status: 'applied', seq }
  }

  /**
   * Last writer wins per field, by clock. A field is a *concurrent* edit when the hub's clock for it
   * is not the one the desk based its change on (another desk wrote it meanwhile) and the values
   * differ: the higher clock still wins, so every replica converges, and a conflict record keeps the
   * losing value for a person to decide.
   */
  private applyLww(op: SyncOp): Staged {
    const state = this.loadEntity(op.entity, op.entityId)
    const conflicts: FieldConflict[] = []

    if (!state) {
      if (op.kind !== 'create') {
        // A desk changes only records it made or pulled: one the hub lacks is on its way from the
        // desk that made it (after a restore), unless only the hub makes such records.
        return entityRules[op.entity]?.hubOrigin
          ? { status: 'rejected', reason: 'NOT_FOUND', message: `${op.entity} ${op.entityId} unknown` }
          : { status: 'deferred', reason: 'NOT_FOUND', message: `waiting for ${op.entity} ${op.entityId}` }
      }
      return this.insertNew(op, 'create')
    }

    if (op.kind === 'delete') {
      const baseVersion = op.base.version ?? null
      if (!state.deleted && baseVersion !== state.version) {
        // Edited elsewhere since this desk last saw it: deleting would lose that edit.
        const conflict: FieldConflict = {
          field: '_deleted',
          theirs: { value: false, hlc: state.version, deskId: null },
          yours: { value: true, hlc: op.hlc, deskId: op.deskId },
        }
        this.recordConflict(op, conflict, op.hlc)
        return { status: 'conflict', seq: this.currentSeq(), conflicts: [conflict] }
      }
      if (state.deleted) return { status: 'applied', seq: this.currentSeq() }
      state.deleted = true
      state.version = latestHlc([op.hlc, state.version])
      this.saveEntity(op.entity, op.entityId, state)
      const seq = this.appendChange({
        entity: op.entity,
        entityId: op.entityId,
        kind: 'delete',
        fields: {},
        clocks: { _deleted: op.hlc },
        originDesk: op.deskId,
        opId: op.opId,
        schemaVersion: op.schemaVersion,
      })
      return { status: 'applied', seq }
    }

    if (state.deleted) {
      // Deleted on one desk, edited on another: keep it deleted, and let a person decide.
      const conflict: FieldConflict = {
        field: '_deleted',
        theirs: { value: true, hlc: state.version, deskId: null },
        yours: { value: op.fields, hlc: op.hlc, deskId: op.deskId },
      }
      this.recordConflict(op, conflict, op.hlc)
      return { status: 'conflict', seq: this.currentSeq(), conflicts: [conflict] }
    }

    const won: Json = {}
    const wonClocks: Record<string, string> = {}
    for (const [field, value] of Object.entries(op.fields)) {
      const hubClock = state.clocks[field] ?? null
      const baseClock = op.kind === 'update' ? (op.base[field] ?? null) : hubClock
      if (
        !NO_CONFLICT_FIELDS.has(field) &&
        hubClock !== null &&
        hubClock !== baseClock &&
        !same(state.fields[field], value)
      ) {
        conflicts.push({
          field,
          theirs: { value: state.fields[field] ?? null, hlc: hubClock, deskId: state.writers[field] ?? null },
          yours: { value, hlc: op.hlc, deskId: op.deskId },
        })
      }
      if (hubClock === null || op.hlc > hubClock) {
        state.fields[field] = value
        state.clocks[field] = op.hlc
        state.writers[field] = op.deskId
        won[field] = value
        wonClocks[field] = op.hlc
      }
    }
    for (const conflict of conflicts) this.recordConflict(op, conflict, op.hlc)
    let seq: SeqRef
    if (Object.keys(won).length > 0) {
      state.version = maxClock(state.clocks)
      this.saveEntity(op.entity, op.entityId, state)
      seq = this.appendChange({
        entity: op.entity,
        entityId: op.entityId,
        kind: 'update',
        fields: won,
        clocks: wonClocks,
        originDesk: op.deskId,
        opId: op.opId,
        schemaVersion: op.schemaVersion,
      })
    } else {
      seq = this.currentSeq()
    }
    return conflicts.length > 0 ? { status: 'conflict', seq, conflicts } : { status: 'applied', seq }
  }

  // ---- writing the batch ----

  /** Writes everything the batch changed and returns each operation's answer. */
  async commit(results: StagedResult[]): Promise<OpResult[]> {
    const { tx } = this
    // Change numbers from the feed's sequence, in order: under the feed lock, nobody else draws.
    const seqs =
      this.feed.length === 0
        ? []
        : rowsOf<{ s: string | number }>(
            await tx.execute(
              sql`SELECT nextval(pg_get_serial_sequence('changes', 'hub_seq')) AS s FROM generate_series(1, ${this.feed.length}::integer)`,
            ),
          )
            .map((r) => Number(r.s))
            .sort((a, b) => a - b)
    const seqOf = (ref: SeqRef) =>
      'index' in ref ? seqs[ref.index]! : ref.after >= 0 ? seqs[ref.after]! : this.feedEnd
    const final = (s: Staged): StoredOutcome | Extract<Staged, { status: 'deferred' }> => {
      if (s.status === 'applied') return { status: 'applied', hubSeq: seqOf(s.seq) }
      if (s.status === 'conflict') return { status: 'conflict', hubSeq: seqOf(s.seq), conflicts: s.conflicts }
      return s
    }

    if (this.feed.length > 0) {
      const rows = this.feed.map((c, i) => ({
        hub_seq: seqs[i],
        entity: c.entity,
        entity_id: c.entityId,
        kind: c.kind,
        fields: c.fields,
        clocks: c.clocks,
        origin_desk: c.originDesk,
        op_id: c.opId,
        schema_version: c.schemaVersion,
      }))
      await tx.execute(sql`INSERT INTO changes
          (hub_seq, entity, entity_id, kind, fields, clocks, origin_desk, op_id, schema_version)
        SELECT hub_seq, entity, entity_id, kind, fields, clocks, origin_desk, op_id, schema_version
        FROM jsonb_to_recordset(${json(rows)}) AS x(hub_seq bigint, entity text, entity_id text,
          kind text, fields jsonb, clocks jsonb, origin_desk text, op_id text, schema_version integer)`)
    }
    if (this.dirty.size > 0) {
      const rows = [...this.dirty].map((k) => {
        const [entity, entity_id] = k.split('\u0000') as [string, string]
        return { entity, entity_id, ...this.states.get(k)! }
      })
      await tx.execute(sql`INSERT INTO entities (entity, entity_id, fields, clocks, writers, version, deleted)
        SELECT entity, entity_id, fields, clocks, writers, version, deleted
        FROM jsonb_to_recordset(${json(rows)}) AS x(entity text, entity_id text, fields jsonb,
          clocks jsonb, writers jsonb, version text, deleted boolean)
        ON CONFLICT (entity, entity_id) DO UPDATE SET fields = excluded.fields, clocks = excluded.clocks,
          writers = excluded.writers, version = excluded.version, deleted = excluded.deleted`)
    }
    if (this.newNumbers.length > 0) {
      const rows = this.newNumbers.map((n) => ({
        series: n.series,
        number: n.number,
        status: n.status,
        entity_id: n.entityId,
        op_id: n.opId,
      }))
      await tx.execute(sql`INSERT INTO series_numbers (series, number, status, entity_id, op_id)
        SELECT series, number, status, entity_id, op_id
        FROM jsonb_to_recordset(${json(rows)}) AS x(series text, number integer, status text,
          entity_id text, op_id text)`)
    }
    if (this.newOps.length > 0) {
      const rows = this.newOps.map(({ op, outcome }) => ({
        op_id: op.opId,
        desk_id: op.deskId,
        seq: op.seq,
        entity: op.entity,
        entity_id: op.entityId,
        kind: op.kind,
        hlc: op.hlc,
        schema_version: op.schemaVersion,
        outcome: final(outcome),
      }))
      await tx.execute(sql`INSERT INTO ops (op_id, desk_id, seq, entity, entity_id, kind, hlc, schema_version, outcome)
        SELECT op_id, desk_id, seq, entity, entity_id, kind, hlc, schema_version, outcome
        FROM jsonb_to_recordset(${json(rows)}) AS x(op_id text, desk_id text, seq bigint, entity text,
          entity_id text, kind text, hlc text, schema_version integer, outcome jsonb)`)
    }

    return results.map((r): OpResult => {
      if (r.status === 'duplicate') {
        const stored = 'final' in r.stored ? r.stored.final : (final(r.stored.staged) as StoredOutcome)
        return { opId: r.opId, status: 'duplicate', stored }
      }
      return { opId: r.opId, ...final(r.outcome) } as OpResult
    })
  }
}

/**
 * Applies a batch of operations in order, each exactly once, in the caller's transaction (which
 * holds the feed lock). The caller runs `precheck` first: these are operations it accepted.
 */
export async function applyBatch(tx: HubTx, list: SyncOp[]): Promise<OpResult[]> {
  if (list.length === 0) return []
  const batch = await OpBatch.load(tx, list)
  const staged = list.map((op) => batch.apply(op))
  return batch.commit(staged)
}

/** Applies one operation exactly once (see applyBatch). */
export async function applyOp(tx: HubTx, op: SyncOp): Promise<OpResult> {
  const [result] = await applyBatch(tx, [op])
  return result!
}
