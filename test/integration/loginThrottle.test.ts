import { afterEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../main/app/clock'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

describe('login throttling', () => {
  let desk: TestDesk
  afterEach(() => desk?.dispose())

  it('refuses a login for a minute after five wrong passwords, then accepts the right one', async () => {
    let now = Date.parse('2026-11-22T09:00:00Z')
    desk = await tempDesk({ clock: { now: () => new Date(now) } })
    for (let i = 0; i < 5; i++) {
      const wrong = await desk.call('auth.login', { username: 'marie', password: 'nope' })
      expect(wrong.ok || wrong.error.code).toBe('BAD_CREDENTIALS')
    }
    const blocked = await desk.call('auth.login', { username: 'marie', password: 'guichet-demo' })
    expect(blocked.ok || blocked.error.code).toBe('TOO_MANY_ATTEMPTS')
    // Another login is not affected.
    expect((await desk.call('auth.login', { username: 'claire', password: 'guichet-demo' }, 'c2')).ok).toBe(
      true,
    )
    now += 61_000
    expect((await desk.call('auth.login', { username: 'MARIE', password: 'guichet-demo' })).ok).toBe(true)
  })

  it('counts wrong unlock passwords too', async () => {
    desk = await tempDesk({ clock: fixedClock('2026-11-22T09:00:00Z') })
    await desk.login('marie')
    await desk.ok('auth.lock', {})
    for (let i = 0; i < 5; i++) {
      const wrong = await desk.call('auth.unlock', { password: 'nope' })
      expect(wrong.ok || wrong.error.code).toBe('VALIDATION')
    }
    const blocked = await desk.call('auth.unlock', { password: 'guichet-demo' })
    expect(blocked.ok || blocked.error.code).toBe('TOO_MANY_ATTEMPTS')
  })
})
