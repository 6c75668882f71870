import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerKind, CustomerListItem, CustomerSort, InputOf } from '../../../../preload/contract'
import { call } from '../../api/call'
import { channelKey } from '../../api/queryKeys'
import { navigate } from '../../app/navigation'
import { type CustomerListState, formatRoute, type Workspace } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDateTime, formatPhone } from '../../lib/format'
import { SortHeader } from './SortHeader'

const PAGE_SIZE = 50
const SEARCH_DEBOUNCE_MS = 250

type KindFilter = CustomerKind | 'all'

/** Moves the focus to the previous or next row, for browsing the list with the arrow keys. */
function focusSibling(row: HTMLElement, direction: 'up' | 'down'): void {
  const next = direction === 'down' ? row.nextElementSibling : row.previousElementSibling
  if (next instanceof HTMLElement) next.focus()
}

function CustomerRow({ customer: c, onOpen }: { customer: CustomerListItem; onOpen(): void }) {
  const { t, i18n } = useTranslation()
  return (
    <Table.Tr
      className="g-row-link"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen()
        else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault()
          focusSibling(event.currentTarget, event.key === 'ArrowDown' ? 'down' : 'up')
        }
      }}
    >
      <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {c.customerNumber}
      </Table.Td>
      <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
        {c.displayName}
      </Table.Td>
      <Table.Td c="dimmed">{t(`customerKind.${c.kind}`)}</Table.Td>
      <Table.Td
        maw={280}
        title={c.email ?? undefined}
        style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
      >
        {c.email}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {c.phone ? formatPhone(c.phone) : ''}
      </Table.Td>
      <Table.Td>
        {c.city}
        {c.country !== 'FR' && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({c.country})
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.createdAt, i18n.language)}</Table.Td>
    </Table.Tr>
  )
}

/**
 * All customers (shared by both workspaces): search, type filter, sortable columns, and keyset
 * pages loaded on demand. The search, filter and sort live in the URL, so "back" returns here.
 */
export function CustomerList({ workspace, list }: { workspace: Workspace; list: CustomerListState }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState(list.query)
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS)
  const tableRef = useRef<HTMLTableSectionElement>(null)

  const show = (next: Partial<CustomerListState>, replace = false) =>
    navigate({ name: 'customers', workspace, list: { ...list, ...next } }, { replace })

  // The search box and the URL follow each other. `pushed` tells our own URL changes from
  // outside ones (the navbar link, "back"), which must reset the box.
  const pushed = useRef(list.query)
  useEffect(() => {
    if (debounced === pushed.current) return
    pushed.current = debounced
    // Typing refines the same screen: replace the history entry instead of stacking one per letter.
    navigate({ name: 'customers', workspace, list: { ...list, query: debounced } }, { replace: true })
  }, [debounced, list, workspace])
  useEffect(() => {
    if (list.query === pushed.current) return
    pushed.current = list.query
    setQuery(list.query)
  }, [list.query])

  const input: InputOf<'customers.list'> = {
    ...(list.query ? { query: list.query } : {}),
    ...(list.kind ? { kind: list.kind } : {}),
    sort: list.sort,
    direction: list.direction,
    limit: PAGE_SIZE,
  }
  const pages = useInfiniteQuery({
    queryKey: channelKey('customers.list', input),
    queryFn: ({ pageParam }) => call('customers.list', pageParam ? { ...input, cursor: pageParam } : input),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  })
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? []

  const sortBy = (sort: CustomerSort) => {
    if (sort === list.sort) show({ direction: list.direction === 'asc' ? 'desc' : 'asc' })
    // Newest first is what one wants when sorting by creation date.
    else show({ sort, direction: sort === 'createdAt' ? 'desc' : 'asc' })
  }
  const open = (id: string) => navigate({ name: 'customer', workspace, id })
  const sortProps = { current: list.sort, direction: list.direction, onSort: sortBy }

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('customerList.title')}
        actions={
          <Button
            component="a"
            href={formatRoute({ name: 'customerNew', workspace })}
            leftSection={<IconPlus size={16} />}
            aria-keyshortcuts="Alt+N"
          >
            {t('customerList.newCustomer')}
          </Button>
        }
      />
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('customerList.search')}
          placeholder={t('customerList.searchPlaceholder')}
          leftSection={<IconSearch size={16} stroke={1.6} />}
          w={380}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault()
              tableRef.current?.querySelector<HTMLElement>('tr')?.focus()
            }
          }}
          autoFocus
        />
        <SegmentedControl<KindFilter>
          aria-label={t('customerList.kindFilter')}
          value={list.kind ?? 'all'}
          onChange={(kind) => show({ kind: kind === 'all' ? null : kind })}
          data={[
            { value: 'all', label: t('customerList.all') },
            { value: 'person', label: t('customerList.persons') },
            { value: 'company', label: t('customerList.companies') },
          ]}
        />
      </Group>
      {pages.isError && <QueryError error={pages.error} onRetry={() => void pages.refetch()} />}
      <Paper withBorder>
        <Table
          stickyHeader
          stickyHeaderOffset={52}
          highlightOnHover
          aria-label={t('customerList.tableLabel')}
          aria-busy={pages.isFetching}
          style={{ opacity: pages.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <SortHeader
                sort="customerNumber"
                label={t('customerList.columns.customerNumber')}
                {...sortProps}
              />
              <SortHeader sort="name" label={t('customerList.columns.name')} {...sortProps} />
              <Table.Th>{t('customerList.columns.kind')}</Table.Th>
              <Table.Th>{t('customerList.columns.email')}</Table.Th>
              <Table.Th>{t('customerList.columns.phone')}</Table.Th>
              <Table.Th>{t('customerList.columns.city')}</Table.Th>
              <SortHeader sort="createdAt" label={t('customerList.columns.createdAt')} {...sortProps} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={tableRef}>
            {rows.map((c) => (
              <CustomerRow key={c.id} customer={c} onOpen={() => open(c.id)} />
            ))}
          </Table.Tbody>
        </Table>
        {pages.isPending && (
          <Stack gap={4} p="sm">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} h={24} />
            ))}
          </Stack>
        )}
        {pages.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed" p="md" ta="center">
            {list.query || list.kind ? t('customerList.empty') : t('customerList.emptyAll')}
          </Text>
        )}
      </Paper>
      <Group justify="space-between">
        <Text size="xs" c="dimmed" aria-live="polite">
          {pages.isSuccess ? t('customerList.shown', { count: rows.length }) : ''}
        </Text>
        {pages.hasNextPage && (
          <Button
            variant="default"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('customerList.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}
