import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCloudOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useWorkspace } from '../../app/navigation'
import { formatRoute } from '../../app/routes'
import { formatDateTime } from '../../lib/format'
import { relativeTime } from './syncText'
import { useNow, useSyncNow, useSyncStatus } from './useSyncStatus'

/**
 * Warnings that stay on top of every screen while they hold: the desk has not synced for longer
 * than the configured delay, or the hub asks for an update. Nothing typed is lost meanwhile.
 */
export function SyncBanners() {
  const { t, i18n } = useTranslation()
  const workspace = useWorkspace()
  const status = useSyncStatus().data
  const syncNow = useSyncNow()
  const now = useNow()
  if (!status || (!status.offlineWarning && !status.updateRequired)) return null

  return (
    <Stack gap="xs" mb="sm">
      {status.updateRequired && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('banners.updateTitle')}
          role="alert"
          py="xs"
        >
          <Text size="sm">{t('banners.updateText')}</Text>
        </Alert>
      )}
      {status.offlineWarning && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconCloudOff size={18} />}
          title={t('banners.offlineTitle', { count: status.offlineWarnHours })}
          role="alert"
          py="xs"
        >
          <Group justify="space-between" wrap="nowrap" gap="md" align="center">
            <Text size="sm">
              {status.lastSuccessAt
                ? t('banners.offlineSince', {
                    when: relativeTime(status.lastSuccessAt, now, i18n.language),
                    at: formatDateTime(status.lastSuccessAt, i18n.language),
                  })
                : t('banners.offlineNever')}{' '}
              {t('banners.offlineText', { count: status.pending })}
            </Text>
            <Group gap="sm" wrap="nowrap" style={{ flex: 'none' }}>
              <Anchor
                size="sm"
                href={formatRoute({ name: 'sync', workspace })}
                style={{ whiteSpace: 'nowrap' }}
              >
                {t('banners.details')}
              </Anchor>
              <Button
                size="xs"
                variant="light"
                color="orange"
                loading={syncNow.isPending}
                onClick={() => syncNow.mutate({})}
              >
                {t('status.syncNow')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
    </Stack>
  )
}
