/**
 * Hybrid logical clock (Kulkarni et al.): physical milliseconds plus a counter, so that clocks
 * grow monotonically even when a desk's wall clock goes back, and stay close to real time. The text
 * form sorts in clock order: 15-digit ms, 6-digit base-36 counter, node id.
 */
export interface Hlc {
  wall: number
  counter: number
  node: string
}

const MAX_COUNTER = 36 ** 6 - 1

export function formatHlc(h: Hlc): string {
  return `${h.wall.toString().padStart(15, '0')}-${h.counter.toString(36).padStart(6, '0')}-${h.node}`
}

export function parseHlc(text: string): Hlc {
  const m = /^(\d{15})-([0-9a-z]{6})-(.+)$/.exec(text)
  if (!m) throw new Error(`invalid HLC "${text}"`)
  return { wall: Number(m[1]), counter: Number.parseInt(m[2]!, 36), node: m[3]! }
}

/** The clock of a local event after `last`, at wall time `nowMs`. */
export function tick(last: Hlc | null, nowMs: number, node: string): Hlc {
  if (!last || nowMs > last.wall) return { wall: nowMs, counter: 0, node }
  if (last.counter >= MAX_COUNTER) return { wall: last.wall + 1, counter: 0, node }
  return { wall: last.wall, counter: last.counter + 1, node }
}

/** The clock after receiving a remote clock, so that local events happen "after" what was seen. */
export function receive(last: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  const lastWall = last?.wall ?? 0
  const wall = Math.max(lastWall, remote.wall, nowMs)
  let counter: number
  if (wall === lastWall && wall === remote.wall) counter = Math.max(last!.counter, remote.counter) + 1
  else if (wall === lastWall) counter = last!.counter + 1
  else if (wall === remote.wall) counter = remote.counter + 1
  else counter = 0
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, node }
  return { wall, counter, node }
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The latest of some clocks in text form ('' when there are none). */
export function latestHlc(clocks: Iterable<string>): string {
  let latest = ''
  for (const c of clocks) if (c > latest) latest = c
  return latest
}

/** The earliest of some clocks in text form (null when there are none). */
export function earliestHlc(clocks: Iterable<string>): string | null {
  let earliest: string | null = null
  for (const c of clocks) if (earliest === null || c < earliest) earliest = c
  return earliest
}
