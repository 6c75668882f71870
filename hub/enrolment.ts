import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { desks, enrolmentCodes } from './db/schema'
import type { HubDb } from './db/types'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
// Crockford base32 without look-alikes, so a code read over the phone is typed right.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'

function newCode(): string {
  const bytes = randomBytes(12)
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`
}

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '')
}

/** An administrator's one-time code for a desk (valid `hours`, 24 by default). */
export async function createEnrolmentCode(
  db: HubDb,
  deskId: string,
  site: string,
  now = new Date(),
  hours = 24,
) {
  const code = newCode()
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString()
  await db.transaction(async (tx) => {
    await tx
      .insert(desks)
      .values({ id: deskId, site })
      .onConflictDoUpdate({ target: desks.id, set: { site } })
    await tx.insert(enrolmentCodes).values({
      codeHash: sha256(code),
      deskId,
      site,
      expiresAt,
    })
  })
  return { code, deskId, site, expiresAt }
}

export class EnrolmentError extends Error {}

/** Trades a valid code for the desk's credential; the code is spent, any older credential replaced. */
export async function enrolDesk(db: HubDb, code: string, deskId: string, now = new Date()) {
  const secret = randomBytes(32).toString('base64url')
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(enrolmentCodes)
      .where(
        and(
          eq(enrolmentCodes.codeHash, sha256(normaliseCode(code))),
          isNull(enrolmentCodes.usedAt),
          gt(enrolmentCodes.expiresAt, now.toISOString()),
        ),
      )
      .for('update')
    if (!row || row.deskId !== deskId)
      throw new EnrolmentError('code invalide, expiré ou déjà utilisé pour ce guichet')
    await tx
      .update(enrolmentCodes)
      .set({ usedAt: now.toISOString() })
      .where(eq(enrolmentCodes.codeHash, row.codeHash))
    await tx
      .update(desks)
      .set({ credentialHash: sha256(secret), enrolledAt: now.toISOString(), revokedAt: null })
      .where(eq(desks.id, deskId))
    return { deskId, site: row.site, credential: `${deskId}.${secret}` }
  })
}

/**
 * Refuses the desk from now on: its credential stops working (403) and its unused enrolment codes
 * are cancelled, so that only a new code re-admits it.
 */
export async function revokeDesk(db: HubDb, deskId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(desks)
      .set({ revokedAt: now.toISOString() })
      .where(eq(desks.id, deskId))
      .returning({ id: desks.id })
    await tx
      .update(enrolmentCodes)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(enrolmentCodes.deskId, deskId), isNull(enrolmentCodes.usedAt)))
    return rows.length > 0
  })
}

export type CredentialCheck =
  | { ok: true; deskId: string }
  /** `deskId`: the desk the refused credential claimed to be, for the logs. */
  | { ok: false; status: 401 | 403; error: string; deskId?: string }

/**
 * Checks a bearer credential `<deskId>.<secret>` against the stored hash: 401 for a missing,
 * malformed, unknown or replaced credential (a desk re-enrolled gets a new one), 403 for a revoked
 * desk. The secret itself is never stored nor logged, only its SHA-256.
 */
export async function checkCredential(db: HubDb, header: string | undefined): Promise<CredentialCheck> {
  const match = /^Bearer ([A-Z0-9]{2,8})\.([A-Za-z0-9_-]{20,100})$/.exec(header ?? '')
  if (!match) return { ok: false, status: 401, error: 'credential required' }
  const [, deskId, secret] = match as unknown as [string, string, string]
  const [desk] = await db.select().from(desks).where(eq(desks.id, deskId))
  const expected = Buffer.from(desk?.credentialHash ?? sha256('none'), 'hex')
  const given = Buffer.from(sha256(secret), 'hex')
  if (!desk?.credentialHash || !timingSafeEqual(expected, given))
    return { ok: false, status: 401, error: 'bad credential', deskId }
  if (desk.revokedAt) return { ok: false, status: 403, error: 'desk revoked', deskId }
  return { ok: true, deskId }
}
