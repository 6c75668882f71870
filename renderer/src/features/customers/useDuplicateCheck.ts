import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import type { DuplicateHint, InputOf } from '../../../../preload/contract'
import { call } from '../../api/call'
import { channelKey } from '../../api/queryKeys'

export type DuplicateQuery = InputOf<'customers.duplicates'>

/**
 * Asks main for customers sharing an email or a phone, when one of those fields loses focus.
 * Only the answer to the latest question is kept: an older, slower answer never overwrites it.
 */
export function useDuplicateCheck() {
  const queryClient = useQueryClient()
  const [hints, setHints] = useState<DuplicateHint[]>([])
  const latest = useRef(0)

  const check = useCallback(
    async (input: DuplicateQuery) => {
      latest.current += 1
      const mine = latest.current
      if (!input.email && (input.phones ?? []).length === 0) {
        setHints([])
        return
      }
      try {
        const found = await queryClient.fetchQuery({
          queryKey: channelKey('customers.duplicates', input),
          queryFn: () => call('customers.duplicates', input),
          staleTime: 5_000,
        })
        if (mine === latest.current) setHints(found)
      } catch {
        // A failed check must not get in the way of the entry; LOCKED is handled by the query client.
      }
    },
    [queryClient],
  )

  return { hints, check }
}
