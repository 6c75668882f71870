import { and, eq, sql } from 'drizzle-orm'
import { ulid } from 'ulid'
import { latestHlc } from '../../main/sync/hlc'
import { changes, entities, ops, seriesNumbers } from '../db/schema'
import type { HubTx } from '../db/types'
import {
  type FieldConflict,
  HUB_SCHEMA_VERSION,
  type OpResult,
  type RejectReason,
  type StoredOutcome,
  type SyncOp,
} from '../protocol'
import { entityRules, seriesBelongsTo } from './entityRules'

type Json = Record<string, unknown>

interface EntityState {
  fields: Json
  clocks: Record<string, string>
  writers: Record<string, string>
  version: string
  deleted: boolean
}

// Bookkeeping fields that change with every edit: merged by clock like the others, but two desks
// writing them at once is not a disagreement a person needs to settle.
const NO_CONFLICT_FIELDS = new Set(['updatedAt'])
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const maxClock = (clocks: Record<string, string>) => latestHlc(Object.values(clocks))

function reject(opId: string, reason: RejectReason, message: string): OpResult {
  return { opId, status: 'rejected', reason, message }
}

/** Checks that need no database: entity, kind, schema version, desk. */
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
  return null
}

async function loadEntity(tx: HubTx, entity: string, entityId: string): Promise<EntityState | null> {
  const rows = await tx
    .select()
    .from(entities)
    .where(and(eq(entities.entity, entity), eq(entities.entityId, entityId)))
    .for('update')
  const row = rows[0]
  if (!row) return null
  return {
    fields: row.fields as Json,
    clocks: row.clocks as Record<string, string>,
    writers: row.writers as Record<string, string>,
    version: row.version,
    deleted: row.deleted,
  }
}

async function saveEntity(tx: HubTx, entity: string, entityId: string, state: EntityState, isNew: boolean) {
  const values = {
    fields: state.fields,
    clocks: state.clocks,
    writers: state.writers,
    version: state.version,
    deleted: state.deleted,
  }
  if (isNew) await tx.insert(entities).values({ entity, entityId, ...values })
  else
    await tx
      .update(entities)
      .set(values)
      .where(and(eq(entities.entity, entity), eq(entities.entityId, entityId)))
}

async function appendChange(
  tx: HubTx,
  change: {
    entity: string
    entityId: string
    kind: string
    fields: Json
    clocks: Record<string, string>
    originDesk: string | null
    opId: string | null
    schemaVersion: number
  },
): Promise<number> {
  const [row] = await tx.insert(changes).values(change).returning({ hubSeq: changes.hubSeq })
  return row!.hubSeq
}

/** A conflict record is itself a synced entity, so that every desk's supervisors see it. */
async function recordConflict(tx: HubTx, op: SyncOp, conflict: FieldConflict, clock: string): Promise<void> {
  const id = ulid()
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
  }
  const clocks = Object.fromEntries(Object.keys(fields).map((k) => [k, clock]))
  await saveEntity(
    tx,
    'sync_conflict',
    id,
    { fields, clocks, writers: {}, version: clock, deleted: false },
    true,
  )
  await appendChange(tx, {
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

async function applyAppend(tx: HubTx, op: SyncOp): Promise<StoredOutcome> {
  const rule = entityRules[op.entity]!
  const existing = await loadEntity(tx, op.entity, op.entityId)
  if (existing)
    return { status: 'rejected', reason: 'INVALID', message: `${op.entity} ${op.entityId} already exists` }
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
    const inserted = await tx
      .insert(seriesNumbers)
      .values({
        series,
        number,
        status: op.entity === 'series_void' ? 'void' : 'used',
        entityId: op.entityId,
        opId: op.opId,
      })
      .onConflictDoNothing()
      .returning({ number: seriesNumbers.number })
    if (inserted.length === 0) {
      return {
        status: 'rejected',
        reason: 'NUMBER_TAKEN',
        message: `number ${number} of series ${series} is already used`,
      }
    }
  }
  const clocks = Object.fromEntries(Object.keys(op.fields).map((k) => [k, op.hlc]))
  const writers = Object.fromEntries(Object.keys(op.fields).map((k) => [k, op.deskId]))
  await saveEntity(
    tx,
    op.entity,
    op.entityId,
    { fields: op.fields, clocks, writers, version: op.hlc, deleted: false },
    true,
  )
  const hubSeq = await appendChange(tx, {
    entity: op.entity,
    entityId: op.entityId,
    kind: 'append',
    fields: op.fields,
    clocks,
    originDesk: op.deskId,
    opId: op.opId,
    schemaVersion: op.schemaVersion,
  })
  return { status: 'applied', hubSeq }
}

/**
 * Last writer wins per field, by clock. A field is a *concurrent* edit when the hub's clock for it
 * is not the one the desk based its change on (another desk wrote it meanwhile) and the values
 * differ: the higher clock still wins, so every replica converges, and a conflict record keeps the
 * losing value for a person to decide.
 */
async function applyLww(tx: HubTx, op: SyncOp): Promise<StoredOutcome> {
  const state = await loadEntity(tx, op.entity, op.entityId)
  const conflicts: FieldConflict[] = []

  if (!state) {
    if (op.kind !== 'create')
      return { status: 'rejected', reason: 'NOT_FOUND', message: `${op.entity} ${op.entityId} unknown` }
    const clocks = Object.fromEntries(Object.keys(op.fields).map((k) => [k, op.hlc]))
    const writers = Object.fromEntries(Object.keys(op.fields).map((k) => [k, op.deskId]))
    await saveEntity(
      tx,
      op.entity,
      op.entityId,
      { fields: op.fields, clocks, writers, version: op.hlc, deleted: false },
      true,
    )
    const hubSeq = await appendChange(tx, {
      entity: op.entity,
      entityId: op.entityId,
      kind: 'create',
      fields: op.fields,
      clocks,
      originDesk: op.deskId,
      opId: op.opId,
      schemaVersion: op.schemaVersion,
    })
    return { status: 'applied', hubSeq }
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
      await recordConflict(tx, op, conflict, op.hlc)
      return { status: 'conflict', hubSeq: await currentSeq(tx), conflicts: [conflict] }
    }
    if (state.deleted) return { status: 'applied', hubSeq: await currentSeq(tx) }
    state.deleted = true
    state.version = latestHlc([op.hlc, state.version])
    await saveEntity(tx, op.entity, op.entityId, state, false)
    const hubSeq = await appendChange(tx, {
      entity: op.entity,
      entityId: op.entityId,
      kind: 'delete',
      fields: {},
      clocks: { _deleted: op.hlc },
      originDesk: op.deskId,
      opId: op.opId,
      schemaVersion: op.schemaVersion,
    })
    return { status: 'applied', hubSeq }
  }

  if (state.deleted) {
    // Deleted on one desk, edited on another: keep it deleted, and let a person decide.
    const conflict: FieldConflict = {
      field: '_deleted',
      theirs: { value: true, hlc: state.version, deskId: null },
      yours: { value: op.fields, hlc: op.hlc, deskId: op.deskId },
    }
    await recordConflict(tx, op, conflict, op.hlc)
    return { status: 'conflict', hubSeq: await currentSeq(tx), conflicts: [conflict] }
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
  for (const conflict of conflicts) await recordConflict(tx, op, conflict, op.hlc)
  let hubSeq: number
  if (Object.keys(won).length > 0) {
    state.version = maxClock(state.clocks)
    await saveEntity(tx, op.entity, op.entityId, state, false)
    hubSeq = await appendChange(tx, {
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
    hubSeq = await currentSeq(tx)
  }
  return conflicts.length > 0 ? { status: 'conflict', hubSeq, conflicts } : { status: 'applied', hubSeq }
}

async function currentSeq(tx: HubTx): Promise<number> {
  const rows = await tx.select({ s: sql<number>`coalesce(max(${changes.hubSeq}), 0)::bigint` }).from(changes)
  return Number(rows[0]?.s ?? 0)
}

/**
 * Applies one operation exactly once. The op id is recorded in the same transaction as the
 * effects: if this op id is already known, nothing is applied and the stored outcome is returned.
 * Callers run it in its own transaction (or savepoint), so a failure leaves no partial effect.
 */
export async function applyOp(tx: HubTx, op: SyncOp): Promise<OpResult> {
  const claimed = await tx
    .insert(ops)
    .values({
      opId: op.opId,
      deskId: op.deskId,
      seq: op.seq,
      entity: op.entity,
      entityId: op.entityId,
      kind: op.kind,
      hlc: op.hlc,
      schemaVersion: op.schemaVersion,
      outcome: { status: 'pending' },
    })
    .onConflictDoNothing()
    .returning({ opId: ops.opId })
  if (claimed.length === 0) {
    const [row] = await tx.select({ outcome: ops.outcome }).from(ops).where(eq(ops.opId, op.opId))
    return { opId: op.opId, status: 'duplicate', stored: row!.outcome as StoredOutcome }
  }
  const rule = entityRules[op.entity]!
  const outcome = rule.mode === 'append' ? await applyAppend(tx, op) : await applyLww(tx, op)
  if (outcome.status === 'rejected') {
    // A rejection applied nothing: forget the op id, so that a retry (after the desk is updated,
    // or once what it needed has arrived) is judged again rather than answered from memory.
    await tx.delete(ops).where(eq(ops.opId, op.opId))
  } else {
    await tx.update(ops).set({ outcome }).where(eq(ops.opId, op.opId))
  }
  return { opId: op.opId, ...outcome } as OpResult
}
