import { Anchor, Box, Button, Group, Text, Tooltip } from '@mantine/core'
import {
  IconAlertTriangle,
  IconArrowsDiff,
  IconCloudUpload,
  IconDeviceDesktop,
  IconHistory,
  IconRefresh,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo, SyncStatus } from '../../../preload/contract'
import { useChannelQuery } from '../api/hooks'
import { relativeTime } from '../features/sync/syncText'
import { useNow, useSyncNow, useSyncStatus, useSyncStatusPolling } from '../features/sync/useSyncStatus'
import { formatDateTime } from '../lib/format'
import { mayCall } from './access'
import { useWorkspace } from './navigation'
import { formatRoute } from './routes'

const dotColor = (s: SyncStatus) => (s.mode === 'none' ? 'gray' : s.online ? 'teal' : 'red')

/** A status item that opens the sync screen (and shows its detail on hover or focus). */
function SyncLink({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  const workspace = useWorkspace()
  return (
    <Tooltip label={label}>
      <Anchor
        href={formatRoute({ name: 'sync', workspace })}
        c="inherit"
        underline="hover"
        size="xs"
        data-testid={testId}
        style={{ display: 'flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}
      >
        {children}
      </Anchor>
    </Tooltip>
  )
}

function Connection({ status }: { status: SyncStatus }) {
  const { t } = useTranslation()
  const text =
    status.mode === 'none'
      ? t('status.connection.none')
      : t(`status.connection.${status.mode}${status.online ? 'Online' : 'Offline'}` as const)
  const where = status.hubUrl
    ? t('status.hubTooltip', { site: status.site ?? '—', url: status.hubUrl })
    : text
  return (
    <SyncLink label={where} testId="sync-connection">
      <Box
        component="span"
        w={8}
        h={8}
        bg={`var(--mantine-color-${dotColor(status)}-filled)`}
        style={{ borderRadius: '50%', flex: 'none' }}
        aria-hidden
      />
      {text}
    </SyncLink>
  )
}

function LastSync({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const at = status.lastSuccessAt
  return (
    <SyncLink
      label={
        at
          ? t('status.lastSyncExact', { at: formatDateTime(at, i18n.language) })
          : t('status.neverSyncedTooltip')
      }
      testId="sync-last"
    >
      <IconHistory size={14} stroke={1.6} aria-hidden />
      <Text span size="xs" c={status.offlineWarning ? 'orange' : undefined}>
        {at ? t('status.lastSync', { when: relativeTime(at, now, i18n.language) }) : t('status.neverSynced')}
      </Text>
    </SyncLink>
  )
}

/**
 * Desk and sync state at a glance: connection, last successful sync, what waits, what needs a
 * person (conflicts, rejected operations), and "sync now". Read every few seconds while the clerk
 * is active (see useSyncStatusPolling) and after every write (the query client).
 */
export function StatusBar({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const workspace = useWorkspace()
  const enabled = !session.locked
  const sync = useSyncStatus()
  const info = useChannelQuery('app.info', {}, { staleTime: Number.POSITIVE_INFINITY })
  const syncNow = useSyncNow()
  const status = sync.data
  useSyncStatusPolling(status, enabled)
  const role = session.staff.role

  return (
    <Group
      h="100%"
      px="sm"
      gap="lg"
      justify="space-between"
      wrap="nowrap"
      role="status"
      aria-label={t('status.label')}
    >
      <Group gap="lg" wrap="nowrap" miw={0}>
        <Group gap={6} wrap="nowrap">
          <IconDeviceDesktop size={14} stroke={1.6} aria-hidden />
          <Text size="xs">{t('status.desk', { id: session.deskId, name: session.deskName })}</Text>
        </Group>
        {!status ? (
          <Text size="xs" c="dimmed">
            {sync.isError ? t('status.unavailable') : t('app.loading')}
          </Text>
        ) : (
          <>
            <Connection status={status} />
            <LastSync status={status} />
            <Group gap={6} wrap="nowrap">
              <IconCloudUpload size={14} stroke={1.6} aria-hidden />
              <Text size="xs" data-testid="outbox-pending">
                {t('status.pending', { count: status.pending })}
              </Text>
            </Group>
            {status.openConflicts > 0 && (
              <Group gap={6} wrap="nowrap" c="orange">
                <IconArrowsDiff size={14} stroke={1.6} aria-hidden />
                {mayCall(role, 'conflicts.list') ? (
                  <Anchor
                    size="xs"
                    c="orange"
                    href={formatRoute({ name: 'conflicts', workspace, tab: 'open' })}
                  >
                    {t('status.conflicts', { count: status.openConflicts })}
                  </Anchor>
                ) : (
                  <Text size="xs">{t('status.conflicts', { count: status.openConflicts })}</Text>
                )}
              </Group>
            )}
            {status.rejected > 0 && (
              <Group gap={6} wrap="nowrap" c="red">
                <IconAlertTriangle size={14} stroke={1.6} aria-hidden />
                <Anchor size="xs" c="red" href={formatRoute({ name: 'sync', workspace })}>
                  {t('status.rejected', { count: status.rejected })}
                </Anchor>
              </Group>
            )}
          </>
        )}
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconRefresh size={14} stroke={1.6} />}
          loading={syncNow.isPending}
          disabled={!enabled}
          onClick={() => syncNow.mutate({})}
        >
          {t('status.syncNow')}
        </Button>
      </Group>
      {info.data && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('status.version', { version: info.data.version })}
        </Text>
      )}
    </Group>
  )
}
