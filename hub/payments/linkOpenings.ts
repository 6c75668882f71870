/**
 * The customer's opening of a payment link (`GET /pay/:id`), recorded by the hub as a record only
 * it writes, `payment_link_open`, whose id is the request's: created at the first opening, then
 * its latest opening and count updated. It reaches the desks through the change feed like a
 * payment outcome, under the same feed lock, and the desk shows the link `opened`
 * (docs/payment-links.md).
 */
import { sql } from 'drizzle-orm'
import { formatHlc, parseHlc, tick } from '../../main/sync/hlc'
import type { HubDb } from '../db/types'
import { HUB_SCHEMA_VERSION } from '../protocol'
import { FEED_LOCK } from '../sync/feed'
import { createRecord } from './settle'

export const LINK_OPEN_ENTITY = 'payment_link_open'

/**
 * Openings counted per link. A page reloaded in a loop (or by a robot) must not grow the feed
 * without end: beyond this, the record stays as it is.
 */
export const MAX_COUNTED_OPENINGS = 100

/**
 * Link previews (messaging apps, mail scanners) fetch the page without anybody opening it. They say
 * so in their User-Agent; iMessage's preview calls itself `facebookexternalhit … Twitterbot`.
 */
const PREVIEW_AGENT =
  /facebookexternalhit|facebot|twitterbot|whatsapp|slackbot|slack-imgproxy|telegrambot|discordbot|linkedinbot|skypeuripreview|googlebot|bingbot|applebot|crawler|spider|preview/i

export function isLinkPreview(userAgent: string | undefined): boolean {
  return !!userAgent && PREVIEW_AGENT.test(userAgent)
}

export type Opening = 'first' | 'again' | 'capped'

type Row = Record<string, unknown>
const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`

/** Records one opening of a request's link; the first one creates the record, later ones count. */
export async function recordOpening(db: HubDb, requestId: string, now = new Date()): Promise<Opening> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FEED_LOCK})`)
    const at = now.toISOString()
    const [row] = (
      (await tx.execute(
        sql`SELECT fields, version FROM entities WHERE entity = ${LINK_OPEN_ENTITY} AND entity_id = ${requestId}`,
      )) as unknown as { rows: { fields: Row; version: string }[] }
    ).rows
    if (!row) {
      const clock = formatHlc({ wall: now.getTime(), counter: 0, node: 'HUB' })
      const fields = { firstOpenedAt: at, lastOpenedAt: at, openCount: 1, createdAt: at, updatedAt: at }
      await createRecord(tx, LINK_OPEN_ENTITY, requestId, fields, clock, 'create')
      return 'first'
    }
    const count = Number(row.fields.openCount ?? 0)
    if (count >= MAX_COUNTED_OPENINGS) return 'capped'
    // After the record's own clock, whatever the wall clock says: desks take a field only when its
    // clock is newer than theirs.
    const clock = formatHlc(tick(parseHlc(row.version), now.getTime(), 'HUB'))
    const patch = { lastOpenedAt: at, openCount: count + 1, updatedAt: at }
    const clocks = Object.fromEntries(Object.keys(patch).map((k) => [k, clock]))
    await tx.execute(sql`UPDATE entities SET fields = fields || ${json(patch)}, clocks = clocks || ${json(clocks)},
      version = ${clock} WHERE entity = ${LINK_OPEN_ENTITY} AND entity_id = ${requestId}`)
    await tx.execute(sql`INSERT INTO changes (entity, entity_id, kind, fields, clocks, origin_desk, op_id, schema_version)
      VALUES (${LINK_OPEN_ENTITY}, ${requestId}, 'update', ${json(patch)}, ${json(clocks)}, NULL, NULL, ${HUB_SCHEMA_VERSION})`)
    return 'again'
  })
}
