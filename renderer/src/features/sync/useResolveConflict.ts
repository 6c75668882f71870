import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InputOf } from '../../../../preload/contract'
import { call } from '../../api/call'
import { notifySuccess } from '../../components/notify'

export type ResolveInput = InputOf<'conflicts.resolve'> & {
  /** What the notification says once it is done (the value kept, in words). */
  done: string
}

/**
 * Resolves a conflict. The kept value is written as a new change of the record (main syncs it at
 * once), so every list, record and count on screen is read again.
 */
export function useResolveConflict() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ done: _done, ...input }: ResolveInput) => call('conflicts.resolve', input),
    onSuccess: (_view, { done }) => {
      notifySuccess(done)
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth.session' })
    },
  })
}
