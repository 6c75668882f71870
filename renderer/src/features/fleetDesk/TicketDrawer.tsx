import {
  Badge,
  Button,
  Drawer,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketStatus } from '../../../../preload/contract'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { notifyError, notifySuccess } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { saveDownload } from '../../lib/download'
import { formatDate, formatDateTime } from '../../lib/format'
import { formatFleetPhone } from '../fleet/formatPhone'
import { formatBytes, ticketStatusColor } from './ticketText'

/** A ticket: what was asked, its attachments (downloadable), its status history and the next statuses. */
export function TicketDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const client = useQueryClient()
  const ticket = useChannelQuery('fleetDesk.tickets.get', { id })
  const [next, setNext] = useState<TicketStatus | null>(null)
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)
  const tk = ticket.data

  const move = async () => {
    if (!next) return
    setSaving(true)
    try {
      await call('fleetDesk.tickets.setStatus', {
        id,
        status: next,
        ...(note ? { note } : {}),
      })
      notifySuccess(t('fleetDesk.tickets.statusChanged', { status: t(`fleetDesk.tickets.status.${next}`) }))
      setNext(null)
      setNote('')
      void client.invalidateQueries({ queryKey: ['fleetDesk.tickets.get'] })
      void client.invalidateQueries({ queryKey: ['fleetDesk.tickets.list'] })
    } catch (error) {
      notifyError(t, error, t('fleetDesk.tickets.statusFailed'))
    } finally {
      setSaving(false)
    }
  }

  const download = async (attachmentId: string) => {
    try {
      saveDownload(await call('fleetDesk.tickets.attachment', { ticketId: id, attachmentId }))
    } catch (error) {
      notifyError(t, error)
    }
  }

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={
        tk ? t('fleetDesk.tickets.drawerTitle', { number: tk.ticketNumber }) : t('fleetDesk.tickets.title')
      }
    >
      {ticket.isError && <QueryError error={ticket.error} onRetry={() => void ticket.refetch()} />}
      {!tk ? (
        <Skeleton h={300} />
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <Badge color={ticketStatusColor[tk.status]} variant="light" size="lg">
              {t(`fleetDesk.tickets.status.${tk.status}`)}
            </Badge>
          </Group>
          <dl className="g-fields">
            {(
              [
                [t('fleetDesk.tickets.subject'), t(`fleetDesk.tickets.subjects.${tk.subject}`)],
                [t('fleetDesk.tickets.detail'), t(`fleetDesk.tickets.details.${tk.detail}`)],
                [t('fleetDesk.common.phoneNumber'), tk.phoneNumber ? formatFleetPhone(tk.phoneNumber) : '—'],
                [t('fleetDesk.tickets.actionDate'), tk.actionDate ? formatDate(tk.actionDate, lang) : '—'],
                [t('fleetDesk.tickets.contactEmail'), tk.contactEmail],
                [t('fleetDesk.tickets.contactMobile'), formatFleetPhone(tk.contactMobile)],
                [t('fleetDesk.tickets.createdAt'), formatDateTime(tk.createdAt, lang)],
              ] as const
            ).map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
          <div>
            <Text size="sm" fw={500}>
              {t('fleetDesk.tickets.message')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {tk.message}
            </Text>
          </div>
          <div>
            <Title order={4} size="h6" mb={4}>
              {t('fleetDesk.tickets.attachments')}
            </Title>
            {tk.attachments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('fleetDesk.tickets.noAttachments')}
              </Text>
            ) : (
              <Stack gap={4}>
                {tk.attachments.map((a) => (
                  <Group key={a.id} gap="xs">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconDownload size={14} />}
                      onClick={() => void download(a.id)}
                      aria-label={t('fleetDesk.tickets.download', { name: a.fileName })}
                    >
                      {a.fileName}
                    </Button>
                    <Text size="xs" c="dimmed">
                      {formatBytes(a.sizeBytes, lang)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </div>
          {tk.nextStatuses.length > 0 && (
            <Stack gap="xs">
              <Title order={4} size="h6">
                {t('fleetDesk.tickets.changeStatus')}
              </Title>
              <Group align="flex-end">
                <Select
                  label={t('fleetDesk.tickets.newStatus')}
                  data={tk.nextStatuses.map((s) => ({ value: s, label: t(`fleetDesk.tickets.status.${s}`) }))}
                  value={next}
                  onChange={(v) => setNext(v as TicketStatus | null)}
                  w={240}
                />
                <Button onClick={() => void move()} disabled={!next} loading={saving}>
                  {t('fleetDesk.tickets.applyStatus')}
                </Button>
              </Group>
              <Textarea
                label={t('fleetDesk.tickets.statusNote')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={1}
              />
            </Stack>
          )}
          <div>
            <Title order={4} size="h6" mb={4}>
              {t('fleetDesk.tickets.history')}
            </Title>
            <Table verticalSpacing={4} aria-label={t('fleetDesk.tickets.history')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fleetDesk.tickets.when')}</Table.Th>
                  <Table.Th>{t('fleetDesk.common.status')}</Table.Th>
                  <Table.Th>{t('fleetDesk.tickets.who')}</Table.Th>
                  <Table.Th>{t('fleetDesk.tickets.statusNote')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tk.history.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.createdAt, lang)}</Table.Td>
                    <Table.Td>
                      {e.fromStatus
                        ? `${t(`fleetDesk.tickets.status.${e.fromStatus}`)} → ${t(`fleetDesk.tickets.status.${e.toStatus}`)}`
                        : t(`fleetDesk.tickets.status.${e.toStatus}`)}
                    </Table.Td>
                    <Table.Td>
                      {e.staffName ?? t('fleetDesk.common.system')} ({e.deskId})
                    </Table.Td>
                    <Table.Td>{e.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Stack>
      )}
    </Drawer>
  )
}
