import '@mantine/charts/styles.css'
import { Alert, Button, Group, Paper, Progress, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconBell, IconChartBar, IconPencil, IconPlus } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupPack } from '../../../../preload/contract'
import { useChannelQuery } from '../../api/hooks'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatMoney } from '../../lib/format'
import { PackConsumptionPanel } from './PackConsumptionPanel'
import { PackNotificationsModal } from './PackNotificationsModal'
import { PackOrderModal } from './PackOrderModal'
import { formatQuantity } from './packText'

type Dialog =
  | { kind: 'order' }
  | { kind: 'modify'; pack: GroupPack }
  | { kind: 'notifications'; pack: GroupPack }
  | null

/** Tab of a business account's fleet page (owned by the fleet-desk area; embedded by fleet's account screen). */
export function GroupPacksTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const packs = useChannelQuery('fleetDesk.packs.list', { customerId })
  const [dialog, setDialog] = useState<Dialog>(null)
  const [shown, setShown] = useState<string | null>(null)
  const client = useQueryClient()
  const refresh = () => void client.invalidateQueries({ queryKey: ['fleetDesk.packs.list'] })
  const lang = i18n.language

  if (packs.isError) return <QueryError error={packs.error} onRetry={() => void packs.refetch()} />
  if (!packs.data) return <Skeleton h={160} />
  const consumptionOf = packs.data.find((p) => p.id === shown)

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('fleetDesk.packs.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'order' })}>
          {t('fleetDesk.packs.order')}
        </Button>
      </Group>
      {packs.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('fleetDesk.packs.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('fleetDesk.packs.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fleetDesk.packs.type')}</Table.Th>
              <Table.Th ta="right">{t('fleetDesk.packs.price')}</Table.Th>
              <Table.Th>{t('fleetDesk.packs.usedThisMonth')}</Table.Th>
              <Table.Th ta="right">{t('fleetDesk.packs.overAmount')}</Table.Th>
              <Table.Th>{t('fleetDesk.packs.notification')}</Table.Th>
              <Table.Th>{t('fleetDesk.common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {packs.data.map((p) => {
              const share = p.allowance > 0 ? Math.min(100, (p.currentMonth.used / p.allowance) * 100) : 0
              const alert = p.notifyEnabled && p.currentMonth.thresholdCrossedOn !== null
              return (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(`fleetDesk.packs.types.${p.packCode}`, { defaultValue: p.packCode })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('fleetDesk.packs.since', { date: formatDate(p.startDate, lang) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {t('fleetDesk.packs.perMonth', {
                      amount: formatMoney(p.monthlyPriceMinor, p.currency, lang),
                    })}
                  </Table.Td>
                  <Table.Td miw={220}>
                    <Text size="xs">
                      {formatQuantity(p.currentMonth.used, p.unit, lang)} /{' '}
                      {formatQuantity(p.allowance, p.unit, lang)}
                    </Text>
                    <Progress
                      value={share}
                      color={p.currentMonth.used > p.allowance ? 'red' : 'teal'}
                      size="sm"
                      aria-label={t('fleetDesk.packs.usedThisMonth')}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatMoney(p.currentMonth.overAmountMinor, p.currency, lang)}
                  </Table.Td>
                  <Table.Td miw={190}>
                    {p.notifyEnabled ? (
                      <Stack gap={2}>
                        <Text size="sm">
                          {t('fleetDesk.packs.notifyAt', {
                            amount: formatMoney(p.notifyThresholdMinor, p.currency, lang),
                          })}
                        </Text>
                        {alert && (
                          <Group gap={4} wrap="nowrap" c="red">
                            <IconAlertTriangle size={14} aria-hidden />
                            <Text size="xs" c="red" fw={600}>
                              {t('fleetDesk.packs.thresholdReached', {
                                date: formatDate(p.currentMonth.thresholdCrossedOn!, lang),
                              })}
                            </Text>
                          </Group>
                        )}
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('fleetDesk.packs.notifyOff')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant={shown === p.id ? 'filled' : 'light'}
                        leftSection={<IconChartBar size={14} />}
                        onClick={() => setShown(shown === p.id ? null : p.id)}
                        aria-pressed={shown === p.id}
                      >
                        {t('fleetDesk.packs.consumption')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setDialog({ kind: 'modify', pack: p })}
                      >
                        {t('fleetDesk.packs.modify')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconBell size={14} />}
                        onClick={() => setDialog({ kind: 'notifications', pack: p })}
                      >
                        {t('fleetDesk.packs.notifications')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      {packs.data.some((p) => p.notifyEnabled && p.currentMonth.thresholdCrossedOn) && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('fleetDesk.packs.alertHint')}
        </Alert>
      )}
      {consumptionOf && (
        <Paper withBorder p="md">
          <PackConsumptionPanel pack={consumptionOf} />
        </Paper>
      )}
      {dialog?.kind === 'order' && (
        <PackOrderModal customerId={customerId} onClose={() => setDialog(null)} onSaved={refresh} />
      )}
      {dialog?.kind === 'modify' && (
        <PackOrderModal
          customerId={customerId}
          pack={dialog.pack}
          onClose={() => setDialog(null)}
          onSaved={refresh}
        />
      )}
      {dialog?.kind === 'notifications' && (
        <PackNotificationsModal pack={dialog.pack} onClose={() => setDialog(null)} onSaved={refresh} />
      )}
    </Stack>
  )
}
