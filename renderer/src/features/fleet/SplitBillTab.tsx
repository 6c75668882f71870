import { Group, NumberInput, Select, Table, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SplitBillProfileView } from '../../../../preload/contract/fleet'
import { useChannelQuery } from '../../api/hooks'
import { formatMoney } from '../../lib/format'
import { AddableTableTab, AddForm, CancelSaveButtons, useAddRecord } from './AddableTableTab'

/** Split-bill profiles: what the employer pays, the employee paying the rest. */
export function SplitBillTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const list = useChannelQuery('fleet.splitBill.list', { customerId })
  return (
    <AddableTableTab
      list={list}
      addLabel={t('fleet.splitBill.add')}
      tableLabel={t('fleet.tabs.splitBill')}
      emptyLabel={t('fleet.splitBill.empty')}
      head={
        <>
          <Table.Th>{t('fleet.splitBill.name')}</Table.Th>
          <Table.Th>{t('fleet.splitBill.employerPays')}</Table.Th>
        </>
      }
      row={(p) => (
        <>
          <Table.Td fw={500}>{p.name}</Table.Td>
          <Table.Td>
            {t(`fleet.splitBill.pays.${p.employerPays}`, {
              amount: p.ceilingMinor !== null ? formatMoney(p.ceilingMinor, 'EUR', i18n.language) : '',
            })}
          </Table.Td>
        </>
      )}
      form={(onDone) => <SplitBillForm customerId={customerId} onDone={onDone} />}
    />
  )
}

function SplitBillForm({ customerId, onDone }: { customerId: string; onDone(): void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [pays, setPays] = useState<SplitBillProfileView['employerPays']>('plan')
  const [ceiling, setCeiling] = useState<number | string>('')
  const { create, issue } = useAddRecord('fleet.splitBill.create', {
    listChannel: 'fleet.splitBill.list',
    onDone,
  })
  return (
    <AddForm
      onSubmit={() =>
        create.mutate({
          customerId,
          name,
          employerPays: pays,
          ceilingMinor: pays === 'ceiling' && ceiling !== '' ? Math.round(Number(ceiling) * 100) : null,
        })
      }
    >
      <Group align="flex-end">
        <TextInput
          label={t('fleet.splitBill.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={issue('name')}
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
            error={issue('ceilingMinor')}
          />
        )}
        <CancelSaveButtons onCancel={onDone} busy={create.isPending} />
      </Group>
    </AddForm>
  )
}
