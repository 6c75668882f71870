import type { Statement } from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import type {
  Berth,
  BerthPlan,
  BerthStatus,
  Occupancy,
  PlanPontoon,
  Pontoon,
} from '../../../preload/contract/harbour'
import { harbourBerths, harbourPontoons } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import { type Actor, type Repository, RepositoryError } from '../../repo/repository'
import { berthFitProblems } from './berthFit'
import { berthEntity, newRecordMeta, pontoonEntity } from './harbourEntities'
import { HOLDS_BERTH_SQL, occupancyOf } from './occupancy'

interface BerthRow {
  id: string
  pontoon_id: string
  pontoon_code: string
  code: string
  position: number
  max_length_cm: number
  max_beam_cm: number
  status: BerthStatus
  version: string
}

function toBerth(r: BerthRow): Berth {
  return {
    id: r.id,
    pontoonId: r.pontoon_id,
    pontoonCode: r.pontoon_code,
    code: r.code,
    position: r.position,
    maxLengthCm: r.max_length_cm,
    maxBeamCm: r.max_beam_cm,
    status: r.status,
    version: r.version,
  }
}

const BERTH_COLUMNS = `b.id, b.pontoon_id, p.code AS pontoon_code, b.code, b.position, b.max_length_cm,
  b.max_beam_cm, b.status, b.version`

/** Pontoons, berths and the berth plan. */
export class BerthService {
  /** The plan's statements, by page size (the IN list's length): compiled once, not per call. */
  private readonly planStatements = new Map<number, { berths: Statement; holders: Statement }>()

  constructor(private readonly repo: Repository) {}

  private planStatementsFor(count: number) {
    let cached = this.planStatements.get(count)
    if (!cached) {
      const inList = Array.from({ length: count }, () => '?').join(',')
      cached = {
        berths: this.repo.sqlite.prepare(
          `SELECT b.id, b.pontoon_id, b.code, b.max_length_cm, b.max_beam_cm, b.status FROM harbour_berths b
           WHERE b.pontoon_id IN (${inList}) ORDER BY b.pontoon_id, b.position, b.id`,
        ),
        holders: this.repo.sqlite.prepare(
          `SELECT c.berth_id, c.id, c.status, c.contract_type, bo.name AS boat_name
           FROM harbour_berths b
           JOIN harbour_contracts c ON c.berth_id = b.id
           JOIN harbour_boats bo ON bo.id = c.boat_id
           WHERE b.pontoon_id IN (${inList}) AND ${HOLDS_BERTH_SQL.replaceAll('@start', '@date').replaceAll('@end', '@date')}`,
        ),
      }
      this.planStatements.set(count, cached)
    }
    return cached
  }

  listPontoons(): Pontoon[] {
    // A marina has tens of pontoons, not thousands: bounded by the harbour itself.
    return this.repo.sqlite
      .prepare(
        `SELECT p.id, p.code, p.name, (SELECT count(*) FROM harbour_berths b WHERE b.pontoon_id = p.id) AS berthCount
         FROM harbour_pontoons p ORDER BY p.code, p.id LIMIT 500`,
      )
      .all() as Pontoon[]
  }

  createPontoon(actor: Actor, input: { code: string; name: string }): Pontoon {
    const code = input.code.toUpperCase()
    const row = this.repo.write(actor, 'harbour.pontoon.create', (unit) => {
      const taken = this.repo.db.select().from(harbourPontoons).where(eq(harbourPontoons.code, code)).get()
      if (taken) throw AppError.field('code', 'validation.codeTaken')
      return unit.insert(pontoonEntity, {
        id: this.repo.newId(),
        code,
        name: input.name,
        ...newRecordMeta(unit.now),
      })
    })
    return { id: row.id, code: row.code, name: row.name, berthCount: 0 }
  }

  berth(id: string): Berth {
    const row = this.repo.sqlite
      .prepare(
        `SELECT ${BERTH_COLUMNS} FROM harbour_berths b JOIN harbour_pontoons p ON p.id = b.pontoon_id WHERE b.id = ?`,
      )
      .get(id) as BerthRow | undefined
    if (!row) throw new AppError('NOT_FOUND', { entity: 'harbour_berth', id })
    return toBerth(row)
  }

  createBerth(
    actor: Actor,
    input: {
      pontoonId: string
      code: string
      position?: number | undefined
      maxLengthCm: number
      maxBeamCm: number
      status: BerthStatus
    },
  ): Berth {
    const code = input.code.toUpperCase()
    const row = this.repo.write(actor, 'harbour.berth.create', (unit) => {
      const pontoon = this.repo.db
        .select()
        .from(harbourPontoons)
        .where(eq(harbourPontoons.id, input.pontoonId))
        .get()
      if (!pontoon) throw AppError.field('pontoonId', 'validation.unknownPontoon')
      const taken = this.repo.sqlite.prepare('SELECT 1 FROM harbour_berths WHERE code = ? LIMIT 1').get(code)
      if (taken) throw AppError.field('code', 'validation.codeTaken')
      const position =
        input.position ??
        (
          this.repo.sqlite
            .prepare('SELECT coalesce(max(position), 0) AS m FROM harbour_berths WHERE pontoon_id = ?')
            .get(input.pontoonId) as { m: number }
        ).m + 1
      return unit.insert(berthEntity, {
        id: this.repo.newId(),
        pontoonId: input.pontoonId,
        code,
        position,
        maxLengthCm: input.maxLengthCm,
        maxBeamCm: input.maxBeamCm,
        status: input.status,
        ...newRecordMeta(unit.now),
      })
    })
    return this.berth(row.id)
  }

  updateBerth(
    actor: Actor,
    input: {
      id: string
      expectedVersion?: string | undefined
      maxLengthCm?: number | undefined
      maxBeamCm?: number | undefined
      status?: BerthStatus | undefined
    },
  ): Berth {
    const patch = Object.fromEntries(
      Object.entries({
        maxLengthCm: input.maxLengthCm,
        maxBeamCm: input.maxBeamCm,
        status: input.status,
      }).filter(([, v]) => v !== undefined),
    )
    try {
      this.repo.write(actor, 'harbour.berth.update', (unit) =>
        unit.update(
          berthEntity,
          input.id,
          patch,
          input.expectedVersion ? { expectedVersion: input.expectedVersion } : {},
        ),
      )
    } catch (error) {
      if (error instanceof RepositoryError) throw new AppError(error.code, error.details)
      throw error
    }
    return this.berth(input.id)
  }

  /**
   * The plan for one date, a page of pontoons at a time (keyset on code, id), each with all its
   * berths and what holds them that night: two indexed queries per page, whatever the harbour's
   * history.
   */
  plan(date: string, limit: number, cursor?: string): BerthPlan {
    const after = decodeCursor(cursor)
    const pontoons = this.repo.sqlite
      .prepare(
        `SELECT id, code, name FROM harbour_pontoons
         WHERE (@code IS NULL OR (code, id) > (@code, @id)) ORDER BY code, id LIMIT @limit`,
      )
      .all({ code: after?.code ?? null, id: after?.id ?? null, limit: limit + 1 }) as {
      id: string
      code: string
      name: string
    }[]
    const hasMore = pontoons.length > limit
    const page = pontoons.slice(0, limit)
    const ids = page.map((p) => p.id)
    const counts = Object.fromEntries(
      (['free', 'contract', 'visitor', 'reserved', 'out_of_service'] as Occupancy[]).map((o) => [o, 0]),
    ) as Record<Occupancy, number>
    if (ids.length === 0) return { date, pontoons: [], counts, nextCursor: null }

    const statements = this.planStatementsFor(ids.length)
    const berths = statements.berths.all(...ids) as Omit<BerthRow, 'pontoon_code' | 'position' | 'version'>[]
    const holders = statements.holders.all(...ids, { date }) as {
      berth_id: string
      id: string
      status: 'draft' | 'signed' | 'cancelled'
      contract_type: string
      boat_name: string
    }[]
    const byBerth = new Map(holders.map((h) => [h.berth_id, h]))
    const byPontoon = new Map<string, PlanPontoon>(page.map((p) => [p.id, { ...p, berths: [] }]))
    for (const b of berths) {
      const holder = byBerth.get(b.id) ?? null
      const occupancy = occupancyOf(
        b.status,
        holder ? { status: holder.status, contractType: holder.contract_type } : null,
      )
      counts[occupancy]++
      byPontoon.get(b.pontoon_id)!.berths.push({
        id: b.id,
        code: b.code,
        maxLengthCm: b.max_length_cm,
        maxBeamCm: b.max_beam_cm,
        status: b.status,
        occupancy,
        contractId: holder?.id ?? null,
        boatName: holder?.boat_name ?? null,
      })
    }
    const last = page.at(-1)!
    return {
      date,
      pontoons: page.map((p) => byPontoon.get(p.id)!),
      counts,
      nextCursor: hasMore ? encodeCursor(last.code, last.id) : null,
    }
  }

  /** The contract holding `berthId` on `date` (id), if any. */
  holderOn(berthId: string, date: string): string | null {
    const row = this.repo.sqlite
      .prepare(
        `SELECT c.id FROM harbour_contracts c WHERE c.berth_id = @berth AND ${HOLDS_BERTH_SQL} LIMIT 1`,
      )
      .get({ berth: berthId, start: date, end: date }) as { id: string } | undefined
    return row?.id ?? null
  }

  /** Contracts holding `berthId` on some night of the period, except those listed. */
  holdersDuring(berthId: string, startDate: string, endDate: string, except: string[]): string[] {
    const rows = this.repo.sqlite
      .prepare(
        `SELECT c.id FROM harbour_contracts c WHERE c.berth_id = @berth AND ${HOLDS_BERTH_SQL} ORDER BY c.start_date`,
      )
      .all({ berth: berthId, start: startDate, end: endDate }) as { id: string }[]
    return rows.map((r) => r.id).filter((id) => !except.includes(id))
  }

  /**
   * Berths a boat fits that are free for the whole period: the tightest first, so the clerk does
   * not give a 20 m berth to a 7 m boat.
   */
  candidates(
    boat: { lengthCm: number; beamCm: number },
    startDate: string,
    endDate: string,
    limit: number,
    query?: string,
  ): Berth[] {
    const rows = this.repo.sqlite
      .prepare(
        `SELECT ${BERTH_COLUMNS} FROM harbour_berths b JOIN harbour_pontoons p ON p.id = b.pontoon_id
         WHERE b.max_length_cm >= @length AND b.max_beam_cm >= @beam AND b.status != 'out_of_service'
           AND (@query IS NULL OR b.code LIKE @query)
           AND NOT EXISTS (SELECT 1 FROM harbour_contracts c WHERE c.berth_id = b.id AND ${HOLDS_BERTH_SQL})
         ORDER BY b.max_length_cm, b.max_beam_cm, p.code, b.position, b.id LIMIT @limit`,
      )
      .all({
        length: boat.lengthCm,
        beam: boat.beamCm,
        start: startDate,
        end: endDate,
        query: query ? `${query.toUpperCase().replace(/[%_]/g, '')}%` : null,
        limit,
      }) as BerthRow[]
    return rows.map(toBerth)
  }

  fits(boat: { lengthCm: number; beamCm: number }, berthId: string) {
    const berth = this.berth(berthId)
    return { berth, problems: berthFitProblems(boat, berth) }
  }

  statusOf(id: string): BerthStatus | undefined {
    return this.repo.db
      .select({ s: harbourBerths.status })
      .from(harbourBerths)
      .where(eq(harbourBerths.id, id))
      .get()?.s
  }
}

function encodeCursor(code: string, id: string): string {
  return Buffer.from(JSON.stringify([code, id])).toString('base64url')
}

function decodeCursor(cursor: string | undefined): { code: string; id: string } | null {
  if (!cursor) return null
  try {
    const [code, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string]
    if (typeof code !== 'string' || typeof id !== 'string') throw new Error('bad cursor')
    return { code, id }
  } catch {
    throw AppError.field('cursor', 'validation.cursor')
  }
}
