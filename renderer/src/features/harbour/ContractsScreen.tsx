import { Button, Group, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { mayCall } from '../../app/access'
import type { AreaScreenProps } from '../../app/areaSection'
import { navigate } from '../../app/navigation'
import { formatRoute } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { ContractForm } from './ContractForm'
import { ContractPage } from './ContractPage'
import { ContractStatusBadge } from './ContractStatusBadge'

const statuses = ['', 'draft', 'signed', 'cancelled'] as const

function ContractList({ workspace, params }: AreaScreenProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const role = useCurrentSession().staff.role
  const status = statuses.includes(params.status as never) ? (params.status as (typeof statuses)[number]) : ''
  const list = useInfiniteQuery({
    queryKey: ['harbour.contracts.list', { status, infinite: true }],
    queryFn: ({ pageParam }) =>
      call('harbour.contracts.list', {
        ...(status ? { status } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
        limit: 30,
      }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const rows = list.data?.pages.flatMap((p) => p.items) ?? []
  const open = (id: string) =>
    navigate({ name: 'area', workspace, section: 'contracts', rest: [id], params: {} })
  return (
    <Stack gap="md">
      <PageHeader
        title={t('harbour.contracts.title')}
        actions={
          mayCall(role, 'harbour.contracts.create') && (
            <Button
              component="a"
              href={formatRoute({ name: 'area', workspace, section: 'contracts', rest: ['new'], params: {} })}
              leftSection={<IconPlus size={16} />}
            >
              {t('harbour.contracts.new')}
            </Button>
          )
        }
      />
      <Group>
        <SegmentedControl
          aria-label={t('harbour.contracts.statusFilter')}
          value={status}
          onChange={(s) =>
            navigate(
              { name: 'area', workspace, section: 'contracts', rest: [], params: s ? { status: s } : {} },
              { replace: true },
            )
          }
          data={statuses.map((s) => ({
            value: s,
            label: s ? t(`harbour.contractStatus.${s}`) : t('harbour.contracts.all'),
          }))}
        />
      </Group>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending ? (
        <Skeleton h={300} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('harbour.contracts.none')}</Text>
      ) : (
        <Table striped highlightOnHover fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('harbour.contracts.number')}</Table.Th>
              <Table.Th>{t('harbour.contracts.customer')}</Table.Th>
              <Table.Th>{t('harbour.contracts.boat')}</Table.Th>
              <Table.Th>{t('harbour.contracts.berth')}</Table.Th>
              <Table.Th>{t('harbour.contracts.type')}</Table.Th>
              <Table.Th>{t('harbour.contracts.period')}</Table.Th>
              <Table.Th ta="right">{t('harbour.contracts.amount')}</Table.Th>
              <Table.Th>{t('harbour.contracts.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr
                key={c.id}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                onClick={() => open(c.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open(c.id)
                  if (e.key === 'ArrowDown')
                    (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus()
                  if (e.key === 'ArrowUp')
                    (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus()
                }}
              >
                <Table.Td>
                  <a
                    href={formatRoute({
                      name: 'area',
                      workspace,
                      section: 'contracts',
                      rest: [c.id],
                      params: {},
                    })}
                    tabIndex={-1}
                  >
                    {c.contractNumber}
                  </a>
                </Table.Td>
                <Table.Td>{c.customerName}</Table.Td>
                <Table.Td>{c.boatName}</Table.Td>
                <Table.Td>{c.berthCode ?? '—'}</Table.Td>
                <Table.Td>
                  {c.kind !== 'contract' ? `${t(`harbour.contractKind.${c.kind}`)} · ` : ''}
                  {t(`harbour.contractType.${c.contractType}`)}
                </Table.Td>
                <Table.Td>
                  {formatDate(c.startDate, lang)} → {formatDate(c.effectiveEndDate, lang)}
                </Table.Td>
                <Table.Td ta="right">
                  {c.kind === 'termination' ? '—' : formatMoney(c.totalGrossMinor, c.currency, lang)}
                </Table.Td>
                <Table.Td>
                  <ContractStatusBadge status={c.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('harbour.contracts.more')}
        </Button>
      )}
    </Stack>
  )
}

/** `#/harbour/contracts` (list), `/contracts/new` (form), `/contracts/<id>` (a contract). */
export function ContractsScreen(props: AreaScreenProps) {
  const [first] = props.rest
  if (first === 'new') return <ContractForm workspace={props.workspace} params={props.params} />
  if (first) return <ContractPage key={first} workspace={props.workspace} id={first} />
  return <ContractList {...props} />
}
