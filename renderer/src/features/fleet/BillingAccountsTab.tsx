import { Group, Stack, Table, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { countryName } from '../../lib/format'
import { AddableTableTab, AddForm, CancelSaveButtons, useAddRecord } from './AddableTableTab'
import { AddressInputs, type AddressValues, emptyAddress } from './AddressInputs'
import { addressIssues } from './issueAt'

/** Billing accounts of the business account: number, name, address; new ones here. */
export function BillingAccountsTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const list = useChannelQuery('fleet.billingAccounts.list', { customerId })
  return (
    <AddableTableTab
      list={list}
      addLabel={t('fleet.billing.add')}
      tableLabel={t('fleet.tabs.billing')}
      emptyLabel={t('fleet.billing.empty')}
      head={
        <>
          <Table.Th>{t('fleet.billing.number')}</Table.Th>
          <Table.Th>{t('fleet.billing.name')}</Table.Th>
          <Table.Th>{t('fleet.billing.address')}</Table.Th>
        </>
      }
      row={(b) => (
        <>
          <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{b.number}</Table.Td>
          <Table.Td>{b.name}</Table.Td>
          <Table.Td>
            {b.address.street}, {b.address.postalCode} {b.address.city} (
            {countryName(b.address.country, i18n.language)})
          </Table.Td>
        </>
      )}
      form={(onDone) => <BillingAccountForm customerId={customerId} onDone={onDone} />}
    />
  )
}

function BillingAccountForm({ customerId, onDone }: { customerId: string; onDone(): void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [address, setAddress] = useState<AddressValues>(emptyAddress)
  const { create, issue } = useAddRecord('fleet.billingAccounts.create', {
    listChannel: 'fleet.billingAccounts.list',
    onDone,
    onCreated: (b) => notifySuccess(t('fleet.billing.created', { number: b.number })),
  })
  return (
    <AddForm onSubmit={() => create.mutate({ customerId, name, address })}>
      <Stack gap="xs">
        <TextInput
          label={t('fleet.billing.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={issue('name')}
          autoFocus
        />
        <AddressInputs value={address} onChange={setAddress} errors={addressIssues(issue, 'address')} />
        <Group justify="flex-end">
          <CancelSaveButtons onCancel={onDone} busy={create.isPending} />
        </Group>
      </Stack>
    </AddForm>
  )
}
