/**
 * Faults at the transport level, around the real HTTP transport: a request that never reaches the
 * hub, a response lost after the hub committed, a push sent twice (one after the other, or both at
 * once), an older batch sent again after a newer one, a pull answered twice or with an older page.
 * Every decision comes from a seeded generator, so a run can be replayed.
 */
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '../../hub/protocol'
import { type HubTransport, httpTransport } from '../../main/sync/hubTransport'

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export class Rng {
  readonly next: () => number
  constructor(seed: number) {
    this.next = seededRandom(seed)
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(items.length)]!
  }
  /** A key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][]
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0)
    for (const [key, w] of entries) {
      r -= w
      if (r < 0) return key
    }
    return entries[entries.length - 1]![0]
  }
}

export const faultKinds = [
  'requestDropped',
  'responseDropped',
  'pushTwice',
  'pushTwiceAtOnce',
  'olderBatchAgain',
  'pullTwice',
  'olderPage',
] as const
export type FaultKind = (typeof faultKinds)[number]
export type FaultCounts = Record<FaultKind, number>

export class FaultError extends Error {}

export interface FaultOptions {
  /** Probability that a call meets a fault (each kind then drawn evenly among those that apply). */
  rate: number
}

/**
 * A transport that reaches the hub at `url()` (read at each call, since a restarted hub listens
 * on a new port) and injects faults while `enabled`.
 */
export class FaultyTransport implements HubTransport {
  enabled = true
  readonly counts: FaultCounts = Object.fromEntries(faultKinds.map((k) => [k, 0])) as FaultCounts
  private readonly sentBatches: PushRequest[] = []
  private readonly pages: PullResponse[] = []

  constructor(
    private readonly url: () => string,
    private readonly credential: string,
    private readonly rng: Rng,
    private readonly options: FaultOptions,
  ) {}

  private real(): HubTransport {
    return httpTransport(this.url(), this.credential, 10_000)
  }

  private fault<K extends FaultKind>(kinds: readonly K[]): K | null {
    if (!this.enabled || !this.rng.chance(this.options.rate)) return null
    const kind = this.rng.pick(kinds)
    this.counts[kind]++
    return kind
  }

  async push(request: PushRequest): Promise<PushResponse> {
    const real = this.real()
    const fault = this.fault([
      'requestDropped',
      'responseDropped',
      'pushTwice',
      'pushTwiceAtOnce',
      'olderBatchAgain',
    ] as const)
    const older = this.sentBatches.length > 0 ? this.rng.pick(this.sentBatches) : null
    this.sentBatches.push(request)
    if (this.sentBatches.length > 20) this.sentBatches.shift()
    switch (fault) {
      case 'requestDropped':
        throw new FaultError('fault: push request dropped')
      case 'responseDropped':
        await real.push(request)
        throw new FaultError('fault: push response dropped after the hub answered')
      case 'pushTwice': {
        const first = await real.push(request)
        const second = await real.push(request)
        return this.rng.chance(0.5) ? first : second
      }
      case 'pushTwiceAtOnce': {
        const [a, b] = await Promise.all([real.push(request), real.push(request)])
        return this.rng.chance(0.5) ? a : b
      }
      case 'olderBatchAgain': {
        // An older batch arrives again, before or after this one (its answer is lost).
        if (older && this.rng.chance(0.5)) await real.push(older).catch(() => undefined)
        const response = await real.push(request)
        if (older) await real.push(older).catch(() => undefined)
        return response
      }
      default:
        return real.push(request)
    }
  }

  async pull(request: PullRequest): Promise<PullResponse> {
    const real = this.real()
    const fault = this.fault(['requestDropped', 'responseDropped', 'pullTwice', 'olderPage'] as const)
    switch (fault) {
      case 'requestDropped':
        throw new FaultError('fault: pull request dropped')
      case 'responseDropped':
        await real.pull(request)
        throw new FaultError('fault: pull response dropped')
      case 'pullTwice': {
        await real.pull(request)
        return this.remember(await real.pull(request))
      }
      case 'olderPage': {
        // A delayed answer to an earlier pull arrives instead of this one.
        if (this.pages.length > 0) return this.rng.pick(this.pages)
        return this.remember(await real.pull(request))
      }
      default:
        return this.remember(await real.pull(request))
    }
  }

  private remember(page: PullResponse): PullResponse {
    this.pages.push(page)
    if (this.pages.length > 10) this.pages.shift()
    return page
  }

  async state() {
    const real = this.real()
    const fault = this.fault(['requestDropped', 'responseDropped'] as const)
    if (fault === 'requestDropped') throw new FaultError('fault: state request dropped')
    const state = await real.state()
    if (fault === 'responseDropped') throw new FaultError('fault: state response dropped')
    return state
  }
}
