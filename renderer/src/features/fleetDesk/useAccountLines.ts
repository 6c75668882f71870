import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useChannelQuery } from '../../api/hooks'
import { formatFleetPhone } from '../fleet/formatPhone'

/** The account's lines for a searchable select: typing a number or a name asks main again. */
export function useAccountLines(customerId: string) {
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 250)
  const lines = useChannelQuery('fleetDesk.lines', { customerId, limit: 50, ...(query ? { query } : {}) })
  const data = (lines.data ?? []).map((l) => ({
    value: l.id,
    label: `${formatFleetPhone(l.phoneNumber)} — ${l.description}`,
  }))
  return { data, search, setSearch, loading: lines.isFetching }
}
