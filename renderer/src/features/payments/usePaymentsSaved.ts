import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'

/** After a payments write: every payments and invoicing query is read again (balances moved). */
export function usePaymentsSaved() {
  const queryClient = useQueryClient()
  return useCallback(() => {
    void queryClient.invalidateQueries({
      predicate: (q) =>
        typeof q.queryKey[0] === 'string' &&
        (q.queryKey[0].startsWith('payments.') || q.queryKey[0].startsWith('invoicing.')),
    })
    void queryClient.invalidateQueries({ queryKey: ['outbox.stats'] })
  }, [queryClient])
}
