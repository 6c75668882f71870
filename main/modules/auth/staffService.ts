import { asc, eq } from 'drizzle-orm'
import type { Role, StaffInfo } from '../../../preload/contract'
import { staff } from '../../db/schema'
import { AppError } from '../../ipc/appError'
import type { EntityDef } from '../../repo/entities'
import type { Actor, Repository } from '../../repo/repository'
import { hashPassword, verifyPassword } from './passwords'

export const staffEntity: EntityDef<typeof staff> = {
  name: 'staff',
  table: staff,
  // Staff accounts are desk-local until the hub distributes them (hub issue); a password hash
  // never goes into the outbox.
  synced: false,
  versioned: false,
  redactedFields: ['passwordHash'],
}

export interface NewStaff {
  username: string
  displayName: string
  role: Role
  password: string
}

function info(row: typeof staff.$inferSelect): StaffInfo {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role }
}

// Compared against when the username is unknown, so that a wrong username costs as long as a
// wrong password and response times do not reveal which usernames exist.
const decoyHash = hashPassword('decoy-password-for-timing')

export class StaffService {
  constructor(private readonly repo: Repository) {}

  list(): StaffInfo[] {
    return this.repo.db
      .select()
      .from(staff)
      .where(eq(staff.active, true))
      .orderBy(asc(staff.username))
      .all()
      .map(info)
  }

  count(): number {
    return (this.repo.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n
  }

  async create(actor: Actor, input: NewStaff): Promise<StaffInfo> {
    const passwordHash = await hashPassword(input.password)
    const row = this.repo.write(actor, 'staff.create', (unit) => {
      // Checked inside the write transaction, so two admins creating the same login at once get
      // a field error, not a constraint failure.
      const existing = unit.db.select().from(staff).where(eq(staff.username, input.username)).get()
      if (existing) throw AppError.field('username', 'validation.usernameTaken')
      return unit.insert(staffEntity, {
        id: this.repo.newId(),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        active: true,
        createdAt: unit.now,
      })
    })
    return info(row)
  }

  /** The staff member if the password matches; null otherwise (never says which part was wrong). */
  async authenticate(username: string, password: string): Promise<StaffInfo | null> {
    const row = this.repo.db.select().from(staff).where(eq(staff.username, username.toLowerCase())).get()
    if (!row?.active) {
      await verifyPassword(password, await decoyHash)
      return null
    }
    return (await verifyPassword(password, row.passwordHash)) ? info(row) : null
  }

  async checkPassword(staffId: string, password: string): Promise<boolean> {
    const row = this.repo.db.select().from(staff).where(eq(staff.id, staffId)).get()
    return !!row && row.active && (await verifyPassword(password, row.passwordHash))
  }
}
