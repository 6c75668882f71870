import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core'
import { IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncIssue } from '../../../../preload/contract'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import { formatRoute, type Workspace } from '../../app/routes'
import { notifyError } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { formatDateTime } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { DiscardModal } from './DiscardModal'
import {
  changedFieldNames,
  entityKey,
  opKindKey,
  type RecordLabel,
  reasonKey,
  recordLabelFromFields,
  recordLabelText,
} from './syncText'
import { useSyncAnswered } from './useSyncStatus'

/** The record's readable name: from the operation when it carries one, else from the desk's copy. */
function useRecordLabel(issue: SyncIssue): RecordLabel {
  const fromFields = recordLabelFromFields(issue.fields)
  const isCustomer = issue.entity === 'customer'
  const customer = useChannelQuery(
    'customers.get',
    { id: issue.entityId },
    { enabled: isCustomer && fromFields === null, retry: false },
  )
  if (fromFields) return fromFields
  if (customer.data) return { name: customer.data.displayName, number: customer.data.customerNumber }
  return { name: issue.entityId, number: null }
}

function IssueRow({
  issue,
  workspace,
  canDiscard,
  onDiscard,
}: {
  issue: SyncIssue
  workspace: Workspace
  canDiscard: boolean
  onDiscard(issue: SyncIssue, recordName: string): void
}) {
  const { t, i18n } = useTranslation()
  const answered = useSyncAnswered()
  const label = useRecordLabel(issue)
  const name = recordLabelText(label)
  const isCustomer = issue.entity === 'customer'
  const reason = reasonKey(issue.reason)
  const changed = changedFieldNames(issue.kind, issue.fields, t)
  const retry = useChannelMutation('sync.retry', {
    onSuccess: answered,
    onError: (error) => notifyError(t, error, t('syncIssues.retryFailed')),
  })

  return (
    <Table.Tr data-testid="sync-issue">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(issue.createdAt, i18n.language)}</Table.Td>
      <Table.Td>
        {isCustomer ? (
          <Anchor
            size="sm"
            fw={500}
            href={formatRoute({ name: 'customer', workspace, id: issue.entityId })}
            style={{ whiteSpace: 'nowrap' }}
          >
            {label.name}
          </Anchor>
        ) : (
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {label.name}
          </Text>
        )}
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {[t(`syncIssues.entities.${entityKey(issue.entity)}`, { entity: issue.entity }), label.number]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`syncIssues.kinds.${opKindKey(issue.kind)}`, { kind: issue.kind })}</Text>
        {changed && (
          <Text size="xs" c="dimmed">
            {changed}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`syncIssues.reasons.${reason}`)}</Text>
        <Text size="xs" c="dimmed" mt={2} style={{ overflowWrap: 'anywhere' }}>
          <Badge color="red" variant="light" size="xs" mr={6} style={{ verticalAlign: 'text-bottom' }}>
            {issue.reason}
          </Badge>
          {issue.message && t('syncIssues.hubMessage', { message: issue.message })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} />}
            loading={retry.isPending}
            onClick={() => retry.mutate({ seq: issue.seq })}
            aria-label={t('syncIssues.retryLabel', { record: name })}
          >
            {t('syncIssues.retry')}
          </Button>
          {isCustomer && (
            <Button
              size="xs"
              variant="default"
              component="a"
              href={formatRoute({ name: 'customerEdit', workspace, id: issue.entityId, from: 'sync' })}
              leftSection={<IconPencil size={14} />}
              aria-label={t('syncIssues.editLabel', { record: name })}
            >
              {t('syncIssues.edit')}
            </Button>
          )}
          {canDiscard ? (
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() => onDiscard(issue, name)}
              aria-label={t('syncIssues.discardLabel', { record: name })}
            >
              {t('syncIssues.discard')}
            </Button>
          ) : (
            <Tooltip label={t('syncIssues.discardSupervisorOnly')}>
              <Button
                size="xs"
                variant="light"
                color="gray"
                leftSection={<IconTrash size={14} />}
                data-disabled
                onClick={(event) => event.preventDefault()}
                aria-disabled
                aria-label={t('syncIssues.discardLabel', { record: name })}
              >
                {t('syncIssues.discard')}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

/**
 * Operations the hub refused. None is ever dropped silently: each waits here until it is sent
 * again (Retry), its record corrected (Edit, then Retry or Discard), or given up by a supervisor
 * with a reason (Discard, audited; the operation stays on the desk, marked discarded).
 */
export function SyncIssues({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const session = useCurrentSession()
  const issues = useChannelQuery('sync.issues', {}, { enabled: !session.locked })
  const canDiscard = mayCall(session.staff.role, 'sync.discard')
  const [discarding, setDiscarding] = useState<{ issue: SyncIssue; name: string } | null>(null)
  const rows = issues.data ?? []

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb={4}>
        {t('syncIssues.title')}
        {rows.length > 0 && (
          <Badge ml="xs" color="red" variant="filled" size="sm" style={{ verticalAlign: 'middle' }}>
            {rows.length}
          </Badge>
        )}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('syncIssues.intro')}
      </Text>
      {issues.isPending && (
        <Stack gap={4}>
          <Skeleton h={24} />
          <Skeleton h={24} />
        </Stack>
      )}
      {issues.isError && <QueryError error={issues.error} onRetry={() => void issues.refetch()} />}
      {issues.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="sm">
          {t('syncIssues.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <>
          <Table aria-label={t('syncIssues.tableLabel')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('syncIssues.columns.at')}</Table.Th>
                <Table.Th>{t('syncIssues.columns.record')}</Table.Th>
                <Table.Th w={150}>{t('syncIssues.columns.kind')}</Table.Th>
                <Table.Th>{t('syncIssues.columns.reason')}</Table.Th>
                <Table.Th w={1}>
                  <VisuallyHidden>{t('syncIssues.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((issue) => (
                <IssueRow
                  key={issue.seq}
                  issue={issue}
                  workspace={workspace}
                  canDiscard={canDiscard}
                  onDiscard={(i, name) => setDiscarding({ issue: i, name })}
                />
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            {canDiscard
              ? t('syncIssues.help')
              : `${t('syncIssues.help')} ${t('syncIssues.discardSupervisorOnly')}`}
          </Text>
        </>
      )}
      <DiscardModal
        issue={discarding?.issue ?? null}
        recordName={discarding?.name ?? ''}
        onClose={() => setDiscarding(null)}
      />
    </Paper>
  )
}
