import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { QueryError } from '../../components/QueryError'
import { RequestTable } from './RequestTable'
import { useRequests } from './useRequests'

/** The provisioning requests of one line, shown on the line's detail (owned by the provisioning area). */
export function LineRequests({ lineId }: { lineId: string }) {
  const { t } = useTranslation()
  const { pages, rows } = useRequests({ lineId, limit: 10 })
  return (
    <Stack gap="xs">
      <Title order={2} size="h5">
        {t('provisioning.lineTitle')}
      </Title>
      {pages.isError && <QueryError error={pages.error} onRetry={() => void pages.refetch()} />}
      {pages.isPending && <Skeleton h={60} />}
      {pages.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('provisioning.lineEmpty')}
        </Text>
      )}
      {rows.length > 0 && (
        <Paper withBorder>
          <RequestTable requests={rows} showLine={false} label={t('provisioning.lineTitle')} />
        </Paper>
      )}
      {pages.hasNextPage && (
        <Group justify="flex-end">
          <Button
            variant="default"
            size="xs"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('provisioning.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
