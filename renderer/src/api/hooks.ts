/**
 * Typed TanStack Query hooks over the channel contract: the input and output types of each channel
 * come from `preload/contract`, so a renamed field breaks the build here, not at the counter.
 */
import { type UseMutationOptions, type UseQueryOptions, useMutation, useQuery } from '@tanstack/react-query'
import type { ChannelName, InputOf, OutputOf } from '../../../preload/contract'
import { call } from './call'
import { channelKey } from './queryKeys'

export type ChannelQueryOptions<C extends ChannelName> = Omit<
  UseQueryOptions<OutputOf<C>, Error, OutputOf<C>, readonly unknown[]>,
  'queryKey' | 'queryFn'
>

export function useChannelQuery<C extends ChannelName>(
  channel: C,
  input: InputOf<C>,
  options: ChannelQueryOptions<C> = {},
) {
  return useQuery({
    queryKey: channelKey(channel, input),
    queryFn: () => call(channel, input),
    ...options,
  })
}

export type ChannelMutationOptions<C extends ChannelName, Context = unknown> = Omit<
  UseMutationOptions<OutputOf<C>, Error, InputOf<C>, Context>,
  'mutationFn'
>

export function useChannelMutation<C extends ChannelName, Context = unknown>(
  channel: C,
  options: ChannelMutationOptions<C, Context> = {},
) {
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    ...options,
  })
}
