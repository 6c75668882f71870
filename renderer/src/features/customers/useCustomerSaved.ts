import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { CustomerSaved } from '../../../../preload/contract'
import { channelKey } from '../../api/queryKeys'

/** After a save: the record is known as saved, and every list, search and history is refetched. */
export function useCustomerSaved() {
  const queryClient = useQueryClient()
  return useCallback(
    (saved: CustomerSaved) => {
      queryClient.setQueryData(channelKey('customers.get', { id: saved.customer.id }), saved.customer)
      for (const channel of [
        'customers.list',
        'customers.search',
        'customers.duplicates',
        'audit.history',
      ] as const) {
        void queryClient.invalidateQueries({ queryKey: channelKey(channel) })
      }
    },
    [queryClient],
  )
}
