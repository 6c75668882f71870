import { Button, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { type UseQueryResult, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelName, OutputOf } from '../../../../preload/contract'
import { useChannelMutation } from '../../api/hooks'
import { notifyError } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { issueAt } from './issueAt'
import { useFieldErrors } from './useFieldErrors'

/**
 * A tab of the business account that lists its records in a table and adds one with a form shown
 * above it (billing accounts, split-bill profiles): the add button, the form until it is done or
 * cancelled, the loading and error states, the table and its empty message.
 */
export function AddableTableTab<T extends { id: string }>({
  list,
  addLabel,
  tableLabel,
  emptyLabel,
  head,
  row,
  form,
}: {
  list: UseQueryResult<T[]>
  addLabel: string
  tableLabel: string
  emptyLabel: string
  /** The header cells. */
  head: ReactNode
  /** The cells of one record's row. */
  row(item: T): ReactNode
  /** The form adding a record; `onDone` closes it. */
  form(onDone: () => void): ReactNode
}) {
  const [adding, setAdding] = useState(false)
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} size="xs" onClick={() => setAdding(true)}>
          {addLabel}
        </Button>
      </Group>
      {adding && form(() => setAdding(false))}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Skeleton h={80} />}
      {list.data && (
        <Paper withBorder>
          <Table aria-label={tableLabel}>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((item) => (
                <Table.Tr key={item.id}>{row(item)}</Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.length === 0 && (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {emptyLabel}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  )
}

/** Cancel and Save of an add form; Save is busy while the request runs. */
export function CancelSaveButtons({ onCancel, busy }: { onCancel(): void; busy: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <Button variant="default" onClick={onCancel}>
        {t('fleet.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {t('fleet.save')}
      </Button>
    </>
  )
}

/**
 * The request of an add form: once the record is made, `onCreated`, the tab's list
 * (`listChannel`) refreshed and the form closed; a field issue goes to its input (`issue(path)`),
 * any other error to a notification.
 */
export function useAddRecord<C extends ChannelName>(
  channel: C,
  {
    listChannel,
    onDone,
    onCreated,
  }: { listChannel: ChannelName; onDone(): void; onCreated?(created: OutputOf<C>): void },
) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const errors = useFieldErrors()
  const create = useChannelMutation(channel, {
    onSuccess: (created) => {
      onCreated?.(created)
      void client.invalidateQueries({ queryKey: [listChannel] })
      onDone()
    },
    onError: (e) => errors.take(e) || notifyError(t, e),
  })
  return { create, issue: (path: string) => issueAt(errors, path) }
}

/** The frame of an add form, above the table: Enter or Save sends it. */
export function AddForm({ onSubmit, children }: { onSubmit(): void; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit()
        }}
      >
        {children}
      </form>
    </Paper>
  )
}
