import { Badge, Button, Group, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconCircleCheck, IconMailForward, IconPencil, IconUserPlus } from '@tabler/icons-react'
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FleetUser } from '../../../../preload/contract'
import { call, isApiError } from '../../api/call'
import { notifyError, notifySuccess } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { issueText } from '../../i18n/messages'
import { formatDateTime } from '../../lib/format'
import { formatFleetPhone } from '../fleet/formatPhone'
import { FleetUserModal } from './FleetUserModal'

/** Tab of a business account's fleet page (owned by the fleet-desk area; embedded by fleet's account screen). */
export function FleetUsersTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const client = useQueryClient()
  const [editing, setEditing] = useState<FleetUser | 'new' | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const input = { customerId, limit: 25 }
  const users = useInfiniteQuery({
    queryKey: ['fleetDesk.users.list', input],
    queryFn: ({ pageParam }) =>
      call('fleetDesk.users.list', { ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
  const rows = users.data?.pages.flatMap((p) => p.items) ?? []

  const act = async (user: FleetUser, action: 'resend' | 'validated') => {
    setBusy(user.id)
    try {
      if (action === 'resend') {
        await call('fleetDesk.users.resendInvitation', { id: user.id })
        notifySuccess(t('fleetDesk.users.resent', { email: user.email }))
      } else {
        await call('fleetDesk.users.markValidated', { id: user.id })
        notifySuccess(t('fleetDesk.users.validatedDone', { name: user.description }))
      }
      void client.invalidateQueries({ queryKey: ['fleetDesk.users.list'] })
    } catch (error) {
      const issue = isApiError(error) ? error.fields[0] : undefined
      if (issue) notifyError(t, error, issueText(t, issue))
      else notifyError(t, error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('fleetDesk.users.title')}
        </Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')}>
          {t('fleetDesk.users.create')}
        </Button>
      </Group>
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {!users.data ? (
        <Skeleton h={120} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('fleetDesk.users.empty')}
        </Text>
      ) : (
        <Table striped verticalSpacing="xs" aria-label={t('fleetDesk.users.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fleetDesk.users.description')}</Table.Th>
              <Table.Th>{t('fleetDesk.users.role')}</Table.Th>
              <Table.Th>{t('fleetDesk.common.status')}</Table.Th>
              <Table.Th>{t('fleetDesk.users.phoneNumbers')}</Table.Th>
              <Table.Th>{t('fleetDesk.users.invitations')}</Table.Th>
              <Table.Th>{t('fleetDesk.common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {u.description}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.email}
                  </Text>
                </Table.Td>
                <Table.Td>{u.role}</Table.Td>
                <Table.Td miw={120}>
                  <Badge
                    color={u.status === 'VALIDATED' ? 'teal' : 'orange'}
                    variant="light"
                    style={{ flexShrink: 0 }}
                  >
                    {u.status}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {u.phoneNumbers.map((p) => formatFleetPhone(p.phoneNumber)).join(', ') || '—'}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('fleetDesk.users.sentCount', { count: u.invitationsSent })}</Text>
                  {u.lastInvitedAt && (
                    <Text size="xs" c="dimmed">
                      {t('fleetDesk.users.lastSent', { when: formatDateTime(u.lastInvitedAt, lang) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Tooltip
                      label={t('fleetDesk.users.resendOnlyInvited')}
                      disabled={u.status !== 'VALIDATED'}
                      withinPortal
                    >
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconMailForward size={14} />}
                        disabled={u.status === 'VALIDATED'}
                        loading={busy === u.id}
                        onClick={() => void act(u, 'resend')}
                        aria-label={t('fleetDesk.users.resendFor', { name: u.description })}
                      >
                        {t('fleetDesk.users.resend')}
                      </Button>
                    </Tooltip>
                    {u.status === 'INVITED' && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconCircleCheck size={14} />}
                        onClick={() => void act(u, 'validated')}
                        aria-label={t('fleetDesk.users.markValidatedFor', { name: u.description })}
                      >
                        {t('fleetDesk.users.markValidated')}
                      </Button>
                    )}
                    <Button
                      size="compact-sm"
                      variant="default"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => setEditing(u)}
                      aria-label={t('fleetDesk.users.editFor', { name: u.description })}
                    >
                      {t('fleetDesk.users.edit')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {users.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void users.fetchNextPage()}
          loading={users.isFetchingNextPage}
        >
          {t('fleetDesk.common.loadMore')}
        </Button>
      )}
      {editing && (
        <FleetUserModal
          customerId={customerId}
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}
