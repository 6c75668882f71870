import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SplitBillProfileView } from '../../../../preload/contract/fleet'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { IssueText } from '../../components/IssueText'
import { notifyError } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { formatMoney } from '../../lib/format'
import { useFieldErrors } from './useFieldErrors'

/** Split-bill profiles: what the employer pays, the employee paying the rest. */
export function SplitBillTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const list = useChannelQuery('fleet.splitBill.list', { customerId })
  const [adding, setAdding] = useState(false)
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} size="xs" onClick={() => setAdding(true)}>
          {t('fleet.splitBill.add')}
        </Button>
      </Group>
      {adding && <SplitBillForm customerId={customerId} onDone={() => setAdding(false)} />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Skeleton h={80} />}
      {list.data && (
        <Paper withBorder>
          <Table aria-label={t('fleet.tabs.splitBill')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fleet.splitBill.name')}</Table.Th>
                <Table.Th>{t('fleet.splitBill.employerPays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={500}>{p.name}</Table.Td>
                  <Table.Td>
                    {t(`fleet.splitBill.pays.${p.employerPays}`, {
                      amount:
                        p.ceilingMinor !== null ? formatMoney(p.ceilingMinor, 'EUR', i18n.language) : '',
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.length === 0 && (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {t('fleet.splitBill.empty')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  )
}

function SplitBillForm({ customerId, onDone }: { customerId: string; onDone(): void }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const errors = useFieldErrors()
  const [name, setName] = useState('')
  const [pays, setPays] = useState<SplitBillProfileView['employerPays']>('plan')
  const [ceiling, setCeiling] = useState<number | string>('')
  const create = useChannelMutation('fleet.splitBill.create', {
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['fleet.splitBill.list'] })
      onDone()
    },
    onError: (e) => errors.take(e) || notifyError(t, e),
  })
  const err = (path: string) => {
    const issue = errors.at(path)
    return issue ? <IssueText issue={issue} /> : undefined
  }
  return (
    <Paper withBorder p="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate({
            customerId,
            name,
            employerPays: pays,
            ceilingMinor: pays === 'ceiling' && ceiling !== '' ? Math.round(Number(ceiling) * 100) : null,
          })
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('fleet.splitBill.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
            autoFocus
          />
          <Select
            label={t('fleet.splitBill.employerPays')}
            value={pays}
            onChange={(v) => v && setPays(v as SplitBillProfileView['employerPays'])}
            data={(['plan', 'plan_and_options', 'ceiling'] as const).map((v) => ({
              value: v,
              label: t(`fleet.splitBill.kinds.${v}`),
            }))}
            allowDeselect={false}
          />
          {pays === 'ceiling' && (
            <NumberInput
              label={t('fleet.splitBill.ceiling')}
              value={ceiling}
              onChange={setCeiling}
              decimalScale={2}
              min={0}
              suffix=" €"
              error={err('ceilingMinor')}
            />
          )}
          <Button variant="default" onClick={onDone}>
            {t('fleet.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('fleet.save')}
          </Button>
        </Group>
      </form>
    </Paper>
  )
}
