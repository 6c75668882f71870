import { monotonicFactory } from 'ulid'
import type { Clock } from '../app/clock'
import { SeededRandom } from './seededRandom'

/** The PRNG stream the ids are drawn from, apart from the data's own stream. */
const ID_STREAM = 1

/**
 * A ULID factory for the repository that gives the same ids for the same seed: the time part comes
 * from the seeder's clock (so ids sort like the records' creation times) and the random part from
 * a seeded PRNG. Monotonic, so two ids made in the same millisecond still sort in creation order.
 */
export function seededUlidFactory(seed: number, clock: Clock): () => string {
  const random = new SeededRandom(seed, ID_STREAM)
  const next = monotonicFactory(() => random.next())
  return () => next(clock.now().getTime())
}
