import { describe, expect, it } from 'vitest'
import { compareHlc, formatHlc, type Hlc, parseHlc, receive, tick } from '../../main/sync/hlc'

const MAX_COUNTER = 36 ** 6 - 1
const T = Date.parse('2026-11-22T09:00:00Z')

/** Strictly after, by the tuple order the text form must reproduce. */
function isAfter(a: Hlc, b: Hlc): boolean {
  return a.wall > b.wall || (a.wall === b.wall && a.counter > b.counter)
}

describe('tick', () => {
  it.each([
    { name: 'first event takes the wall clock', last: null, now: T, want: { wall: T, counter: 0 } },
    {
      name: 'wall clock moved on: counter resets',
      last: { wall: T, counter: 7, node: 'A' },
      now: T + 5,
      want: { wall: T + 5, counter: 0 },
    },
    {
      name: 'same millisecond: counter grows',
      last: { wall: T, counter: 7, node: 'A' },
      now: T,
      want: { wall: T, counter: 8 },
    },
    {
      name: 'wall clock went back an hour: keeps the last wall, counter grows',
      last: { wall: T, counter: 0, node: 'A' },
      now: T - 3_600_000,
      want: { wall: T, counter: 1 },
    },
    {
      name: 'counter full: moves to the next millisecond',
      last: { wall: T, counter: MAX_COUNTER, node: 'A' },
      now: T - 10,
      want: { wall: T + 1, counter: 0 },
    },
  ])('$name', ({ last, now, want }) => {
    const next = tick(last, now, 'B')
    expect(next).toEqual({ ...want, node: 'B' })
    if (last) expect(isAfter(next, last)).toBe(true)
  })

  it('stays strictly increasing over a wall clock that jumps back and forth', () => {
    const walls = [T, T + 10, T - 5_000, T - 5_000, T + 3, T + 10, T + 10, T + 11, T - 86_400_000, T + 12]
    let last: Hlc | null = null
    const texts: string[] = []
    for (const now of walls) {
      const next = tick(last, now, 'C01')
      if (last) expect(isAfter(next, last)).toBe(true)
      texts.push(formatHlc(next))
      last = next
    }
    expect([...texts].sort()).toEqual(texts)
    expect(new Set(texts).size).toBe(texts.length)
  })
})

describe('receive', () => {
  const node = 'LOCAL'
  it.each([
    {
      name: 'remote ahead of everything: adopts the remote wall, counter + 1',
      last: { wall: T, counter: 3, node },
      remote: { wall: T + 1000, counter: 5, node: 'R' },
      now: T + 10,
      want: { wall: T + 1000, counter: 6 },
    },
    {
      name: 'local wall clock ahead: counter resets',
      last: { wall: T, counter: 3, node },
      remote: { wall: T + 5, counter: 9, node: 'R' },
      now: T + 100,
      want: { wall: T + 100, counter: 0 },
    },
    {
      name: 'last local clock ahead (wall went back): counter + 1',
      last: { wall: T + 500, counter: 3, node },
      remote: { wall: T, counter: 9, node: 'R' },
      now: T - 1000,
      want: { wall: T + 500, counter: 4 },
    },
    {
      name: 'all on the same wall: max counter + 1',
      last: { wall: T, counter: 3, node },
      remote: { wall: T, counter: 9, node: 'R' },
      now: T,
      want: { wall: T, counter: 10 },
    },
    {
      name: 'no local clock yet',
      last: null,
      remote: { wall: T, counter: 2, node: 'R' },
      now: T - 1,
      want: { wall: T, counter: 3 },
    },
    {
      name: 'counter overflow: next millisecond',
      last: { wall: T, counter: MAX_COUNTER, node },
      remote: { wall: T, counter: MAX_COUNTER, node: 'R' },
      now: T,
      want: { wall: T + 1, counter: 0 },
    },
  ])('$name', ({ last, remote, now, want }) => {
    const next = receive(last, remote, now, node)
    expect(next).toEqual({ ...want, node })
    expect(isAfter(next, remote)).toBe(true)
    if (last) expect(isAfter(next, last)).toBe(true)
  })

  it('a local event after a receive is after the remote clock', () => {
    const remote = { wall: T + 60_000, counter: 12, node: 'R' }
    const seen = receive({ wall: T, counter: 0, node: 'L' }, remote, T, 'L')
    const local = tick(seen, T + 1, 'L')
    expect(compareHlc(formatHlc(local), formatHlc(remote))).toBe(1)
  })
})

describe('format and parse', () => {
  it.each([
    { wall: 0, counter: 0, node: 'A' },
    { wall: T, counter: 1, node: 'C01' },
    { wall: T, counter: MAX_COUNTER, node: 'DESK-7' },
    { wall: 999_999_999_999_999, counter: 35, node: 'x' },
  ])('round-trips %o', (h) => {
    const text = formatHlc(h)
    expect(text).toMatch(/^\d{15}-[0-9a-z]{6}-.+$/)
    expect(parseHlc(text)).toEqual(h)
  })

  it.each([
    '',
    'abc',
    '123-000000-A',
    '000000000000001-00000-A',
    '000000000000001-00000A',
    '000000000000001-ZZZZZZ-A',
  ])('refuses %j', (text) => {
    expect(() => parseHlc(text)).toThrow(/invalid HLC/)
  })

  it('text order is clock order (wall, then counter, then node)', () => {
    const clocks: Hlc[] = [
      { wall: T, counter: 0, node: 'A' },
      { wall: T, counter: 9, node: 'A' },
      { wall: T, counter: 10, node: 'A' }, // "a" in base 36 must sort after "9"
      { wall: T, counter: 35, node: 'A' },
      { wall: T, counter: 36, node: 'A' },
      { wall: T, counter: 36, node: 'B' },
      { wall: T, counter: MAX_COUNTER, node: 'A' },
      { wall: T + 1, counter: 0, node: 'A' },
      { wall: T * 10, counter: 0, node: 'A' }, // one more digit of milliseconds
    ]
    const texts = clocks.map(formatHlc)
    for (let i = 1; i < texts.length; i++) {
      expect(compareHlc(texts[i - 1]!, texts[i]!)).toBe(-1)
      expect(compareHlc(texts[i]!, texts[i - 1]!)).toBe(1)
    }
    expect(compareHlc(texts[2]!, texts[2]!)).toBe(0)
    const shuffled = [5, 0, 8, 3, 1, 7, 2, 6, 4].map((i) => texts[i]!)
    expect([...shuffled].sort(compareHlc)).toEqual(texts)
  })
})
