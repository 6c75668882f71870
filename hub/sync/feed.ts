/**
 * The hub's change feed as desks read it: pages after a cursor, within a feed epoch.
 *
 * Why epochs: a hub restored from an older backup has lost the end of its feed, and the change
 * numbers after that point are handed out again to new changes. A desk that had pulled beyond it
 * would skip those new changes for ever. So each time a hub starts serving a database it opens a
 * new epoch, recording the feed's highest change number then (`floor`); a desk keeps the epoch its
 * cursor was read in. The cursor stays valid as long as every epoch opened since has a floor at or
 * above it: a plain restart never goes below a cursor a desk already holds (that change was
 * committed before the start). An epoch opened below it means the database went back — it was
 * restored — and the changes the desk pulled beyond that point are gone. So are the epochs opened
 * after the backup was taken: a desk whose epoch the hub does not know pulled from a timeline the
 * restore erased. Either way the desk pulls the whole feed again (`reset`), which it applies
 * idempotently.
 */
import { randomUUID } from 'node:crypto'
import { asc, count, desc, eq, gt, max, min, sql } from 'drizzle-orm'
import { changes, feedEpochs, ops } from '../db/schema'
import type { HubDb } from '../db/types'
import type { Change, PullRequest, PullResponse, SyncStateResponse } from '../protocol'

/** Every transaction that appends to the feed holds this lock until it commits (server.ts). */
export const FEED_LOCK = 7_406_432

export interface FeedEpoch {
  epoch: string
  floor: number
}

/**
 * Opens a new epoch: called once when a hub starts serving. Taken under the feed lock, so that no
 * push is half-way between allotting a change number and committing it: the floor is exact.
 */
export async function openFeedEpoch(db: HubDb): Promise<FeedEpoch> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FEED_LOCK})`)
    const [row] = await tx.select({ top: max(changes.hubSeq) }).from(changes)
    const opened = { epoch: randomUUID(), floor: Number(row?.top ?? 0) }
    await tx.insert(feedEpochs).values(opened)
    return opened
  })
}

/** The latest epoch: with several hub processes on one database, the one started last. */
export async function currentEpoch(db: HubDb): Promise<FeedEpoch> {
  const [row] = await db
    .select({ epoch: feedEpochs.epoch, floor: feedEpochs.floor })
    .from(feedEpochs)
    .orderBy(desc(feedEpochs.id))
    .limit(1)
  // No epoch yet (a hub that has not started serving): nothing to compare a cursor with.
  return row ?? { epoch: 'none', floor: Number.MAX_SAFE_INTEGER }
}

/** Whether a cursor read in `epoch` may point past changes this database no longer has. */
async function cursorLost(db: HubDb, cursor: number, epoch: string | undefined): Promise<boolean> {
  if (cursor === 0) return false
  const [mine] = epoch
    ? await db.select({ id: feedEpochs.id }).from(feedEpochs).where(eq(feedEpochs.epoch, epoch))
    : []
  if (!mine) {
    // An epoch this database never saw (or none, from a desk older than epochs): lost in a
    // restore — unless the hub has never started serving, and there is nothing to compare with.
    const [any] = await db.select({ n: count() }).from(feedEpochs)
    return Number(any?.n ?? 0) > 0
  }
  const [since] = await db
    .select({ lowest: min(feedEpochs.floor) })
    .from(feedEpochs)
    .where(gt(feedEpochs.id, mine.id))
  return since?.lowest != null && Number(since.lowest) < cursor
}

export async function pullPage(db: HubDb, request: PullRequest): Promise<PullResponse> {
  const reset = await cursorLost(db, request.cursor, request.epoch)
  const from = reset ? 0 : request.cursor
  const rows = await db
    .select()
    .from(changes)
    .where(gt(changes.hubSeq, from))
    .orderBy(asc(changes.hubSeq))
    .limit(request.limit + 1)
  // The epoch is read again after the page: should a hub process have started meanwhile, every
  // change of this page was committed before it, so the cursor is valid in its epoch.
  const after = await currentEpoch(db)
  const page = rows.slice(0, request.limit)
  return {
    changes: page.map(
      (r): Change => ({
        hubSeq: r.hubSeq,
        entity: r.entity,
        entityId: r.entityId,
        kind: r.kind as Change['kind'],
        fields: r.fields as Record<string, unknown>,
        clocks: r.clocks as Record<string, string>,
        originDesk: r.originDesk,
        opId: r.opId,
        schemaVersion: r.schemaVersion,
      }),
    ),
    cursor: page.length > 0 ? page[page.length - 1]!.hubSeq : from,
    hasMore: rows.length > request.limit,
    epoch: after.epoch,
    reset,
  }
}

export async function deskState(db: HubDb, deskId: string): Promise<SyncStateResponse> {
  const [held] = await db
    .select({ n: count(), top: max(ops.seq) })
    .from(ops)
    .where(eq(ops.deskId, deskId))
  // Runs of consecutive seq ("gaps and islands"): seq minus its rank is constant along a run.
  const runs = (
    (await db.execute(sql`SELECT min(seq) AS first, max(seq) AS last FROM (
        SELECT seq, seq - row_number() OVER (ORDER BY seq) AS run FROM ops WHERE desk_id = ${deskId}
      ) AS numbered GROUP BY run ORDER BY first`)) as unknown as { rows: { first: string; last: string }[] }
  ).rows
  const [feed] = await db.select({ top: max(changes.hubSeq) }).from(changes)
  const { epoch } = await currentEpoch(db)
  return {
    deskId,
    ops: Number(held?.n ?? 0),
    maxSeq: Number(held?.top ?? 0),
    held: runs.map((r): [number, number] => [Number(r.first), Number(r.last)]),
    epoch,
    hubSeq: Number(feed?.top ?? 0),
  }
}
