import { Anchor, Badge, Button, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../../../preload/contract'
import { mayCall } from '../../app/access'
import { formatRoute, type Workspace } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDateTime } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { SyncIssues } from './SyncIssues'
import { relativeTime } from './syncText'
import { useNow, useSyncNow, useSyncStatus } from './useSyncStatus'

function When({ at }: { at: string | null }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  if (!at) return <>{t('sync.never')}</>
  return (
    <>
      {formatDateTime(at, i18n.language)}{' '}
      <Text span size="sm" c="dimmed">
        ({relativeTime(at, now, i18n.language)})
      </Text>
    </>
  )
}

function ConnectionBadge({ status }: { status: SyncStatus }) {
  const { t } = useTranslation()
  if (status.mode === 'none')
    return (
      <Badge color="gray" variant="light">
        {t('sync.notConnectedShort')}
      </Badge>
    )
  return (
    <Badge color={status.online ? 'teal' : 'red'} variant="light">
      {status.online ? t('sync.online') : t('sync.offline')}
    </Badge>
  )
}

function StatusDetails({ status, workspace }: { status: SyncStatus; workspace: Workspace }) {
  const { t } = useTranslation()
  const session = useCurrentSession()
  const none = t('customerDetail.none')
  const rows: [string, React.ReactNode][] = [
    [t('sync.fields.connection'), <ConnectionBadge key="c" status={status} />],
    [t('sync.fields.mode'), t(`sync.modes.${status.mode}`)],
    [t('sync.fields.hubUrl'), status.hubUrl ?? none],
    [t('sync.fields.site'), status.site ?? none],
    [t('sync.fields.lastSuccess'), <When key="s" at={status.lastSuccessAt} />],
    [t('sync.fields.lastAttempt'), <When key="a" at={status.lastAttemptAt} />],
    [
      t('sync.fields.lastError'),
      status.lastError ? (
        <Text key="e" size="sm" c="red" component="span" style={{ overflowWrap: 'anywhere' }}>
          {status.lastError}
        </Text>
      ) : (
        none
      ),
    ],
    [t('sync.fields.pending'), status.pending],
    [
      t('sync.fields.conflicts'),
      status.openConflicts > 0 && mayCall(session.staff.role, 'conflicts.list') ? (
        <Anchor key="o" size="sm" href={formatRoute({ name: 'conflicts', workspace, tab: 'open' })}>
          {t('sync.openConflicts', { count: status.openConflicts })}
        </Anchor>
      ) : (
        t('sync.openConflicts', { count: status.openConflicts })
      ),
    ],
    [t('sync.fields.warnAfter'), t('sync.hours', { count: status.offlineWarnHours })],
  ]
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {t('sync.statusTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing={4}>
        {[rows.slice(0, 5), rows.slice(5)].map((half) => (
          <dl key={half[0]?.[0]} className="g-fields">
            {half.map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t(`sync.modeHelp.${status.mode}`)}
      </Text>
    </Paper>
  )
}

/** The desk's sync: where it syncs, how it went, and the operations the hub refused. */
export function SyncScreen({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const status = useSyncStatus()
  const syncNow = useSyncNow()

  return (
    <Stack gap="md" maw={1280}>
      <PageHeader
        title={t('sync.title')}
        actions={
          <Button
            leftSection={<IconRefresh size={16} />}
            loading={syncNow.isPending}
            onClick={() => syncNow.mutate({})}
          >
            {t('status.syncNow')}
          </Button>
        }
      />
      {status.isError && <QueryError error={status.error} onRetry={() => void status.refetch()} />}
      {status.isPending && <Skeleton h={220} />}
      {status.data && <StatusDetails status={status.data} workspace={workspace} />}
      <SyncIssues workspace={workspace} />
    </Stack>
  )
}
