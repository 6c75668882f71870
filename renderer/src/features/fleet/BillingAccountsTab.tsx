import { Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { IssueText } from '../../components/IssueText'
import { notifyError, notifySuccess } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { countryName } from '../../lib/format'
import { AddressInputs, type AddressValues, emptyAddress } from './AddressInputs'
import { useFieldErrors } from './useFieldErrors'

/** Billing accounts of the business account: number, name, address; new ones here. */
export function BillingAccountsTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const list = useChannelQuery('fleet.billingAccounts.list', { customerId })
  const [adding, setAdding] = useState(false)
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} size="xs" onClick={() => setAdding(true)}>
          {t('fleet.billing.add')}
        </Button>
      </Group>
      {adding && <BillingAccountForm customerId={customerId} onDone={() => setAdding(false)} />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Skeleton h={80} />}
      {list.data && (
        <Paper withBorder>
          <Table aria-label={t('fleet.tabs.billing')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fleet.billing.number')}</Table.Th>
                <Table.Th>{t('fleet.billing.name')}</Table.Th>
                <Table.Th>{t('fleet.billing.address')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{b.number}</Table.Td>
                  <Table.Td>{b.name}</Table.Td>
                  <Table.Td>
                    {b.address.street}, {b.address.postalCode} {b.address.city} (
                    {countryName(b.address.country, i18n.language)})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.length === 0 && (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {t('fleet.billing.empty')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  )
}

function BillingAccountForm({ customerId, onDone }: { customerId: string; onDone(): void }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const errors = useFieldErrors()
  const [name, setName] = useState('')
  const [address, setAddress] = useState<AddressValues>(emptyAddress)
  const create = useChannelMutation('fleet.billingAccounts.create', {
    onSuccess: (b) => {
      notifySuccess(t('fleet.billing.created', { number: b.number }))
      void client.invalidateQueries({ queryKey: ['fleet.billingAccounts.list'] })
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
          create.mutate({ customerId, name, address })
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t('fleet.billing.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
            autoFocus
          />
          <AddressInputs
            value={address}
            onChange={setAddress}
            errors={{
              street: err('address.street'),
              postalCode: err('address.postalCode'),
              city: err('address.city'),
              country: err('address.country'),
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('fleet.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('fleet.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
