import { Button, Center, Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorText } from '../i18n/messages'

/** Start-up states before any session is known: loading, or main unreachable. */
export function FullPageMessage({
  loading,
  error,
  onRetry,
}: {
  loading?: boolean
  error?: unknown
  onRetry?: () => void
}) {
  const { t } = useTranslation()
  return (
    <Center mih="100vh">
      {loading ? (
        <Stack align="center" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('app.loading')}
          </Text>
        </Stack>
      ) : (
        <Stack align="center" gap="sm" role="alert">
          <Text>{errorText(t, error)}</Text>
          {onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
        </Stack>
      )}
    </Center>
  )
}
