/*
 * Building blocks of the benchmarks that load data with raw SQL: ids the schemas accept and a
 * deterministic random source, so the same sizes always give the same data.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A valid, ordered ULID-shaped id from a number (the schemas check the shape). */
export function benchId(prefix: number, n: number): string {
  let out = ''
  let v = BigInt(prefix) * 10_000_000_000n + BigInt(n)
  for (let i = 0; i < 26; i++) {
    out = CROCKFORD[Number(v % 32n)]! + out
    v /= 32n
  }
  return out
}

/** xorshift32: a fast deterministic source of numbers in [0, 1). */
export function xorshift(seed: number): () => number {
  let state = seed
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
}
