/**
 * The sync protocol between a desk and the hub: request and answer shapes, validated with zod on
 * both sides. Desks push outbox operations and pull the hub's change feed. See docs/sync.md.
 */
import { z } from 'zod'

/**
 * The version of the synced data's shape (entities and their fields), raised when it changes; not
 * the desk's SQLite migration count, since most migrations (an index, a local table) leave it as is.
 * The hub accepts operations of this version and the one before it.
 */
export const SYNC_SCHEMA_VERSION = 1
export const HUB_SCHEMA_VERSION = SYNC_SCHEMA_VERSION
export const MAX_PUSH_BATCH = 500
export const MAX_PULL_PAGE = 1000

const id = z.string().min(1).max(64)
const hlc = z.string().regex(/^\d{15}-[0-9a-z]{6}-[A-Z0-9]{1,16}$/)

export const opSchema = z
  .object({
    opId: id,
    deskId: z.string().regex(/^[A-Z0-9]{2,8}$/),
    seq: z.number().int().positive(),
    entity: z.string().regex(/^[a-z_]{1,40}$/),
    entityId: id,
    kind: z.enum(['create', 'update', 'delete', 'append']),
    /** Field -> new value. */
    fields: z.record(z.string().max(64), z.unknown()),
    /** Field -> clock of the value this change replaced (update), or { version } (delete). */
    base: z.record(z.string().max(64), hlc.nullable()),
    hlc,
    schemaVersion: z.number().int().positive(),
  })
  .strict()
export type SyncOp = z.infer<typeof opSchema>

export const pushRequest = z
  .object({
    deskId: z.string().regex(/^[A-Z0-9]{2,8}$/),
    schemaVersion: z.number().int().positive(),
    ops: z.array(opSchema).min(1).max(MAX_PUSH_BATCH),
  })
  .strict()
export type PushRequest = z.infer<typeof pushRequest>

export interface FieldConflict {
  field: string
  /** The value (and its clock and desk) the hub had. */
  theirs: { value: unknown; hlc: string | null; deskId: string | null }
  /** The value this operation brought. */
  yours: { value: unknown; hlc: string; deskId: string }
}

export type OpResult =
  | { opId: string; status: 'applied'; hubSeq: number }
  | { opId: string; status: 'duplicate'; stored: StoredOutcome }
  | { opId: string; status: 'rejected'; reason: RejectReason; message: string }
  | { opId: string; status: 'conflict'; hubSeq: number; conflicts: FieldConflict[] }
  /**
   * Not applied yet, nothing recorded: the operation needs a record the hub does not hold yet (an
   * invoice's customer, a payment's invoice, the record an update changes), which another desk
   * will send — after a hub was restored from a backup, desks re-send in any order. The desk keeps
   * it pending and sends it again at its next sync.
   */
  | { opId: string; status: 'deferred'; reason: 'NOT_FOUND'; message: string }

/** What the hub recorded for an operation, returned again when the same op id comes back. */
export type StoredOutcome =
  | { status: 'applied'; hubSeq: number }
  | { status: 'rejected'; reason: RejectReason; message: string }
  | { status: 'conflict'; hubSeq: number; conflicts: FieldConflict[] }

export const rejectReasons = [
  'UPDATE_REQUIRED',
  'HUB_TOO_OLD',
  'UNKNOWN_ENTITY',
  'NOT_ALLOWED',
  'APPEND_ONLY',
  'NOT_FOUND',
  'NUMBER_TAKEN',
  'WRONG_DESK',
  'INVALID',
] as const
export type RejectReason = (typeof rejectReasons)[number]

export interface PushResponse {
  results: OpResult[]
  /** The desk runs a schema the hub will soon stop accepting, or no longer accepts. */
  updateRequired: boolean
}

export const pullRequest = z
  .object({
    cursor: z.number().int().min(0),
    /** The feed epoch the cursor was obtained in (absent from a desk that never pulled). */
    epoch: z.string().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(MAX_PULL_PAGE).default(500),
    schemaVersion: z.number().int().positive(),
  })
  .strict()
export type PullRequest = z.infer<typeof pullRequest>

/** One entry of the hub's change feed: the fields an operation changed at the hub, with their clocks. */
export interface Change {
  hubSeq: number
  entity: string
  entityId: string
  kind: 'create' | 'update' | 'delete' | 'append'
  fields: Record<string, unknown>
  clocks: Record<string, string>
  originDesk: string | null
  opId: string | null
  schemaVersion: number
}

export interface PullResponse {
  changes: Change[]
  /** Pass back as `cursor` for the next page. */
  cursor: number
  hasMore: boolean
  /**
   * The feed epoch this cursor belongs to: pass it back with the cursor. A hub starts a new epoch
   * each time it starts serving, and remembers where its feed stood then (see hub/sync/feed.ts).
   */
  epoch: string
  /**
   * The desk's cursor pointed past the end of the feed this hub had when it started: the hub was
   * restored from an older backup, and the changes the desk pulled beyond that point no longer
   * exist. This page starts again from the beginning of the feed; the desk drops the records only
   * the hub creates (conflict records) and re-applies the feed, which is idempotent.
   */
  reset: boolean
}

/**
 * `GET /v1/sync/state`: what the hub holds of the calling desk. A desk with acknowledged
 * operations the hub does not hold knows the hub was restored from an older backup, and sends
 * those again.
 */
export interface SyncStateResponse {
  deskId: string
  /** How many operations of this desk the hub has applied, and the highest of their `seq`. */
  ops: number
  maxSeq: number
  /**
   * The `seq` of those operations, as runs `[first, last]` of consecutive numbers, in order
   * (usually one: a desk's operations arrive in order; a rejected one leaves a gap).
   */
  held: [number, number][]
  /** The current feed epoch, and the highest change number of the feed. */
  epoch: string
  hubSeq: number
}

export const enrolRequest = z
  .object({
    code: z.string().trim().min(6).max(64),
    deskId: z.string().regex(/^[A-Z0-9]{2,8}$/),
  })
  .strict()

export interface EnrolResponse {
  deskId: string
  site: string
  /** `<deskId>.<secret>`: sent as a bearer token on every request. */
  credential: string
}
