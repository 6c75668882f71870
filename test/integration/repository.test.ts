import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SYNC_SCHEMA_VERSION } from '../../hub/protocol'
import { fixedClock } from '../../main/app/clock'
import type { customers } from '../../main/db/schema'
import { staffEntity } from '../../main/modules/auth/staffService'
import { customerEntity } from '../../main/modules/customers/customerService'
import { settingEntity } from '../../main/modules/settings/settingsService'
import { RepositoryError, type UnitOfWork } from '../../main/repo/repository'
import { parseHlc } from '../../main/sync/hlc'
import { customerData, personInput } from '../helpers/customers'
import { auditRows, dbState, outboxRows } from '../helpers/db'
import { type TempDb, tempDb } from '../helpers/tempDb'

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/
const LOCAL_FIELDS = ['sortName', 'altName', 'emailKey']

let t: TempDb
beforeEach(() => {
  t = tempDb({ deskId: 'R01' })
})
afterEach(() => t.dispose())

let numbered = 100

/** The columns of a customer row, as the service would write them (without the sync metadata). */
function customerRow(overrides: Record<string, unknown> = {}): typeof customers.$inferInsert {
  return {
    createdAt: '',
    updatedAt: '',
    id: t.repo.newId(),
    customerNumber: `R01-${String(++numbered).padStart(6, '0')}`,
    kind: 'person' as const,
    title: null,
    firstName: 'Jean',
    lastName: 'Dupont',
    companyName: null,
    displayName: 'Jean Dupont',
    sortName: 'dupont jean',
    altName: 'jean dupont',
    email: 'jean@example.fr',
    emailKey: 'jean@example.fr',
    phones: '[]',
    language: 'fr' as const,
    street: '1 quai',
    postalCode: '13002',
    city: 'Marseille',
    country: 'FR',
    billingAddress: null,
    identifiers: '{}',
    notes: null,
    version: '',
    clocks: '',
    ...overrides,
  }
}

/** Inserts a customer the way the service does, stamped with the unit's instant. */
function insertCustomer(unit: UnitOfWork, overrides: Record<string, unknown> = {}) {
  return unit.insert(customerEntity, customerRow({ createdAt: unit.now, updatedAt: unit.now, ...overrides }))
}

function customerCount(): number {
  return (t.database.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n
}

describe('a write', () => {
  it('stores the row, one audit entry and one outbox operation', () => {
    const row = t.repo.write(t.actor, 'customer.create', (unit) => insertCustomer(unit))

    expect(customerCount()).toBe(1)
    const [audit, ...moreAudit] = auditRows(t.database.sqlite)
    const [op, ...moreOps] = outboxRows(t.database.sqlite)
    expect(moreAudit).toEqual([])
    expect(moreOps).toEqual([])

    // the row carries its sync metadata
    expect(row.version).toMatch(/^\d{15}-[0-9a-z]{6}-R01$/)
    const clocks = JSON.parse(row.clocks) as Record<string, string>
    expect(Object.values(clocks).every((c) => c === row.version)).toBe(true)
    expect(Object.keys(clocks)).toContain('email')
    for (const local of [...LOCAL_FIELDS, 'id', 'version', 'clocks']) expect(clocks).not.toHaveProperty(local)

    // who, desk, when, what, before/after
    expect(audit).toMatchObject({
      staff_id: t.actor.staffId,
      desk_id: 'R01',
      action: 'customer.create',
      entity: 'customer',
      entity_id: row.id,
      before: null,
      at: row.createdAt,
    })
    expect(audit!.id).toMatch(ULID)
    const after = JSON.parse(audit!.after!)
    expect(after).toMatchObject({ id: row.id, lastName: 'Dupont', email: 'jean@example.fr' })
    expect(after).not.toHaveProperty('version')
    expect(after).not.toHaveProperty('clocks')

    // the operation to push
    expect(op).toMatchObject({
      desk_id: 'R01',
      entity: 'customer',
      entity_id: row.id,
      kind: 'create',
      base: '{}',
      hlc: row.version,
      schema_version: SYNC_SCHEMA_VERSION, // the sync protocol's version, which the hub checks
      staff_id: t.actor.staffId,
      created_at: row.createdAt,
      state: 'pending',
    })
    expect(op!.op_id).toMatch(ULID)
    const fields = JSON.parse(op!.fields)
    expect(fields).toMatchObject({
      lastName: 'Dupont',
      email: 'jean@example.fr',
      customerNumber: row.customerNumber,
    })
    for (const local of [...LOCAL_FIELDS, 'id', 'version', 'clocks']) expect(fields).not.toHaveProperty(local)

    // and the desk clock is persisted with it
    expect(dbState(t.database.sqlite).clock).toBe(row.version)
  })

  it('gives every operation a unique id, an increasing seq and an increasing clock', () => {
    for (let i = 0; i < 5; i++) {
      t.repo.write(t.actor, 'customer.create', (unit) => {
        insertCustomer(unit)
        insertCustomer(unit)
      })
    }
    const ops = outboxRows(t.database.sqlite)
    expect(ops).toHaveLength(10)
    expect(new Set(ops.map((o) => o.op_id)).size).toBe(10)
    for (let i = 1; i < ops.length; i++) {
      expect(ops[i]!.seq).toBeGreaterThan(ops[i - 1]!.seq)
      expect(ops[i]!.hlc > ops[i - 1]!.hlc).toBe(true)
    }
    expect(auditRows(t.database.sqlite)).toHaveLength(10)
  })

  it('an update sends only the changed fields, with the clocks of the values they replace', () => {
    const created = t.repo.write(t.actor, 'customer.create', (unit) => insertCustomer(unit))
    const { row: updated, changed } = t.repo.write(t.actor, 'customer.update', (unit) =>
      unit.update(customerEntity, created.id, {
        email: 'j.dupont@example.fr',
        emailKey: 'j.dupont@example.fr',
        city: 'Marseille', // unchanged: not sent
        notes: 'VIP',
      }),
    )
    expect(changed.sort()).toEqual(['email', 'emailKey', 'notes'])
    expect(updated.version > created.version).toBe(true)
    expect(updated.updatedAt > created.updatedAt).toBe(true)
    expect(updated.createdAt).toBe(created.createdAt)

    const clocks = JSON.parse(updated.clocks) as Record<string, string>
    expect(clocks.email).toBe(updated.version)
    expect(clocks.notes).toBe(updated.version)
    expect(clocks.city).toBe(created.version)
    expect(clocks).not.toHaveProperty('emailKey')

    const op = outboxRows(t.database.sqlite)[1]!
    expect(op.kind).toBe('update')
    expect(op.hlc).toBe(updated.version)
    // updatedAt travels with every update, so that all desks agree on it (merged by clock at the hub)
    expect(JSON.parse(op.fields)).toEqual({
      email: 'j.dupont@example.fr',
      notes: 'VIP',
      updatedAt: updated.updatedAt,
    })
    expect(JSON.parse(op.base)).toEqual({
      email: created.version,
      notes: created.version,
      updatedAt: created.version,
    })

    const audit = auditRows(t.database.sqlite)[1]!
    expect(audit.action).toBe('customer.update')
    expect(JSON.parse(audit.before!)).toEqual({
      email: 'jean@example.fr',
      emailKey: 'jean@example.fr',
      notes: null,
    })
    expect(JSON.parse(audit.after!)).toEqual({
      email: 'j.dupont@example.fr',
      emailKey: 'j.dupont@example.fr',
      notes: 'VIP',
    })
  })

  it('a second update bases each field on its own last clock', () => {
    const created = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    const first = t.repo.write(t.actor, 'u', (unit) =>
      unit.update(customerEntity, created.id, { notes: 'a' }),
    ).row
    t.repo.write(t.actor, 'u', (unit) =>
      unit.update(customerEntity, created.id, { notes: 'b', city: 'Nice' }),
    )
    const op = outboxRows(t.database.sqlite)[2]!
    expect(JSON.parse(op.base)).toEqual({
      notes: first.version,
      city: created.version,
      updatedAt: first.version,
    })
  })

  it('a delete is audited with the row before and sends the version it removes', () => {
    const created = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    t.repo.write(t.actor, 'customer.delete', (unit) => unit.remove(customerEntity, created.id))
    expect(customerCount()).toBe(0)
    const op = outboxRows(t.database.sqlite)[1]!
    expect(op).toMatchObject({ kind: 'delete', fields: '{}', entity_id: created.id })
    expect(JSON.parse(op.base)).toEqual({ version: created.version })
    const audit = auditRows(t.database.sqlite)[1]!
    expect(JSON.parse(audit.before!)).toMatchObject({ id: created.id, lastName: 'Dupont' })
    expect(audit.after).toBeNull()
  })
})

describe('a failing write leaves nothing', () => {
  beforeEach(() => {
    t.repo.write(t.actor, 'seed', (unit) => insertCustomer(unit, { customerNumber: 'R01-000001' }))
  })

  it('when the unit throws after its insert', () => {
    const before = dbState(t.database.sqlite)
    expect(() =>
      t.repo.write(t.actor, 'customer.create', (unit) => {
        insertCustomer(unit)
        insertCustomer(unit)
        throw new Error('printer on fire')
      }),
    ).toThrow('printer on fire')
    expect(dbState(t.database.sqlite)).toEqual(before)
  })

  it('on a constraint violation', () => {
    const before = dbState(t.database.sqlite)
    expect(() =>
      t.repo.write(t.actor, 'customer.create', (unit) => {
        insertCustomer(unit, { customerNumber: 'R01-000002' })
        insertCustomer(unit, { customerNumber: 'R01-000001' }) // taken
      }),
    ).toThrow(/UNIQUE/)
    expect(dbState(t.database.sqlite)).toEqual(before)
  })

  it('on an update of a missing id', () => {
    const before = dbState(t.database.sqlite)
    let thrown: unknown
    try {
      t.repo.write(t.actor, 'customer.update', (unit) => {
        insertCustomer(unit)
        unit.update(customerEntity, '01JNOPE0000000000000000000', { notes: 'x' })
      })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(RepositoryError)
    expect((thrown as RepositoryError).code).toBe('NOT_FOUND')
    expect(dbState(t.database.sqlite)).toEqual(before)
  })

  it('on a version conflict (CONFLICT, with the current version)', () => {
    const { id, version } = t.database.sqlite.prepare('SELECT id, version FROM customers').get() as {
      id: string
      version: string
    }
    t.repo.write(t.actor, 'u', (unit) => unit.update(customerEntity, id, { notes: 'changed elsewhere' }))
    const before = dbState(t.database.sqlite)
    let thrown: unknown
    try {
      t.repo.write(t.actor, 'u', (unit) =>
        unit.update(customerEntity, id, { notes: 'my edit' }, { expectedVersion: version }),
      )
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(RepositoryError)
    expect((thrown as RepositoryError).code).toBe('CONFLICT')
    const current = (t.database.sqlite.prepare('SELECT version FROM customers').get() as { version: string })
      .version
    expect((thrown as RepositoryError).details).toEqual({ currentVersion: current })
    expect(dbState(t.database.sqlite)).toEqual(before)

    // with the current version, the same edit goes through
    const { row } = t.repo.write(t.actor, 'u', (unit) =>
      unit.update(customerEntity, id, { notes: 'my edit' }, { expectedVersion: current }),
    )
    expect(row.notes).toBe('my edit')
  })

  it('and the next write still works, with a clock after the last committed one', () => {
    const committed = dbState(t.database.sqlite).clock!
    expect(() =>
      t.repo.write(t.actor, 'x', (unit) => {
        insertCustomer(unit)
        throw new Error('abort')
      }),
    ).toThrow()
    const row = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    expect(row.version > committed).toBe(true)
    expect(customerCount()).toBe(2)
  })
})

describe('writes that change nothing', () => {
  it('an update with the same values writes nothing and keeps the version', () => {
    const created = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    const before = dbState(t.database.sqlite)
    const { row, changed } = t.repo.write(t.actor, 'u', (unit) =>
      unit.update(customerEntity, created.id, { email: created.email, city: created.city, notes: null }),
    )
    expect(changed).toEqual([])
    expect(row.version).toBe(created.version)
    expect(dbState(t.database.sqlite)).toEqual(before)
  })
})

describe('the hybrid logical clock', () => {
  it('survives reopening the database and never goes back, even with an earlier wall clock', () => {
    const first = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    t.reopen(fixedClock('2020-01-01T00:00:00Z', 0)) // the desk's clock was set six years back
    const second = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    const third = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    expect(second.version > first.version).toBe(true)
    expect(third.version > second.version).toBe(true)
    expect(parseHlc(second.version).wall).toBe(parseHlc(first.version).wall)
    // the wall-clock timestamps do go back; the clock that orders changes does not
    expect(second.createdAt < first.createdAt).toBe(true)
    t.reopen(fixedClock('2019-06-01T00:00:00Z', 0))
    const fourth = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    expect(fourth.version > third.version).toBe(true)
    expect(dbState(t.database.sqlite).clock).toBe(fourth.version)
  })

  it('follows the wall clock again once it has caught up', () => {
    const first = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    t.reopen(fixedClock('2027-01-01T00:00:00Z', 0))
    const later = t.repo.write(t.actor, 'c', (unit) => insertCustomer(unit))
    expect(parseHlc(later.version)).toEqual({
      wall: Date.parse('2027-01-01T00:00:00Z'),
      counter: 0,
      node: 'R01',
    })
    expect(later.version > first.version).toBe(true)
  })
})

describe('desk-local entities', () => {
  it('staff: audited with the password hash redacted, never in the outbox', () => {
    const passwordHash =
      'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U='
    const id = t.repo.newId()
    t.repo.write(t.actor, 'staff.create', (unit) =>
      unit.insert(staffEntity, {
        id,
        username: 'nadia',
        displayName: 'Nadia B.',
        role: 'agent',
        passwordHash,
        active: true,
        createdAt: unit.now,
      }),
    )
    t.repo.write(t.actor, 'staff.password', (unit) =>
      unit.update(staffEntity, id, { passwordHash: `${passwordHash}x` }),
    )
    const audits = auditRows(t.database.sqlite)
    expect(audits).toHaveLength(2)
    expect(JSON.parse(audits[0]!.after!)).toMatchObject({ username: 'nadia', passwordHash: '[redacted]' })
    expect(JSON.parse(audits[1]!.before!)).toEqual({ passwordHash: '[redacted]' })
    expect(JSON.parse(audits[1]!.after!)).toEqual({ passwordHash: '[redacted]' })
    const everything = JSON.stringify(t.database.sqlite.prepare('SELECT * FROM audit_log').all())
    expect(everything).not.toContain('c2FsdHNhbHRzYWx0c2FsdA')
    expect(outboxRows(t.database.sqlite)).toEqual([])
  })

  it('settings: audited, no outbox operation, no clock tick', () => {
    t.repo.write(t.actor, 'settings.update', (unit) =>
      unit.insert(settingEntity, { id: 'deskName', value: 'Tanger' }),
    )
    t.repo.write(t.actor, 'settings.update', (unit) =>
      unit.update(settingEntity, 'deskName', { value: 'Tanger Med' }),
    )
    const audits = auditRows(t.database.sqlite)
    expect(audits.map((a) => [a.entity, a.entity_id, a.action])).toEqual([
      ['setting', 'deskName', 'settings.update'],
      ['setting', 'deskName', 'settings.update'],
    ])
    expect(JSON.parse(audits[1]!.before!)).toEqual({ value: 'Tanger' })
    expect(JSON.parse(audits[1]!.after!)).toEqual({ value: 'Tanger Med' })
    expect(outboxRows(t.database.sqlite)).toEqual([])
    expect(dbState(t.database.sqlite).clock).toBeNull()
  })
})

describe('the customers service writes through the repository', () => {
  it('a customer and its phone keys commit with their audit and outbox rows', () => {
    const saved = t.customers.create(t.actor, customerData(personInput()))
    const state = dbState(t.database.sqlite)
    expect(state).toMatchObject({ customers: 1, customer_phone_keys: 1, audit_log: 1, outbox: 1 })
    const op = outboxRows(t.database.sqlite)[0]!
    expect(JSON.parse(op.fields).phones).toBe(JSON.stringify([{ type: 'mobile', number: '+33612345678' }]))
    expect(op.hlc).toBe(saved.customer.version)
  })
})
