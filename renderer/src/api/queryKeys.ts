import type { ChannelName, InputOf } from '../../../preload/contract'

/** Every query is keyed by its channel then its input, so `invalidate(['customers.list'])` hits all pages. */
export function channelKey<C extends ChannelName>(channel: C, input?: InputOf<C>): readonly unknown[] {
  return input === undefined ? [channel] : [channel, input]
}
