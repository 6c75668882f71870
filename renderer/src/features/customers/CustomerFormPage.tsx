import { Skeleton } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerSaved } from '../../../../preload/contract'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { navigate } from '../../app/navigation'
import { defaultListState, type Route, type Workspace } from '../../app/routes'
import { notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { CustomerForm } from './CustomerForm'
import { emptyCustomerForm, formValuesFromCustomer } from './customerFormValues'
import { useCustomerSaved } from './useCustomerSaved'

function useAfterSave(workspace: Workspace, message: 'created' | 'updated', returnTo?: Route) {
  const { t } = useTranslation()
  const remember = useCustomerSaved()
  return (saved: CustomerSaved) => {
    remember(saved)
    const duplicates = saved.duplicates.length
    notifySuccess(
      [
        t(`customerForm.${message}`, { number: saved.customer.customerNumber }),
        duplicates > 0 ? t('customerForm.savedWithDuplicates', { count: duplicates }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    )
    navigate(returnTo ?? { name: 'customer', workspace, id: saved.customer.id })
  }
}

export function CustomerCreatePage({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const create = useChannelMutation('customers.create')
  const initial = useMemo(emptyCustomerForm, [])
  const onSaved = useAfterSave(workspace, 'created')
  return (
    <CustomerForm
      workspace={workspace}
      title={t('customerForm.newTitle')}
      initial={initial}
      save={(input) => create.mutateAsync(input)}
      onSaved={onSaved}
      onCancel={() => navigate({ name: 'customers', workspace, list: defaultListState })}
    />
  )
}

/** `returnTo`: where saving or cancelling leads (the sync issues it was opened from), else the record. */
export function CustomerEditPage({
  workspace,
  id,
  returnTo,
}: {
  workspace: Workspace
  id: string
  returnTo?: Route
}) {
  const { t } = useTranslation()
  const customer = useChannelQuery('customers.get', { id })
  const update = useChannelMutation('customers.update')
  const onSaved = useAfterSave(workspace, 'updated', returnTo)
  const data = customer.data
  const initial = useMemo(() => (data ? formValuesFromCustomer(data) : null), [data])

  if (customer.isError) {
    return (
      <>
        <PageHeader title={t('customerForm.editTitle', { name: '' })} />
        <QueryError error={customer.error} onRetry={() => void customer.refetch()} />
      </>
    )
  }
  if (!data || !initial) return <Skeleton h={400} />
  return (
    <CustomerForm
      // A reloaded record (after a CONFLICT) starts a fresh form with its values.
      key={data.version}
      workspace={workspace}
      title={t('customerForm.editTitle', { name: data.displayName })}
      initial={initial}
      customerId={id}
      issuePrefix="customer."
      save={(input) => update.mutateAsync({ id, expectedVersion: data.version, customer: input })}
      onSaved={onSaved}
      onCancel={() => navigate(returnTo ?? { name: 'customer', workspace, id })}
      onReload={() => void customer.refetch()}
    />
  )
}
