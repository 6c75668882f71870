import { and, asc, eq } from 'drizzle-orm'
import type { Boat, BoatInput } from '../../../preload/contract/harbour'
import type { Clock } from '../../app/clock'
import { customers, harbourBoats } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import { type Actor, type Repository, RepositoryError } from '../../repo/repository'
import { boatEntity, newRecordMeta } from './harbourEntities'

type BoatRow = typeof harbourBoats.$inferSelect

/** Today in UTC as `YYYY-MM-DD`: insurance expiry is a calendar date, compared as text. */
export function todayOf(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10)
}

export function toBoat(r: BoatRow, today: string): Boat {
  return {
    id: r.id,
    customerId: r.customerId,
    name: r.name,
    registration: r.registration,
    boatType: r.boatType,
    lengthCm: r.lengthCm,
    beamCm: r.beamCm,
    draughtCm: r.draughtCm,
    insuranceExpiry: r.insuranceExpiry,
    insuranceExpired: !!r.insuranceExpiry && r.insuranceExpiry < today,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

export class BoatService {
  constructor(
    private readonly repo: Repository,
    private readonly clock: Clock,
  ) {}

  row(id: string): BoatRow {
    const row = this.repo.db.select().from(harbourBoats).where(eq(harbourBoats.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'harbour_boat', id })
    return row
  }

  get(id: string): Boat {
    return toBoat(this.row(id), todayOf(this.clock))
  }

  listByCustomer(customerId: string, limit: number): Boat[] {
    const today = todayOf(this.clock)
    return this.repo.db
      .select()
      .from(harbourBoats)
      .where(and(eq(harbourBoats.customerId, customerId)))
      .orderBy(asc(harbourBoats.name), asc(harbourBoats.id))
      .limit(limit)
      .all()
      .map((r) => toBoat(r, today))
  }

  create(actor: Actor, input: Required<Pick<BoatInput, 'customerId'>> & BoatInput): Boat {
    const row = this.repo.write(actor, 'harbour.boat.create', (unit) => {
      this.checkOwner(input.customerId)
      return unit.insert(boatEntity, { id: this.repo.newId(), ...columns(input), ...newRecordMeta(unit.now) })
    })
    return toBoat(row, todayOf(this.clock))
  }

  update(actor: Actor, id: string, input: BoatInput, expectedVersion?: string): Boat {
    try {
      const { row } = this.repo.write(actor, 'harbour.boat.update', (unit) => {
        this.checkOwner(input.customerId)
        return unit.update(boatEntity, id, columns(input), expectedVersion ? { expectedVersion } : {})
      })
      return toBoat(row, todayOf(this.clock))
    } catch (error) {
      if (error instanceof RepositoryError) throw new AppError(error.code, error.details)
      throw error
    }
  }

  private checkOwner(customerId: string) {
    const owner = this.repo.db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.id, customerId))
      .get()
    if (!owner) throw AppError.field('customerId', 'validation.unknownCustomer')
  }
}

function columns(input: BoatInput) {
  return {
    customerId: input.customerId,
    name: input.name,
    registration: input.registration.toUpperCase(),
    boatType: input.boatType,
    lengthCm: input.lengthCm,
    beamCm: input.beamCm,
    draughtCm: input.draughtCm,
    insuranceExpiry: input.insuranceExpiry ? input.insuranceExpiry : null,
  }
}
