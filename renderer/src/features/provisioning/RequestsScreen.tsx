import { Badge, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { type ProvisioningState, provisioningStates } from '../../../../preload/contract'
import { call } from '../../api/call'
import { channelKey } from '../../api/queryKeys'
import type { AreaScreenProps } from '../../app/areaSection'
import { navigate } from '../../app/navigation'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDateTime } from '../../lib/format'
import { RequestTable } from './RequestTable'
import { useRequests } from './useRequests'

const PAGE_SIZE = 50

type StateFilter = ProvisioningState | 'all'

function OperatorStatus() {
  const { t, i18n } = useTranslation()
  const summary = useQuery({
    queryKey: channelKey('provisioning.summary'),
    queryFn: () => call('provisioning.summary', {}),
    refetchInterval: 5000,
  })
  const op = summary.data?.operator
  if (!op) return null
  const color = op.mode === 'none' || op.reachable === false ? 'orange' : op.reachable ? 'teal' : 'gray'
  const reach = op.reachable === null ? 'unknown' : op.reachable ? 'reachable' : 'unreachable'
  return (
    <Group gap="xs" aria-label={t('provisioning.operator.label')} role="status">
      <Badge color={color} variant="dot" size="lg">
        {t(`provisioning.operator.${op.mode}`)}
        {op.mode !== 'none' && ` · ${t(`provisioning.operator.${reach}`)}`}
      </Badge>
      {op.lastContactAt && (
        <Text size="xs" c="dimmed">
          {formatDateTime(op.lastContactAt, i18n.language)}
        </Text>
      )}
    </Group>
  )
}

/** The requests screen of the telecom workspace: every request of every line, by state. */
export function RequestsScreen({ workspace, params }: AreaScreenProps) {
  const { t } = useTranslation()
  const state = (provisioningStates as readonly string[]).includes(params.state ?? '')
    ? (params.state as ProvisioningState)
    : undefined
  const counts = useQuery({
    queryKey: channelKey('provisioning.summary'),
    queryFn: () => call('provisioning.summary', {}),
    refetchInterval: 3000,
  }).data?.counts
  const { pages, rows } = useRequests({ ...(state ? { state } : {}), limit: PAGE_SIZE })
  const show = (next: StateFilter) =>
    navigate(
      {
        name: 'area',
        workspace,
        section: 'requests',
        rest: [],
        params: next === 'all' ? {} : { state: next },
      },
      { replace: true },
    )
  const label = (s: StateFilter) => {
    const text = s === 'all' ? t('provisioning.all') : t(`provisioning.states.${s}`)
    if (!counts) return text
    const n = s === 'all' ? Object.values(counts).reduce((a, b) => a + b, 0) : counts[s]
    return `${text} (${n})`
  }

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('provisioning.title')}
        subtitle={t('provisioning.subtitle')}
        actions={<OperatorStatus />}
      />
      <SegmentedControl<StateFilter>
        aria-label={t('provisioning.stateFilter')}
        w="fit-content"
        value={state ?? 'all'}
        onChange={show}
        data={(['all', ...provisioningStates] as StateFilter[]).map((s) => ({ value: s, label: label(s) }))}
      />
      {pages.isError && <QueryError error={pages.error} onRetry={() => void pages.refetch()} />}
      <Paper withBorder style={{ opacity: pages.isPlaceholderData ? 0.6 : 1 }}>
        <RequestTable requests={rows} label={t('provisioning.tableLabel')} />
        {pages.isPending && (
          <Stack gap={4} p="sm">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={24} />
            ))}
          </Stack>
        )}
        {pages.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed" p="md" ta="center">
            {state ? t('provisioning.empty') : t('provisioning.emptyAll')}
          </Text>
        )}
      </Paper>
      <Group justify="space-between">
        <Text size="xs" c="dimmed" aria-live="polite">
          {pages.isSuccess ? t('provisioning.shown', { count: rows.length }) : ''}
        </Text>
        {pages.hasNextPage && (
          <Button
            variant="default"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('provisioning.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}
