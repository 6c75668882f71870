import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { notifyError } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'

/** The contract's matrix: tariff plans (monthly price) × options (price, or n/a). */
export function ContractTab() {
  const { t, i18n } = useTranslation()
  const catalog = useChannelQuery('fleet.catalog.get', {})
  const session = useCurrentSession()
  const [editing, setEditing] = useState(false)
  if (catalog.isError) return <QueryError error={catalog.error} onRetry={() => void catalog.refetch()} />
  if (!catalog.data) return <Skeleton h={200} />
  const { plans, options, cells } = catalog.data
  const cell = (plan: string, option: string) =>
    cells.find((c) => c.planCode === plan && c.optionCode === option && c.available)
  const money = (minor: number) => formatMoney(minor, 'EUR', i18n.language)
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('fleet.contract.note')}
        </Text>
        {session.staff.role === 'admin' && (
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            {t('fleet.contract.edit')}
          </Button>
        )}
      </Group>
      <Paper withBorder style={{ overflowX: 'auto' }}>
        <Table withColumnBorders striped aria-label={t('fleet.contract.title')} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fleet.contract.plan')}</Table.Th>
              <Table.Th ta="right">{t('fleet.contract.monthly')}</Table.Th>
              {options.map((o) => (
                <Table.Th key={o.code} ta="right" maw={130}>
                  {o.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.map((p) => (
              <Table.Tr key={p.code}>
                <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {p.name}
                  {!p.active && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('fleet.contract.inactive')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(p.monthlyPriceMinor)}
                </Table.Td>
                {options.map((o) => {
                  const c = cell(p.code, o.code)
                  return (
                    <Table.Td
                      key={o.code}
                      ta="right"
                      c={c ? undefined : 'dimmed'}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {c ? money(c.monthlyPriceMinor) : t('fleet.contract.na')}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing && <CellEditor onClose={() => setEditing(false)} />}
    </Stack>
  )
}

/** The administrator's editor of one cell of the matrix (price, or n/a). */
function CellEditor({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const catalog = useChannelQuery('fleet.catalog.get', {})
  const client = useQueryClient()
  const [plan, setPlan] = useState<string | null>(null)
  const [option, setOption] = useState<string | null>(null)
  const [available, setAvailable] = useState(true)
  const [price, setPrice] = useState<number | string>(0)
  const save = useChannelMutation('fleet.catalog.setCell', {
    onSuccess: (data) => {
      client.setQueryData(['fleet.catalog.get', {}], data)
      onClose()
    },
    onError: (e) => notifyError(t, e),
  })
  const data = catalog.data
  return (
    <Modal opened onClose={onClose} title={t('fleet.contract.edit')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!plan || !option) return
          save.mutate({
            planCode: plan,
            optionCode: option,
            available,
            monthlyPriceMinor: Math.round(Number(price) * 100),
          })
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('fleet.contract.plan')}
            data={data?.plans.map((p) => ({ value: p.code, label: p.name })) ?? []}
            value={plan}
            onChange={setPlan}
          />
          <Select
            label={t('fleet.contract.option')}
            data={data?.options.map((o) => ({ value: o.code, label: o.name })) ?? []}
            value={option}
            onChange={(value) => {
              setOption(value)
              const c = data?.cells.find((x) => x.planCode === plan && x.optionCode === value)
              setAvailable(c?.available ?? false)
              setPrice((c?.monthlyPriceMinor ?? 0) / 100)
            }}
          />
          <Checkbox
            label={t('fleet.contract.available')}
            checked={available}
            onChange={(e) => setAvailable(e.currentTarget.checked)}
          />
          <NumberInput
            label={t('fleet.contract.price')}
            decimalScale={2}
            fixedDecimalScale
            min={0}
            value={price}
            onChange={setPrice}
            disabled={!available}
            suffix=" €"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('fleet.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('fleet.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
