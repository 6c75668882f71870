import { Alert, Badge, Button, Group, Skeleton, Stack } from '@mantine/core'
import { IconArrowLeft, IconPencil, IconUserQuestion } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import { customerPanels } from '../../app/areaRegistry'
import { navigate } from '../../app/navigation'
import { defaultListState, formatRoute, type Workspace } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { useCurrentSession } from '../../session/useSession'
import { CustomerHistory } from './CustomerHistory'
import { CustomerSummary } from './CustomerSummary'
import { DuplicateWarning } from './DuplicateWarning'

export function CustomerDetail({ workspace, id }: { workspace: Workspace; id: string }) {
  const { t } = useTranslation()
  const customer = useChannelQuery('customers.get', { id })
  const role = useCurrentSession().staff.role
  const c = customer.data
  // The same check as in the form, so a duplicate saved anyway stays visible on the record.
  const duplicates = useChannelQuery(
    'customers.duplicates',
    {
      ...(c?.email ? { email: c.email } : {}),
      phones: c?.phones.map((p) => p.number) ?? [],
      country: c?.address.country ?? 'FR',
      excludeId: id,
    },
    { enabled: !!c && (!!c.email || c.phones.length > 0) },
  )

  const back = (
    <Button
      component="a"
      href={formatRoute({ name: 'customers', workspace, list: defaultListState })}
      variant="default"
      leftSection={<IconArrowLeft size={16} />}
    >
      {t('customerDetail.back')}
    </Button>
  )

  if (customer.isError) {
    const notFound = isApiError(customer.error) && customer.error.code === 'NOT_FOUND'
    return (
      <Stack gap="md">
        <PageHeader title={t('customerList.title')} actions={back} />
        {notFound ? (
          <Alert color="gray" variant="light" icon={<IconUserQuestion size={18} />}>
            {t('customerDetail.notFound')}
          </Alert>
        ) : (
          <QueryError error={customer.error} onRetry={() => void customer.refetch()} />
        )}
      </Stack>
    )
  }
  if (!c) return <Skeleton h={400} />

  return (
    <Stack gap="md" maw={1280}>
      <PageHeader
        title={c.displayName}
        subtitle={
          <Group gap="xs" component="span">
            <span>{c.customerNumber}</span>
            <Badge size="sm" variant="light">
              {t(`customerKind.${c.kind}`)}
            </Badge>
          </Group>
        }
        actions={
          <>
            {back}
            <Button
              component="a"
              href={formatRoute({ name: 'customerEdit', workspace, id })}
              leftSection={<IconPencil size={16} />}
            >
              {t('customerDetail.edit')}
            </Button>
          </>
        }
      />
      <DuplicateWarning
        hints={duplicates.data ?? []}
        saved
        onOpen={(other) => navigate({ name: 'customer', workspace, id: other })}
      />
      <CustomerSummary customer={c} />
      {customerPanels
        .filter((panel) => panel.workspaces.includes(workspace) && mayCall(role, panel.channel))
        .map(({ id: panelId, component: Panel }) => (
          <Panel key={panelId} workspace={workspace} customerId={id} customer={c} />
        ))}
      <CustomerHistory customerId={id} />
    </Stack>
  )
}
