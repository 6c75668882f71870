import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../main/modules/auth/passwords'

describe('hashPassword / verifyPassword', async () => {
  const password = 'Correct horse battery staple'
  const stored = await hashPassword(password)
  const [scheme, n, r, p, salt, key] = stored.split('$') as [string, string, string, string, string, string]

  it('stores scrypt with its parameters, a 16-byte salt and a 32-byte key', () => {
    expect(scheme).toBe('scrypt')
    expect([n, r, p]).toEqual(['32768', '8', '1'])
    expect(Buffer.from(salt, 'base64')).toHaveLength(16)
    expect(Buffer.from(key, 'base64')).toHaveLength(32)
    expect(stored).not.toContain(password)
  })

  it('verifies the right password', async () => {
    expect(await verifyPassword(password, stored)).toBe(true)
  })

  it('salts each hash', async () => {
    const again = await hashPassword(password)
    expect(again).not.toBe(stored)
    expect(await verifyPassword(password, again)).toBe(true)
  })

  it.each([
    ['wrong password', 'Correct horse battery stapler'],
    ['different case', 'correct horse battery staple'],
    ['empty', ''],
    ['prefix', 'Correct horse'],
  ])('refuses a %s', async (_name, attempt) => {
    expect(await verifyPassword(attempt, stored)).toBe(false)
  })

  it('compares passwords in Unicode NFKC form', async () => {
    const composed = await hashPassword('café-Ｇuichet') // full-width G
    expect(await verifyPassword('cafe\u0301-Guichet', composed)).toBe(true)
  })

  const flip = (b64: string) => {
    const bytes = Buffer.from(b64, 'base64')
    bytes[0] = bytes[0]! ^ 0x01
    return bytes.toString('base64')
  }
  // A hash string altered in the database must never verify, nor crash the login (nor, with a huge
  // N, try to allocate gigabytes): it answers false like a wrong password.
  it.each([
    ['key altered', [scheme, n, r, p, salt, flip(key)].join('$')],
    ['salt altered', [scheme, n, r, p, flip(salt), key].join('$')],
    ['key truncated', [scheme, n, r, p, salt, key.slice(0, 20)].join('$')],
    ['N lowered', [scheme, '16384', r, p, salt, key].join('$')],
    ['r changed', [scheme, n, '4', p, salt, key].join('$')],
    ['unknown scheme', ['bcrypt', n, r, p, salt, key].join('$')],
    ['missing part', [scheme, n, r, p, salt].join('$')],
    ['empty', ''],
    ['plain text password', password],
    ['N not a number', [scheme, 'abc', r, p, salt, key].join('$')],
    ['N not a power of two', [scheme, '32767', r, p, salt, key].join('$')],
    ['N enormous', [scheme, String(2 ** 22), r, p, salt, key].join('$')],
    ['r zero', [scheme, n, '0', p, salt, key].join('$')],
    ['p negative', [scheme, n, r, '-1', salt, key].join('$')],
  ])('a tampered hash (%s) verifies as false', async (_name, tampered) => {
    await expect(verifyPassword(password, tampered)).resolves.toBe(false)
  })
})
