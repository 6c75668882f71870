import { Badge, Button, Group, Modal, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BlankSimOrder, BlankSimStatus } from '../../../../preload/contract'
import { call } from '../../api/call'
import { notifyError } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { countryName, formatDate } from '../../lib/format'
import { formatFleetPhone } from '../fleet/formatPhone'
import { BlankSimOrderForm } from './BlankSimOrderForm'

const statusColor: Record<BlankSimStatus, string> = {
  ordered: 'blue',
  shipped: 'orange',
  delivered: 'teal',
  cancelled: 'gray',
}
const nextOf: Record<BlankSimStatus, BlankSimStatus[]> = {
  ordered: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
}

function addressLine(o: BlankSimOrder, lang: string): string {
  const a = o.address
  const number = [a.houseNumber, a.suffix].filter(Boolean).join('')
  const box = a.box ? ` bte ${a.box}` : ''
  return `${a.street} ${number}${box}, ${a.postalCode} ${a.city}, ${countryName(a.country, lang)}`
}

/** Tab of a business account's fleet page (owned by the fleet-desk area; embedded by fleet's account screen). */
export function BlankSimOrdersTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const client = useQueryClient()
  const [ordering, setOrdering] = useState(false)
  const input = { customerId, limit: 20 }
  const orders = useInfiniteQuery({
    queryKey: ['fleetDesk.blankSims.list', input],
    queryFn: ({ pageParam }) =>
      call('fleetDesk.blankSims.list', { ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? []

  const move = async (id: string, status: BlankSimStatus) => {
    try {
      await call('fleetDesk.blankSims.setStatus', { id, status })
      void client.invalidateQueries({ queryKey: ['fleetDesk.blankSims.list'] })
    } catch (error) {
      notifyError(t, error, t('fleetDesk.blankSims.statusFailed'))
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('fleetDesk.blankSims.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setOrdering(true)}>
          {t('fleetDesk.blankSims.order')}
        </Button>
      </Group>
      {orders.isError && <QueryError error={orders.error} onRetry={() => void orders.refetch()} />}
      {!orders.data ? (
        <Skeleton h={120} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('fleetDesk.blankSims.empty')}
        </Text>
      ) : (
        <Table striped verticalSpacing="xs" aria-label={t('fleetDesk.blankSims.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fleetDesk.blankSims.number')}</Table.Th>
              <Table.Th>{t('fleetDesk.blankSims.orderedOn')}</Table.Th>
              <Table.Th ta="right">{t('fleetDesk.blankSims.quantity')}</Table.Th>
              <Table.Th>{t('fleetDesk.blankSims.address')}</Table.Th>
              <Table.Th>{t('fleetDesk.blankSims.expectedDelivery')}</Table.Th>
              <Table.Th>{t('fleetDesk.common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {o.orderNumber}
                </Table.Td>
                <Table.Td>{formatDate(o.orderedOn, lang)}</Table.Td>
                <Table.Td ta="right">{o.quantity}</Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm">{addressLine(o, lang)}</Text>
                  {o.contactMobile && (
                    <Text size="xs" c="dimmed">
                      {formatFleetPhone(o.contactMobile)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(o.expectedDelivery, lang)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Badge color={statusColor[o.status]} variant="light" style={{ flexShrink: 0 }}>
                      {t(`fleetDesk.blankSims.status.${o.status}`)}
                    </Badge>
                    {nextOf[o.status].length > 0 && (
                      <Select
                        size="xs"
                        w={150}
                        placeholder={t('fleetDesk.blankSims.changeStatus')}
                        aria-label={t('fleetDesk.blankSims.changeStatusOf', { number: o.orderNumber })}
                        data={nextOf[o.status].map((s) => ({
                          value: s,
                          label: t(`fleetDesk.blankSims.status.${s}`),
                        }))}
                        value={null}
                        onChange={(v) => v && void move(o.id, v as BlankSimStatus)}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {orders.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void orders.fetchNextPage()}
          loading={orders.isFetchingNextPage}
        >
          {t('fleetDesk.common.loadMore')}
        </Button>
      )}
      {ordering && (
        <Modal
          opened
          onClose={() => setOrdering(false)}
          title={t('fleetDesk.blankSims.orderTitle')}
          size="xl"
        >
          <BlankSimOrderForm
            customerId={customerId}
            onDone={() => setOrdering(false)}
            onCancel={() => setOrdering(false)}
          />
        </Modal>
      )}
    </Stack>
  )
}
