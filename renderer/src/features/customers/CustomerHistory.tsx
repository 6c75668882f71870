import { Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../preload/contract'
import { useChannelQuery } from '../../api/hooks'
import { QueryError } from '../../components/QueryError'
import { formatDateTime } from '../../lib/format'
import { fieldChanges } from './customerHistory'

function ActionLabel({ action }: { action: string }) {
  const { t } = useTranslation()
  if (action === 'customer.create' || action === 'customer.update')
    return <>{t(`history.actions.${action}`)}</>
  return <>{t('history.actions.other', { action })}</>
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  if (entry.before === null) return <Text size="sm">{t('history.allFields')}</Text>
  return (
    <Stack gap={2}>
      {fieldChanges(entry, t).map((change) => (
        <Text key={change.field} size="sm">
          {t('history.change', {
            field: t(`history.fields.${change.field}`),
            before: change.before,
            after: change.after,
          })}
        </Text>
      ))}
    </Stack>
  )
}

/** Who changed what and when, from the audit log (newest first). */
export function CustomerHistory({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const history = useChannelQuery('audit.history', { entity: 'customer', entityId: customerId, limit: 50 })
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {t('customerDetail.sections.history')}
      </Title>
      {history.isPending && <Skeleton h={60} />}
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      )}
      {history.data && history.data.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('history.columns.at')}</Table.Th>
              <Table.Th w={200}>{t('history.columns.who')}</Table.Th>
              <Table.Th w={130}>{t('history.columns.action')}</Table.Th>
              <Table.Th>{t('history.columns.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.map((entry) => (
              <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(entry.at, i18n.language)}
                </Table.Td>
                <Table.Td>
                  {entry.staffName ?? t('history.system')}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t('history.desk', { id: entry.deskId })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActionLabel action={entry.action} />
                </Table.Td>
                <Table.Td>
                  <Changes entry={entry} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
