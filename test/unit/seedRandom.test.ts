import { decodeTime, isValid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../main/app/clock'
import {
  createdAtFor,
  DEMO_PERIOD_START,
  DEMO_PERIOD_WEEKS,
  SettableClock,
} from '../../main/demo/demoTimeline'
import { seededUlidFactory } from '../../main/demo/seededIds'
import { SeededRandom } from '../../main/demo/seededRandom'

const draw = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.nextUint32())

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and stream', () => {
    expect(draw(new SeededRandom(42), 100)).toEqual(draw(new SeededRandom(42), 100))
  })

  it('gives different sequences for other seeds and other streams', () => {
    const base = draw(new SeededRandom(42), 20)
    expect(draw(new SeededRandom(43), 20)).not.toEqual(base)
    expect(draw(new SeededRandom(42, 1), 20)).not.toEqual(base)
  })

  it('keeps its draws in range and roughly uniform', () => {
    const random = new SeededRandom(7)
    const counts = new Array(10).fill(0)
    for (let i = 0; i < 100_000; i++) {
      const f = random.next()
      expect(f).toBeGreaterThanOrEqual(0)
      expect(f).toBeLessThan(1)
      counts[random.int(0, 9)]++
    }
    for (const c of counts) expect(c).toBeGreaterThan(9_000)
    for (const c of counts) expect(c).toBeLessThan(11_000)
  })

  it('follows the weights of a weighted choice', () => {
    const random = new SeededRandom(1)
    let heavy = 0
    for (let i = 0; i < 10_000; i++) {
      if (
        random.weighted([
          ['heavy', 9],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy++
    }
    expect(heavy).toBeGreaterThan(8_700)
    expect(heavy).toBeLessThan(9_300)
  })

  it('draws digit strings of the asked length', () => {
    const random = new SeededRandom(3)
    for (let i = 0; i < 100; i++) expect(random.digits(9)).toMatch(/^\d{9}$/)
  })
})

describe('seededUlidFactory', () => {
  it('makes the same valid, increasing ids for the same seed and times', () => {
    const make = () => {
      const next = seededUlidFactory(5, fixedClock('2024-03-01T10:00:00Z', 1))
      return Array.from({ length: 50 }, () => next())
    }
    const ids = make()
    expect(make()).toEqual(ids)
    expect(ids.every((id) => isValid(id))).toBe(true)
    expect([...ids].sort()).toEqual(ids)
    expect(decodeTime(ids[0]!)).toBe(Date.parse('2024-03-01T10:00:00Z'))
  })

  it('stays increasing within one millisecond', () => {
    const next = seededUlidFactory(5, new SettableClock(Date.parse('2024-03-01T10:00:00Z')))
    const ids = Array.from({ length: 20 }, () => next())
    expect(new Set(ids).size).toBe(20)
    expect([...ids].sort()).toEqual(ids)
  })

  it('differs with the seed', () => {
    const a = seededUlidFactory(1, fixedClock('2024-03-01T10:00:00Z'))()
    const b = seededUlidFactory(2, fixedClock('2024-03-01T10:00:00Z'))()
    expect(a).not.toBe(b)
  })
})

describe('createdAtFor', () => {
  const count = 5000
  const times = Array.from({ length: count }, (_, i) => createdAtFor(i, count, ((i * 7919) % 1000) / 1000))

  it('never goes back in time with the index', () => {
    for (let i = 1; i < count; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!)
  })

  it('stays within the demo period, on weekdays, during office hours (UTC 07:00-17:00)', () => {
    const end = DEMO_PERIOD_START + DEMO_PERIOD_WEEKS * 7 * 86_400_000
    for (const t of times) {
      const d = new Date(t)
      expect(t).toBeGreaterThanOrEqual(DEMO_PERIOD_START)
      expect(t).toBeLessThan(end)
      expect([0, 6]).not.toContain(d.getUTCDay())
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(7)
      expect(d.getUTCHours()).toBeLessThan(17)
    }
    expect(new Date(end).toISOString() < '2026-11-01').toBe(true)
  })
})
