import { Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconCloudUpload, IconDeviceDesktop } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../preload/contract'
import { useChannelQuery } from '../api/hooks'
import { channelKey } from '../api/queryKeys'
import { idleMilliseconds } from '../session/activity'

const REFRESH_MS = 30_000

/**
 * Desk and sync state at a glance. Refreshed after every write (see the query client) and, while
 * the clerk is active, every 30 s: polling an idle desk would keep its session from ever locking.
 */
export function StatusBar({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const enabled = !session.locked
  const stats = useChannelQuery('outbox.stats', {}, { enabled })
  const info = useChannelQuery('app.info', {}, { staleTime: Number.POSITIVE_INFINITY })

  useEffect(() => {
    if (!enabled) return
    const timer = window.setInterval(() => {
      if (idleMilliseconds() < REFRESH_MS)
        void queryClient.invalidateQueries({ queryKey: channelKey('outbox.stats') })
    }, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [enabled, queryClient])

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
      <Group gap="lg" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconDeviceDesktop size={14} stroke={1.6} />
          <Text size="xs">{t('status.desk', { id: session.deskId, name: session.deskName })}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconCloudUpload size={14} stroke={1.6} />
          <Text size="xs" data-testid="outbox-pending">
            {stats.data ? t('status.pending', { count: stats.data.pending }) : t('status.unavailable')}
          </Text>
        </Group>
        {stats.data && stats.data.rejected > 0 && (
          <Group gap={6} wrap="nowrap" c="red">
            <IconAlertTriangle size={14} stroke={1.6} />
            <Text size="xs">{t('status.rejected', { count: stats.data.rejected })}</Text>
          </Group>
        )}
      </Group>
      {info.data && (
        <Text size="xs" c="dimmed">
          {t('status.version', { version: info.data.version })}
        </Text>
      )}
    </Group>
  )
}
