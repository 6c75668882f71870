/**
 * A small, fast, seedable pseudo-random generator (sfc32, seeded through splitmix32) and the
 * draws the demo generator needs. Math.random cannot be seeded, and demo data must be the same
 * for the same seed on every machine, so every random choice of the seeder comes from here.
 */

/** A weighted choice: the value and its relative weight (any positive number). */
export type Weighted<T> = readonly [T, number]

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

export class SeededRandom {
  private a: number
  private b: number
  private c: number
  private d: number

  /** `stream` separates independent sequences drawn from the same seed (data, ids, ...). */
  constructor(seed: number, stream = 0) {
    const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0)
    this.a = mix()
    this.b = mix()
    this.c = mix()
    this.d = mix()
    // sfc32's first outputs are correlated with the seed: discard a few.
    for (let i = 0; i < 12; i++) this.nextUint32()
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1), like Math.random. */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  weighted<T>(items: readonly Weighted<T>[]): T {
    let total = 0
    for (const [, weight] of items) total += weight
    let roll = this.next() * total
    for (const [value, weight] of items) {
      roll -= weight
      if (roll < 0) return value
    }
    return items[items.length - 1]![0]
  }

  /** `count` decimal digits, leading zeros allowed. */
  digits(count: number): string {
    let out = ''
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10))
    return out
  }
}
