import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import {
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconFileSpreadsheet,
  IconPlus,
  IconSearch,
  IconUpload,
} from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type FleetLineStatus,
  type LineFilter,
  type LineSelection,
  type LineSort,
  lineColumns,
  lineStatusValues,
} from '../../../../preload/contract/fleet'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { channelKey } from '../../api/queryKeys'
import type { Workspace } from '../../app/routes'
import { notifyError, notifySuccess } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { currentLanguage } from '../../i18n'
import { saveDownload } from '../../lib/download'
import { BulkChangeModal } from './BulkChangeModal'
import { goFleet, statusColor } from './fleetFormat'
import { formatFleetPhone } from './formatPhone'
import { ImportModal } from './ImportModal'

const PAGE_SIZE = 50

type Selected = { all: false; ids: Set<string> } | { all: true; excluded: Set<string> }

function SortTh({
  sort,
  label,
  current,
  direction,
  onSort,
}: {
  sort: LineSort
  label: string
  current: LineSort
  direction: 'asc' | 'desc'
  onSort(s: LineSort): void
}) {
  const active = sort === current
  const Icon = !active ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown
  return (
    <Table.Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton className="g-sort-button" onClick={() => onSort(sort)}>
        {label}
        <Icon size={14} stroke={1.8} style={{ opacity: active ? 1 : 0.4 }} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  )
}

/**
 * The SIM inventory of an account ("Vue d'ensemble des cartes SIM"): search, filters, sort, keyset
 * pages; select one, several, or all lines matching the filter; bulk changes; Excel export; CSV import.
 */
export function LinesTab({ workspace, customerId }: { workspace: Workspace; customerId: string }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 250)
  const [status, setStatus] = useState<FleetLineStatus | null>(null)
  const [plan, setPlan] = useState<string | null>(null)
  const [sort, setSort] = useState<LineSort>('phoneNumber')
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc')
  const [selected, setSelected] = useState<Selected>({ all: false, ids: new Set() })
  const [bulk, setBulk] = useState<'plan' | 'options' | null>(null)
  const [importing, setImporting] = useState(false)
  const [exporting, setExporting] = useState(false)
  const catalog = useChannelQuery('fleet.catalog.get', {})
  const planNames = new Map(catalog.data?.plans.map((p) => [p.code, p.name]) ?? [])
  const optionNames = new Map(catalog.data?.options.map((o) => [o.code, o.name]) ?? [])

  const filter: LineFilter = {
    customerId,
    ...(debounced ? { query: debounced } : {}),
    ...(status ? { status } : {}),
    ...(plan ? { planCode: plan } : {}),
  }
  const input = { ...filter, sort, direction, limit: PAGE_SIZE }
  const pages = useInfiniteQuery({
    queryKey: channelKey('fleet.lines.list', input),
    queryFn: ({ pageParam }) => call('fleet.lines.list', pageParam ? { ...input, cursor: pageParam } : input),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  })
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? []
  const total = pages.data?.pages[0]?.total ?? 0

  const resetSelection = () => setSelected({ all: false, ids: new Set() })
  const changeFilter = (fn: () => void) => {
    fn()
    resetSelection()
  }
  const isSelected = (id: string) => (selected.all ? !selected.excluded.has(id) : selected.ids.has(id))
  const count = selected.all ? total - selected.excluded.size : selected.ids.size
  const toggle = (id: string) => {
    if (selected.all) {
      const excluded = new Set(selected.excluded)
      if (excluded.has(id)) excluded.delete(id)
      else excluded.add(id)
      setSelected({ all: true, excluded })
    } else {
      const ids = new Set(selected.ids)
      if (ids.has(id)) ids.delete(id)
      else ids.add(id)
      setSelected({ all: false, ids })
    }
  }
  const pageAllSelected = rows.length > 0 && rows.every((r) => isSelected(r.id))
  const togglePage = () => {
    if (pageAllSelected) resetSelection()
    else
      setSelected({
        all: false,
        ids: new Set([...(selected.all ? [] : selected.ids), ...rows.map((r) => r.id)]),
      })
  }
  const selection: LineSelection = selected.all
    ? { filter, excludeIds: [...selected.excluded] }
    : { ids: [...selected.ids] }

  const sortBy = (s: LineSort) => {
    if (s === sort) setDirection(direction === 'asc' ? 'desc' : 'asc')
    else {
      setSort(s)
      setDirection('asc')
    }
  }
  const sortProps = { current: sort, direction, onSort: sortBy }
  const open = (id: string) => goFleet(workspace, [customerId, 'lines', id])

  const exportExcel = async () => {
    setExporting(true)
    try {
      const file = await call('fleet.lines.export', {
        filter,
        sort,
        direction,
        columns: [...lineColumns],
        language: currentLanguage(),
      })
      saveDownload(file)
      notifySuccess(t('fleet.lines.exported', { count: total }))
    } catch (error) {
      notifyError(t, error)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('fleet.lines.search')}
            placeholder={t('fleet.lines.searchPlaceholder')}
            leftSection={<IconSearch size={16} stroke={1.6} />}
            w={300}
            value={query}
            onChange={(e) => {
              const value = e.currentTarget.value
              changeFilter(() => setQuery(value))
            }}
          />
          <Select
            label={t('fleet.lines.status')}
            placeholder={t('fleet.lines.allStatuses')}
            clearable
            w={170}
            value={status}
            onChange={(v) => changeFilter(() => setStatus(v as FleetLineStatus | null))}
            data={lineStatusValues.map((s) => ({ value: s, label: t(`fleet.status.${s}`) }))}
          />
          <Select
            label={t('fleet.lines.plan')}
            placeholder={t('fleet.lines.allPlans')}
            clearable
            w={200}
            value={plan}
            onChange={(v) => changeFilter(() => setPlan(v))}
            data={catalog.data?.plans.map((p) => ({ value: p.code, label: p.name })) ?? []}
          />
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
            {t('fleet.import.open')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={exporting}
            onClick={() => void exportExcel()}
          >
            {t('fleet.lines.export')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => goFleet(workspace, [customerId, 'add'])}
          >
            {t('fleet.lines.addSim')}
          </Button>
        </Group>
      </Group>

      <Group gap="xs" mih={30}>
        <Text size="sm" aria-live="polite">
          {t('fleet.lines.selected', { count })}
        </Text>
        {!selected.all && total > rows.length && count > 0 && pageAllSelected && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setSelected({ all: true, excluded: new Set() })}
          >
            {t('fleet.lines.selectAllMatching', { count: total })}
          </Button>
        )}
        {!selected.all && total > 0 && !pageAllSelected && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setSelected({ all: true, excluded: new Set() })}
          >
            {t('fleet.lines.selectAllMatching', { count: total })}
          </Button>
        )}
        {count > 0 && (
          <>
            <Button variant="subtle" size="compact-sm" onClick={resetSelection}>
              {t('fleet.lines.clearSelection')}
            </Button>
            <Button size="compact-sm" onClick={() => setBulk('plan')}>
              {t('fleet.bulk.changePlan')}
            </Button>
            <Button size="compact-sm" variant="light" onClick={() => setBulk('options')}>
              {t('fleet.bulk.changeOptions')}
            </Button>
          </>
        )}
      </Group>

      {pages.isError && <QueryError error={pages.error} onRetry={() => void pages.refetch()} />}
      <Paper withBorder>
        <Table
          highlightOnHover
          stickyHeader
          stickyHeaderOffset={52}
          aria-label={t('fleet.lines.tableLabel')}
          aria-busy={pages.isFetching}
          style={{ opacity: pages.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('fleet.lines.selectPage')}
                  checked={pageAllSelected}
                  onChange={togglePage}
                />
              </Table.Th>
              <SortTh sort="phoneNumber" label={t('fleet.lines.columns.phoneNumber')} {...sortProps} />
              <SortTh sort="description" label={t('fleet.lines.columns.description')} {...sortProps} />
              <SortTh sort="tariffPlanCode" label={t('fleet.lines.columns.tariffPlanCode')} {...sortProps} />
              <SortTh sort="status" label={t('fleet.lines.columns.status')} {...sortProps} />
              <Table.Th>{t('fleet.lines.columns.billingAccount')}</Table.Th>
              <Table.Th>{t('fleet.lines.columns.options')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr
                key={l.id}
                className="g-row-link"
                tabIndex={0}
                onClick={() => open(l.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open(l.id)
                  if (e.key === ' ') {
                    e.preventDefault()
                    toggle(l.id)
                  }
                }}
              >
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    aria-label={t('fleet.lines.selectLine', { number: formatFleetPhone(l.phoneNumber) })}
                    checked={isSelected(l.id)}
                    onChange={() => toggle(l.id)}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} fw={500}>
                  {formatFleetPhone(l.phoneNumber)}
                </Table.Td>
                <Table.Td>
                  {l.description}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {l.userName}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {planNames.get(l.tariffPlanCode) ?? l.tariffPlanCode}
                </Table.Td>
                <Table.Td miw={120}>
                  <Badge
                    color={statusColor[l.status]}
                    variant="light"
                    size="sm"
                    style={{ overflow: 'visible' }}
                  >
                    {t(`fleet.status.${l.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{l.billingAccountNumber}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={1} maw={260}>
                    {l.options.map((o) => optionNames.get(o) ?? o).join(', ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {pages.isPending && <Skeleton h={120} m="sm" />}
        {pages.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed" p="md" ta="center">
            {t('fleet.lines.empty')}
          </Text>
        )}
      </Paper>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {pages.isSuccess ? t('fleet.lines.shown', { count: rows.length, total }) : ''}
        </Text>
        {pages.hasNextPage && (
          <Button
            variant="default"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('fleet.loadMore')}
          </Button>
        )}
      </Group>
      {bulk && (
        <BulkChangeModal
          customerId={customerId}
          kind={bulk}
          selection={selection}
          count={count}
          onClose={(applied) => {
            setBulk(null)
            if (applied) resetSelection()
          }}
        />
      )}
      {importing && <ImportModal customerId={customerId} onClose={() => setImporting(false)} />}
    </Stack>
  )
}
