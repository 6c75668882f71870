import { decodeTime } from 'ulid'
import { describe, expect, it } from 'vitest'
import { newUlid } from '../../main/repo/newId'

describe('newUlid', () => {
  it('makes well-formed, distinct, time-ordered ULIDs', () => {
    const before = Date.now()
    const ids = Array.from({ length: 20_000 }, () => newUlid())
    const after = Date.now()
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(new Set(ids).size).toBe(ids.length)
    const time = decodeTime(ids[0]!)
    expect(time).toBeGreaterThanOrEqual(before)
    expect(decodeTime(ids.at(-1)!)).toBeLessThanOrEqual(after)
    // 80 random bits per id: every character of the random part takes all 32 values.
    const lastChars = new Set(ids.map((id) => id[25]))
    expect(lastChars.size).toBe(32)
  })
})
