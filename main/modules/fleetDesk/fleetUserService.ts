import { and, asc, eq, gt, or } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  FleetUser,
  FleetUserInvitation,
  fleetUserCreateInput,
  fleetUserListInput,
  fleetUserUpdateInput,
  Page,
} from '../../../preload/contract'
import { fleetUserInvitations, fleetUsers } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { Actor, Repository, UnitOfWork } from '../../repo/repository'
import type { BusinessAccounts } from './businessAccounts'
import { fleetUserEntity, fleetUserInvitationEntity } from './fleetDeskEntities'
import { mayResendInvitation } from './fleetUserRules'
import type { InvitationSender } from './invitationSender'

type UserRow = typeof fleetUsers.$inferSelect
type Phones = FleetUser['phoneNumbers']

function cursorOf(description: string, id: string): string {
  return Buffer.from(JSON.stringify([description, id])).toString('base64url')
}

function decode(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string'))
      return v as [string, string]
  } catch {
    // below
  }
  throw AppError.field('cursor', 'validation.cursor')
}

/** The people of a business account who use the fleet portal, and their invitations. */
export class FleetUserService {
  constructor(
    private readonly repo: Repository,
    private readonly accounts: BusinessAccounts,
    private readonly sender: InvitationSender,
  ) {}

  list(input: z.output<typeof fleetUserListInput>): Page<FleetUser> {
    this.accounts.assertBusiness(input.customerId)
    const t = fleetUsers
    const after = input.cursor ? decode(input.cursor) : null
    const rows = this.repo.db
      .select()
      .from(t)
      .where(
        and(
          eq(t.customerId, input.customerId),
          after
            ? or(gt(t.description, after[0]), and(eq(t.description, after[0]), gt(t.id, after[1])))
            : undefined,
        ),
      )
      .orderBy(asc(t.description), asc(t.id))
      .limit(input.limit + 1)
      .all()
    const items = rows.slice(0, input.limit)
    const last = items.at(-1)
    return {
      items: items.map((r) => this.toUser(r)),
      nextCursor: rows.length > input.limit && last ? cursorOf(last.description, last.id) : null,
    }
  }

  get(id: string): FleetUser {
    return this.toUser(this.row(id))
  }

  create(actor: Actor, input: z.output<typeof fleetUserCreateInput>): FleetUser {
    this.accounts.assertBusiness(input.customerId)
    const phones = this.phonesOf(input.customerId, input.lineIds)
    const id = this.repo.write(actor, 'fleetDesk.user.create', (unit) => {
      const user = unit.insert(fleetUserEntity, {
        id: this.repo.newId(),
        customerId: input.customerId,
        description: input.description,
        email: input.email,
        role: input.role,
        status: 'INVITED',
        phoneNumbers: JSON.stringify(phones),
        lastInvitedAt: unit.now,
        validatedAt: null,
        version: '',
        clocks: '',
        createdAt: unit.now,
        updatedAt: unit.now,
      })
      this.invite(unit, user)
      return user.id
    })
    return this.get(id)
  }

  update(actor: Actor, input: z.output<typeof fleetUserUpdateInput>): FleetUser {
    const current = this.row(input.id)
    const phones = this.phonesOf(current.customerId, input.lineIds)
    if (current.status === 'VALIDATED' && input.email !== current.email)
      throw AppError.field('email', 'validation.emailOfValidatedUser')
    this.repo.write(actor, 'fleetDesk.user.update', (unit) =>
      unit.update(
        fleetUserEntity,
        input.id,
        {
          description: input.description,
          email: input.email,
          role: input.role,
          phoneNumbers: JSON.stringify(phones),
        },
        input.expectedVersion ? { expectedVersion: input.expectedVersion } : {},
      ),
    )
    return this.get(input.id)
  }

  /** Sends the invitation again; refused once the person has confirmed their profile. */
  resendInvitation(actor: Actor, id: string): FleetUser {
    const current = this.row(id)
    if (!mayResendInvitation(current.status))
      throw AppError.field('status', 'validation.invitationAlreadyValidated')
    this.repo.write(actor, 'fleetDesk.user.invite', (unit) => {
      const { row } = unit.update(fleetUserEntity, id, { lastInvitedAt: unit.now })
      this.invite(unit, row)
    })
    return this.get(id)
  }

  markValidated(actor: Actor, id: string): FleetUser {
    const current = this.row(id)
    if (current.status === 'VALIDATED') return this.toUser(current)
    this.repo.write(actor, 'fleetDesk.user.validated', (unit) =>
      unit.update(fleetUserEntity, id, { status: 'VALIDATED', validatedAt: unit.now }),
    )
    return this.get(id)
  }

  invitations(id: string): FleetUserInvitation[] {
    this.row(id)
    return this.repo.db
      .select()
      .from(fleetUserInvitations)
      .where(eq(fleetUserInvitations.fleetUserId, id))
      .orderBy(asc(fleetUserInvitations.createdAt), asc(fleetUserInvitations.id))
      .limit(200)
      .all()
      .map((r) => ({
        id: r.id,
        email: r.email,
        delivery: r.delivery as FleetUserInvitation['delivery'],
        createdAt: r.createdAt,
      }))
  }

  private invite(unit: UnitOfWork, user: UserRow): void {
    const delivery = this.sender.send({ email: user.email, description: user.description, role: user.role })
    unit.append(fleetUserInvitationEntity, {
      id: this.repo.newId(),
      fleetUserId: user.id,
      email: user.email,
      delivery,
      staffId: unit.actor.staffId,
      deskId: unit.actor.deskId,
      createdAt: unit.now,
    })
  }

  private phonesOf(customerId: string, lineIds: readonly string[]): Phones {
    const unique = [...new Set(lineIds)]
    return this.accounts
      .resolve(customerId, unique, (i) => `lineIds.${lineIds.indexOf(unique[i]!)}`)
      .map((l) => ({ lineId: l.id, phoneNumber: l.phoneNumber }))
  }

  private row(id: string): UserRow {
    const row = this.repo.db.select().from(fleetUsers).where(eq(fleetUsers.id, id)).get()
    if (!row) throw new AppError('NOT_FOUND', { entity: 'fleet_user', id })
    return row
  }

  private toUser(r: UserRow): FleetUser {
    const sent = this.repo.sqlite
      .prepare('SELECT count(*) AS n FROM fleet_user_invitations WHERE fleet_user_id = ?')
      .get(r.id) as { n: number }
    return {
      id: r.id,
      customerId: r.customerId,
      description: r.description,
      email: r.email,
      role: r.role,
      status: r.status,
      phoneNumbers: JSON.parse(r.phoneNumbers) as Phones,
      lastInvitedAt: r.lastInvitedAt,
      invitationsSent: sent.n,
      validatedAt: r.validatedAt,
      version: r.version,
    }
  }
}
