import { Badge, Button, Group, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { IconPaperclip, IconPlus } from '@tabler/icons-react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TicketStatus, ticketStatuses } from '../../../../preload/contract'
import { call } from '../../api/call'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatDateTime } from '../../lib/format'
import { formatFleetPhone } from '../fleet/formatPhone'
import { TicketDrawer } from './TicketDrawer'
import { TicketForm } from './TicketForm'
import { ticketStatusColor } from './ticketText'

/** Tab of a business account's fleet page (owned by the fleet-desk area; embedded by fleet's account screen). */
export function TicketsTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const [status, setStatus] = useState<TicketStatus | 'all'>('all')
  const [creating, setCreating] = useState(false)
  const [openId, setOpenId] = useState<string | null>(null)
  const input = { customerId, limit: 20, ...(status === 'all' ? {} : { status }) }
  const tickets = useInfiniteQuery({
    queryKey: ['fleetDesk.tickets.list', input],
    queryFn: ({ pageParam }) =>
      call('fleetDesk.tickets.list', { ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
  const rows = tickets.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('fleetDesk.tickets.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('fleetDesk.tickets.create')}
        </Button>
      </Group>
      <SegmentedControl
        size="xs"
        value={status}
        onChange={(v) => setStatus(v as TicketStatus | 'all')}
        data={[
          { value: 'all', label: t('fleetDesk.tickets.all') },
          ...ticketStatuses.map((s) => ({ value: s, label: t(`fleetDesk.tickets.status.${s}`) })),
        ]}
        aria-label={t('fleetDesk.tickets.filter')}
      />
      {tickets.isError && <QueryError error={tickets.error} onRetry={() => void tickets.refetch()} />}
      {!tickets.data ? (
        <Skeleton h={120} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('fleetDesk.tickets.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('fleetDesk.tickets.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fleetDesk.tickets.number')}</Table.Th>
              <Table.Th>{t('fleetDesk.tickets.createdAt')}</Table.Th>
              <Table.Th>{t('fleetDesk.tickets.detail')}</Table.Th>
              <Table.Th>{t('fleetDesk.common.phoneNumber')}</Table.Th>
              <Table.Th>{t('fleetDesk.tickets.actionDate')}</Table.Th>
              <Table.Th>{t('fleetDesk.common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.id}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onClick={() => setOpenId(r.id)}
                onKeyDown={(e) => e.key === 'Enter' && setOpenId(r.id)}
              >
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" ff="monospace">
                      {r.ticketNumber}
                    </Text>
                    {r.attachmentCount > 0 && (
                      <Badge
                        size="xs"
                        variant="light"
                        color="gray"
                        leftSection={<IconPaperclip size={10} />}
                        aria-label={t('fleetDesk.tickets.attachmentCount', { count: r.attachmentCount })}
                      >
                        {r.attachmentCount}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(r.createdAt, lang)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`fleetDesk.tickets.details.${r.detail}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`fleetDesk.tickets.subjects.${r.subject}`)}
                  </Text>
                </Table.Td>
                <Table.Td>{r.phoneNumber ? formatFleetPhone(r.phoneNumber) : '—'}</Table.Td>
                <Table.Td>{r.actionDate ? formatDate(r.actionDate, lang) : '—'}</Table.Td>
                <Table.Td>
                  <Badge color={ticketStatusColor[r.status]} variant="light">
                    {t(`fleetDesk.tickets.status.${r.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {tickets.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void tickets.fetchNextPage()}
          loading={tickets.isFetchingNextPage}
        >
          {t('fleetDesk.common.loadMore')}
        </Button>
      )}
      {creating && (
        <TicketForm
          customerId={customerId}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false)
            setOpenId(id)
          }}
        />
      )}
      {openId && <TicketDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  )
}
