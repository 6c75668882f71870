import { Anchor, Breadcrumbs, Skeleton, Stack, Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/hooks'
import { formatRoute, type Workspace } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { BlankSimOrdersTab } from '../fleetDesk/BlankSimOrdersTab'
import { FleetUsersTab } from '../fleetDesk/FleetUsersTab'
import { GroupPacksTab } from '../fleetDesk/GroupPacksTab'
import { TicketsTab } from '../fleetDesk/TicketsTab'
import { BillingAccountsTab } from './BillingAccountsTab'
import { ContractTab } from './ContractTab'
import { goFleet } from './fleetFormat'
import { LinesTab } from './LinesTab'
import { SplitBillTab } from './SplitBillTab'

const tabs = [
  'lines',
  'contract',
  'billing',
  'splitBill',
  'groupPacks',
  'tickets',
  'blankSims',
  'users',
] as const

/** A business account: its SIM inventory, contract, billing, and the fleet-desk tabs. */
export function AccountScreen({
  workspace,
  customerId,
  tab,
}: {
  workspace: Workspace
  customerId: string
  tab: string
}) {
  const { t } = useTranslation()
  const account = useChannelQuery('fleet.accounts.get', { customerId })
  const current = (tabs as readonly string[]).includes(tab) ? tab : 'lines'
  return (
    <Stack gap="xs">
      <Breadcrumbs>
        <Anchor
          href={formatRoute({ name: 'area', workspace, section: 'fleets', rest: [], params: {} })}
          size="sm"
        >
          {t('fleet.accounts.title')}
        </Anchor>
        <span>{account.data?.name ?? '…'}</span>
      </Breadcrumbs>
      {account.isError && <QueryError error={account.error} onRetry={() => void account.refetch()} />}
      {account.isPending && <Skeleton h={40} />}
      {account.data && (
        <PageHeader
          title={account.data.name}
          subtitle={t('fleet.accounts.summary', {
            number: account.data.customerNumber,
            lines: account.data.lines,
            active: account.data.activeLines,
          })}
        />
      )}
      <Tabs
        value={current}
        onChange={(value) =>
          value && goFleet(workspace, [customerId], value === 'lines' ? {} : { tab: value })
        }
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`fleet.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="lines" pt="sm">
          <LinesTab workspace={workspace} customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="contract" pt="sm">
          <ContractTab />
        </Tabs.Panel>
        <Tabs.Panel value="billing" pt="sm">
          <BillingAccountsTab customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="splitBill" pt="sm">
          <SplitBillTab customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="groupPacks" pt="sm">
          <GroupPacksTab customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="tickets" pt="sm">
          <TicketsTab customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="blankSims" pt="sm">
          <BlankSimOrdersTab customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="sm">
          <FleetUsersTab customerId={customerId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
