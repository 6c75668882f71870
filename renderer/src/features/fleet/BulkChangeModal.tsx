import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BulkChange, BulkPreview, LineSelection } from '../../../../preload/contract/fleet'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { IssueText } from '../../components/IssueText'
import { notifyError, notifySuccess } from '../../components/notify'
import { formatFleetPhone } from './formatPhone'

/** Lines per call: each chunk is one write on main, and the bar moves between chunks. */
const CHUNK = 1000

/**
 * A plan change or an option change on many lines: choose, review ("numéro / plan précédent /
 * nouveau plan"), then apply in chunks with a progress bar.
 */
export function BulkChangeModal({
  customerId,
  kind,
  selection,
  count,
  onClose,
}: {
  customerId: string
  kind: 'plan' | 'options'
  selection: LineSelection
  count: number
  onClose(applied: boolean): void
}) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const catalog = useChannelQuery('fleet.catalog.get', {})
  const [plan, setPlan] = useState<string | null>(null)
  const [add, setAdd] = useState<string[]>([])
  const [remove, setRemove] = useState<string[]>([])
  const [preview, setPreview] = useState<BulkPreview | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number; queued: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const planNames = new Map(catalog.data?.plans.map((p) => [p.code, p.name]) ?? [])
  const optionNames = new Map(catalog.data?.options.map((o) => [o.code, o.name]) ?? [])
  const optionData =
    catalog.data?.options.filter((o) => o.active).map((o) => ({ value: o.code, label: o.name })) ?? []

  const change: BulkChange | null =
    kind === 'plan'
      ? plan
        ? { kind: 'plan', planCode: plan }
        : null
      : add.length + remove.length > 0
        ? { kind: 'options', add, remove }
        : null

  const review = async () => {
    if (!change) return
    setBusy(true)
    try {
      setPreview(await call('fleet.bulk.preview', { customerId, selection, change, limit: 200 }))
    } catch (error) {
      notifyError(t, error)
    } finally {
      setBusy(false)
    }
  }

  const apply = async () => {
    if (!change) return
    setBusy(true)
    try {
      const { ids } = await call('fleet.lines.ids', { selection })
      let queued = 0
      setProgress({ done: 0, total: ids.length, queued })
      for (let i = 0; i < ids.length; i += CHUNK) {
        const result = await call('fleet.bulk.apply', { customerId, ids: ids.slice(i, i + CHUNK), change })
        queued += result.queued
        setProgress({ done: Math.min(ids.length, i + CHUNK), total: ids.length, queued })
      }
      notifySuccess(t('fleet.bulk.applied', { count: queued }))
      void client.invalidateQueries({ queryKey: ['provisioning.list'] })
      onClose(true)
    } catch (error) {
      notifyError(t, error)
    } finally {
      setBusy(false)
    }
  }

  const names = (codes: string[]) => codes.map((c) => optionNames.get(c) ?? c).join(', ')

  return (
    <Modal
      opened
      onClose={() => !busy && onClose(false)}
      size={preview ? 'xl' : 'md'}
      title={kind === 'plan' ? t('fleet.bulk.planTitle', { count }) : t('fleet.bulk.optionsTitle', { count })}
    >
      {!preview && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void review()
          }}
        >
          <Stack gap="sm">
            {kind === 'plan' ? (
              <Select
                label={t('fleet.bulk.newPlan')}
                data={
                  catalog.data?.plans
                    .filter((p) => p.active)
                    .map((p) => ({ value: p.code, label: p.name })) ?? []
                }
                value={plan}
                onChange={setPlan}
                searchable
                data-autofocus
              />
            ) : (
              <>
                <MultiSelect
                  label={t('fleet.bulk.addOptions')}
                  data={optionData}
                  value={add}
                  onChange={setAdd}
                  data-autofocus
                />
                <MultiSelect
                  label={t('fleet.bulk.removeOptions')}
                  data={optionData}
                  value={remove}
                  onChange={setRemove}
                />
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => onClose(false)}>
                {t('fleet.cancel')}
              </Button>
              <Button type="submit" disabled={!change} loading={busy}>
                {t('fleet.bulk.review')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {preview && (
        <Stack gap="sm">
          <Text size="sm">{t('fleet.bulk.reviewIntro', { count: preview.total })}</Text>
          {preview.flagged > 0 && (
            <Alert color="orange" variant="light" p="xs">
              {kind === 'plan'
                ? t('fleet.bulk.flaggedPlan', { count: preview.flagged })
                : t('fleet.bulk.flaggedOptions', { count: preview.flagged })}
            </Alert>
          )}
          {preview.refused > 0 && (
            <Alert color="red" variant="light" p="xs">
              {t('fleet.bulk.refused', { count: preview.refused })}
            </Alert>
          )}
          <ScrollArea.Autosize mah={360}>
            <Table fz="sm" striped aria-label={t('fleet.bulk.reviewTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fleet.bulk.number')}</Table.Th>
                  <Table.Th>{t('fleet.bulk.previousPlan')}</Table.Th>
                  <Table.Th>{t('fleet.bulk.newPlanColumn')}</Table.Th>
                  <Table.Th>{t('fleet.bulk.options')}</Table.Th>
                  <Table.Th>{t('fleet.bulk.remarks')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatFleetPhone(r.phoneNumber)}</Table.Td>
                    <Table.Td>{planNames.get(r.previousPlan) ?? r.previousPlan}</Table.Td>
                    <Table.Td fw={r.newPlan !== r.previousPlan ? 600 : undefined}>
                      {planNames.get(r.newPlan) ?? r.newPlan}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{names(r.newOptions) || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {r.refusal && (
                        <Badge color="red" variant="light" size="sm">
                          <IssueText issue={{ path: 'status', key: r.refusal }} />
                        </Badge>
                      )}
                      {r.flagged.length > 0 && (
                        <Text size="xs" c="orange.8">
                          {kind === 'plan'
                            ? t('fleet.bulk.dropped', { options: names(r.flagged) })
                            : t('fleet.bulk.notApplicable', { options: names(r.flagged) })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {preview.total > preview.rows.length && (
            <Text size="xs" c="dimmed">
              {t('fleet.bulk.more', { count: preview.total - preview.rows.length })}
            </Text>
          )}
          {progress && (
            <Stack gap={4}>
              <Progress
                value={progress.total ? (progress.done / progress.total) * 100 : 100}
                aria-label={t('fleet.bulk.progress')}
              />
              <Text size="xs" c="dimmed">
                {t('fleet.bulk.progressText', { done: progress.done, total: progress.total })}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPreview(null)} disabled={busy}>
              {t('fleet.back')}
            </Button>
            <Button onClick={() => void apply()} loading={busy} disabled={preview.total === preview.refused}>
              {t('fleet.bulk.apply', { count: preview.total - preview.refused })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
