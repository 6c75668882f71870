import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core'
import { IconCheck, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncConflictView } from '../../../../preload/contract'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import { navigate } from '../../app/navigation'
import { Restricted } from '../../app/Restricted'
import { type ConflictTab, formatRoute, type Workspace } from '../../app/routes'
import { notifyError } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDateTime } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { ConflictEditModal } from './ConflictEditModal'
import { conflictEditor, describeConflictValue, fieldLabel, shortValue } from './syncText'
import { useResolveConflict } from './useResolveConflict'

/**
 * Names a side by its desk: "Poste B1" / "poste B1" (inline), "Ce poste (C01)", or the hub when
 * no desk is known (the hub's own state).
 */
function useDeskLabel() {
  const { t } = useTranslation()
  const session = useCurrentSession()
  const title = (desk: string | null) =>
    desk === null
      ? t('conflicts.hubSide')
      : desk === session.deskId
        ? t('conflicts.thisDesk', { id: desk })
        : t('conflicts.desk', { id: desk })
  const inline = (desk: string | null) =>
    desk === null
      ? t('conflicts.hubInline')
      : desk === session.deskId
        ? t('conflicts.thisDeskInline', { id: desk })
        : t('conflicts.deskInline', { id: desk })
  return { title, inline }
}

function RecordLink({ conflict, workspace }: { conflict: SyncConflictView; workspace: Workspace }) {
  if (conflict.entity !== 'customer' || (conflict.field === '_deleted' && conflict.current === true))
    return (
      <Text size="sm" fw={600}>
        {conflict.label}
      </Text>
    )
  return (
    <Anchor size="sm" fw={600} href={formatRoute({ name: 'customer', workspace, id: conflict.entityId })}>
      {conflict.label}
    </Anchor>
  )
}

function Side({
  title,
  value,
  testId,
  inEffect,
}: {
  title: string
  value: string
  testId: string
  /** This side's value is the one the record has now. */
  inEffect?: boolean
}) {
  const { t } = useTranslation()
  return (
    <div data-testid={testId}>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.3 }}>
          {title}
        </Text>
        {inEffect && (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {t('conflicts.inEffect')}
          </Badge>
        )}
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
        {value}
      </Text>
    </div>
  )
}

function OpenConflict({
  conflict,
  workspace,
  onEdit,
}: {
  conflict: SyncConflictView
  workspace: Workspace
  onEdit(conflict: SyncConflictView): void
}) {
  const { t, i18n } = useTranslation()
  const deskLabel = useDeskLabel()
  const resolve = useResolveConflict()
  const describe = (value: unknown) => describeConflictValue(conflict.field, value, t, i18n.language)
  const deleted = conflict.field === '_deleted'
  const theirs = describe(conflict.theirs)
  const yours = describe(conflict.yours)
  const field = fieldLabel(conflict.field, t)
  const current = describe(conflict.current)
  const keep = (choice: 'theirs' | 'yours', value: string) =>
    resolve.mutate(
      { id: conflict.id, choice, done: t('conflicts.resolvedWith', { value }) },
      { onError: (error) => notifyError(t, error, t('conflicts.resolveFailed')) },
    )
  const keepLabel = (value: string, desk: string | null) =>
    t('conflicts.keep', { value: shortValue(value), desk: deskLabel.inline(desk) })

  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={t('conflicts.cardLabel', { record: conflict.label, field })}
      data-testid="conflict"
    >
      <Group justify="space-between" align="baseline" mb="xs" wrap="nowrap">
        <Group gap="xs" align="baseline" wrap="nowrap" miw={0}>
          <RecordLink conflict={conflict} workspace={workspace} />
          <Badge variant="light" color="orange" size="sm" tt="none">
            {deleted ? t('conflicts.deletedBadge') : field}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('conflicts.detectedAt', { at: formatDateTime(conflict.detectedAt, i18n.language) })}
        </Text>
      </Group>
      {deleted && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('conflicts.deletedExplain')}
        </Text>
      )}
      <SimpleGrid cols={3} spacing="md" mb="sm">
        <Side
          title={deskLabel.title(conflict.theirsDesk)}
          value={theirs}
          testId="conflict-theirs"
          inEffect={!deleted && theirs === current}
        />
        <Side
          title={deskLabel.title(conflict.yoursDesk)}
          value={yours}
          testId="conflict-yours"
          inEffect={!deleted && yours === current && theirs !== current}
        />
        <Side title={t('conflicts.current')} value={current} testId="conflict-current" />
      </SimpleGrid>
      <Group gap="xs">
        {deleted ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCheck size={14} />}
            loading={resolve.isPending}
            onClick={() => keep('theirs', current)}
          >
            {t('conflicts.keepCurrent')}
          </Button>
        ) : (
          <>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCheck size={14} />}
              disabled={resolve.isPending}
              onClick={() => keep('theirs', theirs)}
              title={t('conflicts.keep', { value: theirs, desk: deskLabel.inline(conflict.theirsDesk) })}
            >
              {keepLabel(theirs, conflict.theirsDesk)}
            </Button>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCheck size={14} />}
              disabled={resolve.isPending}
              onClick={() => keep('yours', yours)}
              title={t('conflicts.keep', { value: yours, desk: deskLabel.inline(conflict.yoursDesk) })}
            >
              {keepLabel(yours, conflict.yoursDesk)}
            </Button>
            {conflictEditor(conflict.entity, conflict.field) ? (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPencil size={14} />}
                disabled={resolve.isPending}
                onClick={() => onEdit(conflict)}
              >
                {t('conflicts.edit')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {t('conflicts.notEditable')}
              </Text>
            )}
          </>
        )}
      </Group>
    </Paper>
  )
}

function OpenConflicts({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const list = useChannelQuery('conflicts.list', { status: 'open' })
  const [editing, setEditing] = useState<SyncConflictView | null>(null)
  if (list.isPending) return <Skeleton h={160} />
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
  return (
    <Stack gap="sm">
      {list.data.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="lg">
          {t('conflicts.emptyOpen')}
        </Text>
      ) : (
        list.data.map((c) => (
          <OpenConflict key={c.id} conflict={c} workspace={workspace} onEdit={setEditing} />
        ))
      )}
      <ConflictEditModal conflict={editing} onClose={() => setEditing(null)} />
    </Stack>
  )
}

function ResolvedConflicts({ workspace }: { workspace: Workspace }) {
  const { t, i18n } = useTranslation()
  const deskLabel = useDeskLabel()
  const session = useCurrentSession()
  const list = useChannelQuery('conflicts.list', { status: 'resolved' })
  const staff = useChannelQuery('staff.list', {}, { enabled: mayCall(session.staff.role, 'staff.list') })
  const names = new Map((staff.data ?? []).map((s) => [s.id, s.displayName]))
  if (list.isPending) return <Skeleton h={160} />
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
  if (list.data.length === 0)
    return (
      <Text size="sm" c="dimmed" ta="center" py="lg">
        {t('conflicts.emptyResolved')}
      </Text>
    )

  const how = (c: SyncConflictView) => {
    const describe = (value: unknown) => describeConflictValue(c.field, value, t, i18n.language)
    if (c.field === '_deleted') return t('conflicts.resolution.acknowledged')
    if (c.resolution === 'theirs')
      return t('conflicts.resolution.kept', {
        value: describe(c.theirs),
        desk: deskLabel.inline(c.theirsDesk),
      })
    if (c.resolution === 'yours')
      return t('conflicts.resolution.kept', { value: describe(c.yours), desk: deskLabel.inline(c.yoursDesk) })
    if (c.resolution === 'edit') return t('conflicts.resolution.edited')
    return c.resolution ?? t('customerDetail.none')
  }

  return (
    <Paper withBorder>
      <Table aria-label={t('conflicts.resolvedTableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {(['record', 'field', 'values', 'resolution', 'current', 'by', 'detectedAt'] as const).map(
              (column) => (
                <Table.Th key={column} style={{ whiteSpace: 'nowrap' }}>
                  {t(`conflicts.columns.${column}`)}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((c) => (
            <Table.Tr key={c.id} data-testid="resolved-conflict">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <RecordLink conflict={c} workspace={workspace} />
              </Table.Td>
              <Table.Td>{fieldLabel(c.field, t)}</Table.Td>
              <Table.Td>
                {(
                  [
                    [c.theirsDesk, c.theirs],
                    [c.yoursDesk, c.yours],
                  ] as const
                ).map(([desk, value], i) => (
                  <Text key={i === 0 ? 'theirs' : 'yours'} size="sm">
                    <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('conflicts.sideLabel', { desk: deskLabel.title(desk) })}
                    </Text>{' '}
                    {describeConflictValue(c.field, value, t, i18n.language)}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{how(c)}</Table.Td>
              <Table.Td>{describeConflictValue(c.field, c.current, t, i18n.language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {c.resolvedBy
                  ? (names.get(c.resolvedBy) ?? t('conflicts.otherStaff'))
                  : t('customerDetail.none')}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(c.detectedAt, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/**
 * Concurrent edits of the same field on two desks (or a record deleted on one and edited on
 * another), for a supervisor to settle: keep one side, or type the value to keep.
 */
export function ConflictsScreen({ workspace, tab }: { workspace: Workspace; tab: ConflictTab }) {
  const { t } = useTranslation()
  const session = useCurrentSession()
  const allowed = mayCall(session.staff.role, 'conflicts.list')
  const open = useChannelQuery('conflicts.list', { status: 'open' }, { enabled: allowed })
  if (!allowed) return <Restricted title={t('conflicts.title')} />

  return (
    <Stack gap="sm" maw={1280}>
      <PageHeader title={t('conflicts.title')} subtitle={t('conflicts.intro')} />
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate(
            { name: 'conflicts', workspace, tab: value === 'resolved' ? 'resolved' : 'open' },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab
            value="open"
            rightSection={
              open.data && open.data.length > 0 ? (
                <Badge size="sm" color="orange" variant="filled" circle={open.data.length < 10}>
                  {open.data.length}
                </Badge>
              ) : undefined
            }
          >
            {t('conflicts.tabOpen')}
          </Tabs.Tab>
          <Tabs.Tab value="resolved">{t('conflicts.tabResolved')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open">
          <OpenConflicts workspace={workspace} />
        </Tabs.Panel>
        <Tabs.Panel value="resolved">
          <ResolvedConflicts workspace={workspace} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
