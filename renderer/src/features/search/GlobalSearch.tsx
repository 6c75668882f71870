import { Group, Loader, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { Spotlight } from '@mantine/spotlight'
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerListItem } from '../../../../preload/contract'
import { useChannelQuery } from '../../api/hooks'
import { navigate, useWorkspace } from '../../app/navigation'
import { errorText } from '../../i18n/messages'
import { formatPhone } from '../../lib/format'
import { globalSearchStore, selectFirstResult } from './globalSearchStore'

const DEBOUNCE_MS = 200

function describe(c: CustomerListItem): string {
  return [c.customerNumber, c.city, c.email ?? (c.phone ? formatPhone(c.phone) : null)]
    .filter(Boolean)
    .join(' · ')
}

/** Ctrl+K: finds a customer by name prefix, phone, email or number, and opens it with Enter. */
export function GlobalSearch({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation()
  const workspace = useWorkspace()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS)
  const current = debounced === query.trim() && debounced.length > 0
  const search = useChannelQuery(
    'customers.search',
    { query: debounced, limit: 12 },
    { enabled: debounced.length > 0, staleTime: 5_000 },
  )
  // Results of an older query are never shown: Enter must open what matches what is typed.
  const results = current ? (search.data ?? []) : []

  useEffect(() => {
    if (results.length > 0) selectFirstResult()
  }, [results])

  let status: React.ReactNode = null
  if (!query.trim()) status = t('search.hint')
  else if (!current || search.isFetching)
    status = (
      <Group gap="xs" justify="center">
        <Loader size="xs" />
        {t('search.loading')}
      </Group>
    )
  else if (search.isError) status = errorText(t, search.error)
  else if (results.length === 0) status = t('search.nothing')

  return (
    <Spotlight.Root
      store={globalSearchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={disabled ? null : ['mod + K']}
      // Ctrl+K works from inside a form field too: searching is what a clerk does mid-call.
      tagsToIgnore={[]}
      disabled={disabled}
      scrollable
      maxHeight={460}
    >
      <Spotlight.Search
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={18} stroke={1.6} />}
      />
      <Spotlight.ActionsList aria-label={t('search.label')}>
        {results.map((c) => (
          <Spotlight.Action
            key={c.id}
            label={c.displayName}
            description={describe(c)}
            leftSection={c.kind === 'company' ? <IconBuilding size={18} /> : <IconUser size={18} />}
            onClick={() => navigate({ name: 'customer', workspace, id: c.id })}
          />
        ))}
        {status && (
          <Spotlight.Empty>
            <Text size="sm" c="dimmed" ta="center">
              {status}
            </Text>
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  )
}
