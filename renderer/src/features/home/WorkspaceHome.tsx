import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconPlus, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/hooks'
import { defaultListState, formatRoute, type Workspace } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { useCurrentSession } from '../../session/useSession'

function Figure({ label, value, color }: { label: string; value: React.ReactNode; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </div>
  )
}

/** Where a workspace opens: who and where the clerk is, what waits to sync, and the way in. */
export function WorkspaceHome({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const session = useCurrentSession()
  const stats = useChannelQuery('outbox.stats', {}, { enabled: !session.locked })

  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={t(`workspace.${workspace}`)} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('home.desk')}
          </Title>
          <Text fw={500}>{t('home.deskValue', { name: session.deskName, id: session.deskId })}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('home.user')}
          </Title>
          <Text fw={500}>{session.staff.displayName}</Text>
          <Text size="sm" c="dimmed">
            {session.staff.username} · {t(`roles.${session.staff.role}`)}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('home.sync')}
          </Title>
          {stats.isError ? (
            <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
          ) : (
            <Group gap="xl">
              <Figure label={t('home.pending')} value={stats.data?.pending ?? '…'} />
              <Figure
                label={t('home.rejected')}
                value={stats.data?.rejected ?? '…'}
                {...(stats.data?.rejected ? { color: 'red' } : {})}
              />
              <Figure label={t('home.acknowledged')} value={stats.data?.acknowledged ?? '…'} />
            </Group>
          )}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb={4}>
          {t('home.customers')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('home.customersText')}
        </Text>
        <Group gap="sm">
          <Button
            component="a"
            href={formatRoute({ name: 'customers', workspace, list: defaultListState })}
            leftSection={<IconUsers size={16} />}
            variant="light"
          >
            {t('home.openCustomers')}
          </Button>
          <Button
            component="a"
            href={formatRoute({ name: 'customerNew', workspace })}
            leftSection={<IconPlus size={16} />}
            variant="default"
          >
            {t('home.newCustomer')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  )
}
