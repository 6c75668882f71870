import { BarChart, CompositeChart } from '@mantine/charts'
import { Alert, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupPack } from '../../../../preload/contract'
import { useChannelQuery } from '../../api/hooks'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatMoney } from '../../lib/format'
import { formatFleetPhone } from '../fleet/formatPhone'
import { formatQuantity, monthLabel, recentMonths } from './packText'

/** A pack's consumption for one month: per day (with the running total against the allowance) and per line. */
export function PackConsumptionPanel({ pack }: { pack: GroupPack }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const [y, m] = pack.currentMonth.month.split('-').map(Number) as [number, number]
  const months = recentMonths(new Date(y, m - 1, 15), 12)
  const [month, setMonth] = useState(pack.currentMonth.month)
  const consumption = useChannelQuery('fleetDesk.packs.consumption', {
    packId: pack.id,
    month,
    lineLimit: 10,
  })
  const name = t(`fleetDesk.packs.types.${pack.packCode}`, { defaultValue: pack.packCode })
  const fmt = (v: number) => formatQuantity(v, pack.unit, lang)

  const c = consumption.data
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={4} size="h5">
          {t('fleetDesk.packs.consumptionOf', { name })}
        </Title>
        <Select
          label={t('fleetDesk.packs.month')}
          data={months.map((value) => ({ value, label: monthLabel(value, lang) }))}
          value={month}
          onChange={(v) => v && setMonth(v)}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {consumption.isError && (
        <QueryError error={consumption.error} onRetry={() => void consumption.refetch()} />
      )}
      {!c ? (
        <Skeleton h={300} />
      ) : (
        <>
          <Group gap="xl">
            <Stat label={t('fleetDesk.packs.used')} value={`${fmt(c.used)} / ${fmt(c.allowance)}`} />
            <Stat label={t('fleetDesk.packs.over')} value={fmt(c.over)} />
            <Stat
              label={t('fleetDesk.packs.overAmount')}
              value={formatMoney(c.overAmountMinor, c.currency, lang)}
            />
            <Stat label={t('fleetDesk.packs.lineCount')} value={String(c.lineCount)} />
          </Group>
          {c.thresholdCrossedOn && (
            <Alert
              color={c.alert ? 'red' : 'gray'}
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              role={c.alert ? 'alert' : undefined}
            >
              {t(c.alert ? 'fleetDesk.packs.crossedNotified' : 'fleetDesk.packs.crossedSilent', {
                threshold: formatMoney(c.notifyThresholdMinor, c.currency, lang),
                date: formatDate(c.thresholdCrossedOn, lang),
              })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <div>
              <Text size="sm" fw={500} mb="xs">
                {t('fleetDesk.packs.daily')}
              </Text>
              <CompositeChart
                h={260}
                data={c.daily.map((d) => ({
                  day: d.date.slice(8),
                  quantity: d.quantity,
                  // No running total drawn past today: those days have not happened yet.
                  ...(d.date <= c.asOf ? { cumulative: d.cumulative } : {}),
                }))}
                dataKey="day"
                series={[
                  {
                    name: 'quantity',
                    label: t('fleetDesk.packs.perDay'),
                    color: 'teal.6',
                    type: 'bar',
                    yAxisId: 'right',
                  },
                  {
                    name: 'cumulative',
                    label: t('fleetDesk.packs.cumulative'),
                    color: 'indigo.6',
                    type: 'line',
                  },
                ]}
                referenceLines={[{ y: c.allowance, label: t('fleetDesk.packs.allowance'), color: 'red.6' }]}
                valueFormatter={fmt}
                withRightYAxis
                rightYAxisProps={{ tickFormatter: fmt, width: 70 }}
                yAxisProps={{ width: 70 }}
                withLegend
                curveType="linear"
                aria-label={t('fleetDesk.packs.daily')}
              />
            </div>
            <div>
              <Text size="sm" fw={500} mb="xs">
                {t('fleetDesk.packs.perLine')}
              </Text>
              {c.lines.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('fleetDesk.packs.noUsage')}
                </Text>
              ) : (
                <BarChart
                  h={260}
                  data={c.lines.map((l) => ({ line: formatFleetPhone(l.phoneNumber), quantity: l.quantity }))}
                  dataKey="line"
                  orientation="vertical"
                  yAxisProps={{ width: 150 }}
                  series={[{ name: 'quantity', label: t('fleetDesk.packs.used'), color: 'teal.6' }]}
                  valueFormatter={fmt}
                  aria-label={t('fleetDesk.packs.perLine')}
                />
              )}
            </div>
          </SimpleGrid>
          {c.lines.length > 0 && (
            <Table verticalSpacing={4} aria-label={t('fleetDesk.packs.perLine')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fleetDesk.common.phoneNumber')}</Table.Th>
                  <Table.Th ta="right">{t('fleetDesk.packs.used')}</Table.Th>
                  <Table.Th ta="right">{t('fleetDesk.packs.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.lines.map((l) => (
                  <Table.Tr key={l.lineId}>
                    <Table.Td>{formatFleetPhone(l.phoneNumber)}</Table.Td>
                    <Table.Td ta="right">{fmt(l.quantity)}</Table.Td>
                    <Table.Td ta="right">
                      {c.used > 0
                        ? new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
                            style: 'percent',
                            maximumFractionDigits: 1,
                          }).format(l.quantity / c.used)
                        : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {c.lineCount > c.lines.length && (
            <Text size="xs" c="dimmed">
              {t('fleetDesk.packs.topLines', { shown: c.lines.length, total: c.lineCount })}
            </Text>
          )}
        </>
      )}
    </Stack>
  )
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  )
}
