import { Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { channelKey } from '../../api/queryKeys'
import type { Workspace } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { goFleet } from './fleetFormat'

/** Business accounts that have a fleet, by name, with their line counts. */
export function AccountList({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 250)
  const input = { ...(debounced ? { query: debounced } : {}), limit: 50 }
  const pages = useInfiniteQuery({
    queryKey: channelKey('fleet.accounts.list', input),
    queryFn: ({ pageParam }) =>
      call('fleet.accounts.list', pageParam ? { ...input, cursor: pageParam } : input),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  })
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? []
  const open = (id: string) => goFleet(workspace, [id])
  return (
    <Stack gap="sm">
      <PageHeader title={t('fleet.accounts.title')} subtitle={t('fleet.accounts.subtitle')} />
      <TextInput
        label={t('fleet.accounts.search')}
        leftSection={<IconSearch size={16} stroke={1.6} />}
        w={380}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus
      />
      {pages.isError && <QueryError error={pages.error} onRetry={() => void pages.refetch()} />}
      <Paper withBorder>
        <Table highlightOnHover aria-label={t('fleet.accounts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fleet.accounts.number')}</Table.Th>
              <Table.Th>{t('fleet.accounts.name')}</Table.Th>
              <Table.Th>{t('fleet.accounts.city')}</Table.Th>
              <Table.Th ta="right">{t('fleet.accounts.lines')}</Table.Th>
              <Table.Th ta="right">{t('fleet.accounts.active')}</Table.Th>
              <Table.Th ta="right">{t('fleet.accounts.billingAccounts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr
                key={a.customerId}
                className="g-row-link"
                tabIndex={0}
                onClick={() => open(a.customerId)}
                onKeyDown={(e) => e.key === 'Enter' && open(a.customerId)}
              >
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{a.customerNumber}</Table.Td>
                <Table.Td fw={500}>{a.name}</Table.Td>
                <Table.Td>{a.city}</Table.Td>
                <Table.Td ta="right">{a.lines}</Table.Td>
                <Table.Td ta="right">{a.activeLines}</Table.Td>
                <Table.Td ta="right">{a.billingAccounts}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {pages.isPending && <Skeleton h={80} m="sm" />}
        {pages.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed" p="md" ta="center">
            {t('fleet.accounts.empty')}
          </Text>
        )}
      </Paper>
      {pages.hasNextPage && (
        <Group justify="flex-end">
          <Button
            variant="default"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('fleet.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
