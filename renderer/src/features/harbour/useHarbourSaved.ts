import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'

/** After a harbour write: every harbour query (plan, lists, contract) is read again. */
export function useHarbourSaved() {
  const queryClient = useQueryClient()
  return useCallback(() => {
    void queryClient.invalidateQueries({
      predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('harbour.'),
    })
    void queryClient.invalidateQueries({ queryKey: ['outbox.stats'] })
  }, [queryClient])
}
