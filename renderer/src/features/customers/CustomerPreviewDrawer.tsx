import { Button, Drawer, Group, Skeleton } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/hooks'
import { formatRoute, type Workspace } from '../../app/routes'
import { QueryError } from '../../components/QueryError'
import { CustomerSummary } from './CustomerSummary'

/** Another customer, shown beside the form being filled: checking a duplicate loses no input. */
export function CustomerPreviewDrawer({
  id,
  workspace,
  onClose,
}: {
  id: string | null
  workspace: Workspace
  onClose(): void
}) {
  const { t } = useTranslation()
  const customer = useChannelQuery('customers.get', { id: id ?? '' }, { enabled: id !== null })
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={720}
      title={customer.data ? t('duplicates.preview', { number: customer.data.customerNumber }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {customer.isPending && <Skeleton h={200} />}
      {customer.isError && <QueryError error={customer.error} />}
      {customer.data && (
        <>
          <Group mb="sm">
            <Button
              component="a"
              href={formatRoute({ name: 'customer', workspace, id: customer.data.id })}
              leftSection={<IconExternalLink size={16} />}
              variant="light"
            >
              {t('duplicates.openFull')}
            </Button>
          </Group>
          <CustomerSummary customer={customer.data} narrow />
        </>
      )}
    </Drawer>
  )
}
