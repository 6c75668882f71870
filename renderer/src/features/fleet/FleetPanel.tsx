import { Box, Button, ColorSwatch, Group, Paper, Skeleton, Text, Title } from '@mantine/core'
import { IconBroadcast, IconDeviceMobile } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { lineStatusValues } from '../../../../preload/contract/fleet'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { CustomerPanelProps } from '../../app/areaSection'
import { formatRoute } from '../../app/routes'
import { QueryError } from '../../components/QueryError'
import { useCurrentSession } from '../../session/useSession'
import { statusColor } from './fleetFormat'

/**
 * "Flotte mobile" on a company's page: its lines by status, its billing accounts, the requests
 * still waiting for the operator, and the way to the SIM inventory and the requests screen. Only
 * a company can have a fleet, so the block is not shown for anyone else.
 */
export function FleetPanel({ customer, ...props }: CustomerPanelProps) {
  if (customer.kind !== 'company') return null
  return <CompanyFleetPanel customer={customer} {...props} />
}

function CompanyFleetPanel({ workspace, customerId }: CustomerPanelProps) {
  const { t, i18n } = useTranslation()
  const role = useCurrentSession().staff.role
  const summary = useChannelQuery('fleet.summary', { customerId })
  const data = summary.data
  const total = data ? lineStatusValues.reduce((sum, s) => sum + data.lines[s], 0) : 0
  const count = (n: number) => n.toLocaleString(i18n.language)

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fleet-panel-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="fleet-panel-title">
          {t('fleet.panel.title')}
        </Title>
        <Group gap="xs">
          {mayCall(role, 'provisioning.list') && (
            <Button
              size="xs"
              variant="default"
              component="a"
              href={formatRoute({ name: 'area', workspace, section: 'requests', rest: [], params: {} })}
              leftSection={<IconBroadcast size={14} />}
            >
              {t('fleet.panel.openRequests')}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            component="a"
            href={formatRoute({ name: 'area', workspace, section: 'fleets', rest: [customerId], params: {} })}
            leftSection={<IconDeviceMobile size={14} />}
          >
            {t('fleet.panel.openInventory')}
          </Button>
        </Group>
      </Group>
      {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.isPending && <Skeleton h={38} />}
      {data && total === 0 && data.billingAccounts === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fleet.panel.none')}
        </Text>
      ) : (
        data && (
          <Box
            component="dl"
            aria-label={t('fleet.panel.counts')}
            m={0}
            style={{ display: 'flex', flexWrap: 'wrap', columnGap: 'var(--mantine-spacing-xl)', rowGap: 8 }}
          >
            <Count id="total" label={t('fleet.panel.total')} value={count(total)} strong />
            {lineStatusValues.map((s) => (
              <Count
                key={s}
                id={s}
                label={
                  <Group gap={6} wrap="nowrap" component="span">
                    <ColorSwatch
                      component="span"
                      color={`var(--mantine-color-${statusColor[s]}-6)`}
                      size={8}
                      withShadow={false}
                    />
                    {t(`fleet.panel.statuses.${s}`)}
                  </Group>
                }
                value={count(data.lines[s])}
              />
            ))}
            <Count
              id="billingAccounts"
              label={t('fleet.panel.billingAccounts')}
              value={count(data.billingAccounts)}
            />
            <Count
              id="pendingRequests"
              label={t('fleet.panel.pendingRequests')}
              value={count(data.pendingRequests)}
              {...(data.pendingRequests > 0 ? { color: 'blue.7' } : {})}
            />
          </Box>
        )
      )}
    </Paper>
  )
}

/** One figure of the panel: a small label over its number (a `dt`/`dd` pair of the list). */
function Count({
  id,
  label,
  value,
  strong,
  color,
}: {
  id: string
  label: ReactNode
  value: string
  strong?: boolean
  color?: string
}) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text
        component="dd"
        m={0}
        fw={strong ? 700 : 600}
        {...(color ? { c: color } : {})}
        data-testid={`fleet-panel-${id}`}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
    </div>
  )
}
