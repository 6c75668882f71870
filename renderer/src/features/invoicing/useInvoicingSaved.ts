import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'

/** After a money write: every invoicing query (account, lists, invoice, cash-up) is read again. */
export function useInvoicingSaved() {
  const queryClient = useQueryClient()
  return useCallback(() => {
    void queryClient.invalidateQueries({
      predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('invoicing.'),
    })
    void queryClient.invalidateQueries({ queryKey: ['outbox.stats'] })
  }, [queryClient])
}
