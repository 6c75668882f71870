import { randomFillSync } from 'node:crypto'
import { ulid } from 'ulid'

// The ulid package draws one random byte per character from the system (16 calls per id) and
// looks its random source up again on each call; the repository makes three ids per change (row,
// audit entry, outbox operation), which made id generation the largest cost of a bulk change.
// Same ids, same randomness source, drawn 4 KiB at a time.
const pool = new Uint8Array(4096)
let next = pool.length

function pooledRandom(): number {
  if (next === pool.length) {
    randomFillSync(pool)
    next = 0
  }
  return pool[next++]! / 256
}

/** A ULID (time-ordered, 80 random bits from the system's cryptographic source). */
export function newUlid(): string {
  return ulid(undefined, pooledRandom)
}
