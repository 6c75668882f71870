import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import type { InputOf, ProvisioningRequestView } from '../../../../preload/contract'
import { call } from '../../api/call'
import { channelKey } from '../../api/queryKeys'

/** Requests still moving are refreshed while on screen, so the clerk sees the operator's answer arrive. */
const LIVE_REFRESH_MS = 3000

export function useRequests(input: InputOf<'provisioning.list'>) {
  const pages = useInfiniteQuery({
    queryKey: channelKey('provisioning.list', input),
    queryFn: ({ pageParam }) =>
      call('provisioning.list', pageParam ? { ...input, cursor: pageParam } : input),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((r) => r.state === 'queued' || r.state === 'sent'))
        ? LIVE_REFRESH_MS
        : false,
  })
  const rows: ProvisioningRequestView[] = pages.data?.pages.flatMap((p) => p.items) ?? []
  return { pages, rows }
}
