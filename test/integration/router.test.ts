import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type ChannelName, contract, type Role, roles } from '../../preload/contract'
import { messageFor, type WireError, type WireResult } from '../../preload/errors'
import { type ShiftableClock, shiftableClock } from '../helpers/clock'
import { personInput } from '../helpers/customers'
import { dbState } from '../helpers/db'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

const demoUser: Record<Role, string> = {
  counter: 'marie',
  agent: 'youssef',
  supervisor: 'claire',
  admin: 'admin',
}
const UNKNOWN_ULID = '01JZZZZZZZZZZZZZZZZZZZZZZZ'

/** Calls a channel with any input at all, as a hostile renderer could. */
function rawCall(desk: TestDesk, channel: string, input: unknown, connectionId: string) {
  return desk.core.router.call({ connectionId, host: 'browser' }, channel, input)
}

/** The error of a call that must fail; also checks it is plain data with no stack. */
function errorOf(result: WireResult<unknown>): WireError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`)
  const { error } = result
  expect(Object.keys(error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true)
  expect(error.message).toBe(messageFor(error.code, 'fr'))
  const text = JSON.stringify(error)
  expect(text).not.toMatch(/\bat .+:\d+:\d+|\.ts:\d+|node_modules|Error:/)
  return error
}

/** Runs `act` and checks that it wrote nothing at all. */
async function writesNothing<T>(desk: TestDesk, act: () => Promise<T>): Promise<T> {
  const before = dbState(desk.core.database.sqlite)
  const result = await act()
  expect(dbState(desk.core.database.sqlite)).toEqual(before)
  return result
}

const roleChannels = (Object.keys(contract) as ChannelName[]).filter((c) => Array.isArray(contract[c].access))
const privateChannels = (Object.keys(contract) as ChannelName[]).filter(
  (c) => contract[c].access !== 'public',
)

describe('router', () => {
  let desk: TestDesk
  beforeAll(async () => {
    // Every call moves the test clock on; with hundreds of channels the sessions would lock midway.
    // Locking has its own tests below.
    desk = await tempDesk({ lockAfterMinutes: 0 })
    for (const role of roles) await desk.login(demoUser[role], role)
  })
  afterAll(() => desk.dispose())

  describe('unknown channels', () => {
    it.each(['customers.delete', 'nope', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
      '%j -> UNKNOWN_CHANNEL',
      async (channel) => {
        const result = await writesNothing(desk, () => rawCall(desk, channel, {}, 'admin'))
        expect(errorOf(result).code).toBe('UNKNOWN_CHANNEL')
      },
    )
  })

  describe('not logged in', () => {
    it.each(privateChannels)('%s -> UNAUTHENTICATED', async (channel) => {
      const result = await writesNothing(desk, () => rawCall(desk, channel, {}, 'anonymous'))
      expect(errorOf(result).code).toBe('UNAUTHENTICATED')
    })

    it('public channels answer', async () => {
      expect(await desk.ok('auth.session', {}, 'anonymous')).toBeNull()
      expect(await desk.ok('app.info', {}, 'anonymous')).toMatchObject({ deskId: 'T01', host: 'browser' })
    })

    it.each([
      ['a wrong password', 'marie', 'guichet-demo!'],
      ['an unknown user', 'mallory', 'guichet-demo'],
    ])('login with %s -> BAD_CREDENTIALS', async (_name, username, password) => {
      const result = await writesNothing(desk, () =>
        desk.call('auth.login', { username, password }, 'anonymous'),
      )
      expect(errorOf(result).code).toBe('BAD_CREDENTIALS')
      expect(await desk.ok('auth.session', {}, 'anonymous')).toBeNull()
    })
  })

  describe('roles', () => {
    const refused: [Role, ChannelName][] = [
      ['counter', 'staff.create'],
      ['agent', 'staff.create'],
      ['supervisor', 'staff.create'],
      ['counter', 'staff.list'],
      ['agent', 'staff.list'],
      ['counter', 'settings.update'],
      ['agent', 'settings.update'],
      ['supervisor', 'settings.update'],
    ]
    const validInput: Partial<Record<ChannelName, unknown>> = {
      'staff.create': { username: 'intrus', displayName: 'Intrus', role: 'admin', password: 'long-enough-1' },
      'staff.list': {},
      'settings.update': { lockAfterMinutes: 0, deskName: 'Pris' },
    }
    const inputs: [string, (c: ChannelName) => unknown][] = [
      ['a valid input', (c) => validInput[c]],
      ['an invalid input', () => ({ role: 'god', extra: 1 })],
      ['no input', () => undefined],
      ['garbage', () => 'DROP TABLE staff'],
    ]
    for (const [role, channel] of refused) {
      it.each(inputs)(`${role} calling ${channel} with %s -> FORBIDDEN`, async (_name, input) => {
        const result = await writesNothing(desk, () => rawCall(desk, channel, input(channel), role))
        expect(errorOf(result).code).toBe('FORBIDDEN')
      })
    }

    it('every role-restricted channel is refused exactly to the roles it does not list', async () => {
      for (const channel of roleChannels) {
        const allowedRoles = contract[channel].access as readonly Role[]
        for (const role of roles) {
          // A non-object input can never be valid: an allowed role gets VALIDATION, never a write.
          const result = await writesNothing(desk, () => rawCall(desk, channel, 'not an object', role))
          const code = errorOf(result).code
          expect([channel, role, code]).toEqual([
            channel,
            role,
            allowedRoles.includes(role) ? 'VALIDATION' : 'FORBIDDEN',
          ])
        }
      }
    })

    it('the roles allowed get through', async () => {
      expect((await desk.ok('staff.list', {}, 'supervisor')).map((s) => s.username)).toContain('marie')
      const created = await desk.ok(
        'staff.create',
        { username: ' Nadia.B ', displayName: 'Nadia Benali', role: 'agent', password: 'long-enough-1' },
        'admin',
      )
      expect(created).toMatchObject({ username: 'nadia.b', role: 'agent' })
      // the new account logs in, on its own connection
      await desk.ok('auth.login', { username: 'NADIA.B', password: 'long-enough-1' }, 'nadia')
      expect(await desk.ok('auth.session', {}, 'nadia')).toMatchObject({ staff: { role: 'agent' } })

      const before = dbState(desk.core.database.sqlite)
      expect(await desk.ok('settings.update', { deskName: 'Port de Tanger' }, 'admin')).toMatchObject({
        deskName: 'Port de Tanger',
      })
      const after = dbState(desk.core.database.sqlite)
      // desk-local: audited, not sent
      expect([after.settings - before.settings, after.audit_log - before.audit_log, after.outbox]).toEqual([
        1,
        1,
        before.outbox,
      ])
    })

    it('a username already taken is a field error and writes nothing', async () => {
      const result = await writesNothing(desk, () =>
        desk.call(
          'staff.create',
          { username: 'Marie', displayName: 'Autre Marie', role: 'counter', password: 'long-enough-1' },
          'admin',
        ),
      )
      expect(errorOf(result)).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ path: 'username', key: 'validation.usernameTaken' }] },
      })
    })
  })

  describe('input validation', () => {
    const person = personInput()
    const cases: [string, ChannelName, unknown, { path: string; key: string; params?: object }[]][] = [
      [
        'a string instead of an object',
        'customers.create',
        'Jean Dupont',
        [{ path: '', key: 'validation.invalidType', params: { expected: 'object' } }],
      ],
      [
        'an array instead of an object',
        'customers.list',
        [],
        [{ path: '', key: 'validation.invalidType', params: { expected: 'object' } }],
      ],
      [
        'a missing field',
        'customers.create',
        { ...person, address: undefined },
        [{ path: 'address', key: 'validation.required' }],
      ],
      [
        'a missing nested field',
        'customers.create',
        { ...person, address: { ...person.address, city: undefined } },
        [{ path: 'address.city', key: 'validation.required' }],
      ],
      [
        'an extra field',
        'customers.create',
        { ...person, isAdmin: true },
        [{ path: '', key: 'validation.unknownField', params: { keys: 'isAdmin' } }],
      ],
      [
        'an extra nested field',
        'customers.create',
        { ...person, address: { ...person.address, floor: 3 } },
        [{ path: 'address', key: 'validation.unknownField', params: { keys: 'floor' } }],
      ],
      [
        'an extra field on an empty input',
        'outbox.stats',
        { verbose: true },
        [{ path: '', key: 'validation.unknownField', params: { keys: 'verbose' } }],
      ],
      [
        'an over-long name',
        'customers.create',
        { ...person, lastName: 'x'.repeat(101) },
        [{ path: 'lastName', key: 'validation.tooLong' }],
      ],
      [
        'over-long notes',
        'customers.create',
        { ...person, notes: 'n'.repeat(2001) },
        [{ path: 'notes', key: 'validation.tooLong' }],
      ],
      [
        'an over-long search',
        'customers.search',
        { query: 'a'.repeat(101) },
        [{ path: 'query', key: 'validation.tooLong' }],
      ],
      [
        'an over-long cursor',
        'customers.list',
        { cursor: 'c'.repeat(501) },
        [{ path: 'cursor', key: 'validation.tooBig', params: { maximum: 500 } }],
      ],
      [
        'a number as a string',
        'customers.list',
        { limit: '50' },
        [{ path: 'limit', key: 'validation.invalidType', params: { expected: 'number' } }],
      ],
      [
        'a limit out of range',
        'customers.list',
        { limit: 10_000 },
        [{ path: 'limit', key: 'validation.tooBig', params: { maximum: 200 } }],
      ],
      [
        'a number instead of a list',
        'customers.create',
        { ...person, phones: 612345678 },
        [{ path: 'phones', key: 'validation.invalidType', params: { expected: 'array' } }],
      ],
      [
        'a value outside the enum',
        'customers.create',
        { ...person, kind: 'robot' },
        [{ path: 'kind', key: 'validation.invalidValue' }],
      ],
      ['a malformed id', 'customers.get', { id: '42' }, [{ path: 'id', key: 'validation.id' }]],
      [
        'an id with forbidden letters',
        'customers.get',
        { id: 'IIIIIIIIIIIIIIIIIIIIIIIIII' },
        [{ path: 'id', key: 'validation.id' }],
      ],
    ]
    it.each(cases)('%s -> VALIDATION with the field', async (_name, channel, input, fields) => {
      const result = await writesNothing(desk, () => rawCall(desk, channel, input, 'admin'))
      const error = errorOf(result)
      expect(error.code).toBe('VALIDATION')
      expect(error.details?.fields).toEqual(fields)
    })

    it('reports every bad field of one input', async () => {
      const input = {
        ...person,
        lastName: '',
        email: 'not-an-email',
        address: { ...person.address, country: 'France' },
      }
      const error = errorOf(
        await writesNothing(desk, () => rawCall(desk, 'customers.create', input, 'admin')),
      )
      expect(error.details?.fields?.map((f) => `${f.path}:${f.key}`).sort()).toEqual([
        'address.country:validation.country',
        'email:validation.email',
        'lastName:validation.required',
        'phones.0.number:validation.phone', // a national number cannot be read without a valid country
      ])
    })

    it('a person without last name is refused once the shape is right', async () => {
      const error = errorOf(
        await writesNothing(desk, () =>
          rawCall(desk, 'customers.create', { ...person, lastName: ' ' }, 'admin'),
        ),
      )
      expect(error.details?.fields).toEqual([{ path: 'lastName', key: 'validation.required' }])
    })
  })

  describe('unknown ids', () => {
    it('customers.get -> NOT_FOUND', async () => {
      const error = errorOf(await desk.call('customers.get', { id: UNKNOWN_ULID }, 'admin'))
      expect(error.code).toBe('NOT_FOUND')
    })

    it('customers.update -> NOT_FOUND, and nothing written', async () => {
      const result = await writesNothing(desk, () =>
        desk.call('customers.update', { id: UNKNOWN_ULID, customer: personInput() }, 'admin'),
      )
      expect(errorOf(result).code).toBe('NOT_FOUND')
    })
  })
})

describe('unexpected errors', () => {
  it('become INTERNAL with no detail, are logged, and leave nothing written', async () => {
    const logged: Record<string, unknown>[] = []
    const desk = await tempDesk({ log: (entry) => logged.push(entry) })
    try {
      await desk.login('marie')
      // A fault deep inside the write, after the customer row itself was inserted.
      desk.core.database.sqlite.exec(`CREATE TRIGGER explode BEFORE INSERT ON customer_phone_keys
        BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`)
      const result = await writesNothing(desk, () => desk.call('customers.create', personInput()))
      const error = errorOf(result)
      expect(error).toEqual({ code: 'INTERNAL', message: messageFor('INTERNAL') })
      expect(JSON.stringify(result)).not.toContain('disk on fire')
      expect(logged).toHaveLength(1)
      expect(logged[0]).toMatchObject({ level: 'error', channel: 'customers.create' })
      expect(String(logged[0]!.error)).toContain('disk on fire')
      expect(String(logged[0]!.error)).toMatch(/\n\s+at /) // the stack stays in the log

      // once the fault is gone, the same call works
      desk.core.database.sqlite.exec('DROP TRIGGER explode')
      expect((await desk.ok('customers.create', personInput())).customer.customerNumber).toBe('T01-000001')
    } finally {
      desk.dispose()
    }
  })
})

describe('session lock after inactivity', () => {
  let desk: TestDesk
  let clock: ShiftableClock
  beforeEach(async () => {
    clock = shiftableClock('2026-11-22T09:00:00Z')
    desk = await tempDesk({ clock, lockAfterMinutes: 5 })
    await desk.login('marie')
  })
  afterEach(() => desk.dispose())

  const lockedCalls: [ChannelName, unknown][] = [
    ['customers.list', {}],
    ['customers.create', personInput()],
    ['customers.create', { garbage: true }],
    ['customers.get', { id: UNKNOWN_ULID }],
    ['settings.get', {}],
    ['outbox.stats', {}],
  ]

  it('activity keeps the session open', async () => {
    for (let i = 0; i < 4; i++) {
      clock.advanceMinutes(4)
      expect((await desk.call('customers.list', {})).ok).toBe(true)
    }
  })

  it('an idle session answers LOCKED to everything but unlock and logout, whatever the input', async () => {
    clock.advanceMinutes(6)
    for (const [channel, input] of lockedCalls) {
      const result = await writesNothing(desk, () => rawCall(desk, channel, input, 'c1'))
      expect([channel, errorOf(result).code]).toEqual([channel, 'LOCKED'])
    }
    expect(await desk.ok('auth.session', {})).toMatchObject({ locked: true, staff: { username: 'marie' } })
  })

  it('unlock with a wrong password is a field error and keeps the lock', async () => {
    clock.advanceMinutes(6)
    const error = errorOf(await writesNothing(desk, () => desk.call('auth.unlock', { password: 'wrong' })))
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.fields).toEqual([{ path: 'password', key: 'validation.wrongPassword' }])
    expect(errorOf(await desk.call('customers.list', {})).code).toBe('LOCKED')

    const missing = errorOf(await desk.call('auth.unlock', {} as never))
    expect(missing.details?.fields).toEqual([{ path: 'password', key: 'validation.required' }])
  })

  it('unlock with the right password reopens the session', async () => {
    clock.advanceMinutes(6)
    expect(await desk.ok('auth.unlock', { password: 'guichet-demo' })).toMatchObject({ locked: false })
    expect((await desk.call('customers.list', {})).ok).toBe(true)
  })

  it('logout works while locked', async () => {
    clock.advanceMinutes(6)
    expect(await desk.ok('auth.logout', {})).toEqual({ ok: true })
    expect(errorOf(await desk.call('customers.list', {})).code).toBe('UNAUTHENTICATED')
    expect(await desk.ok('auth.session', {})).toBeNull()
  })

  it('auth.lock locks at once, and only that connection', async () => {
    await desk.login('claire', 'c2')
    await desk.ok('auth.lock', {})
    expect(errorOf(await desk.call('customers.list', {})).code).toBe('LOCKED')
    expect((await desk.call('customers.list', {}, 'c2')).ok).toBe(true)
  })

  it('checking the session status is not activity: a polling tab still locks', async () => {
    for (let i = 0; i < 6; i++) {
      clock.advanceMinutes(1)
      await desk.ok('auth.session', {})
      await desk.ok('app.info', {})
    }
    expect(errorOf(await desk.call('customers.list', {})).code).toBe('LOCKED')
  })
})

describe('a lock delay of 0', () => {
  it('never locks', async () => {
    const clock = shiftableClock('2026-11-22T09:00:00Z')
    const desk = await tempDesk({ clock, lockAfterMinutes: 0 })
    try {
      await desk.login('marie')
      clock.advanceMinutes(10 * 60)
      expect((await desk.call('customers.list', {})).ok).toBe(true)
    } finally {
      desk.dispose()
    }
  })
})
