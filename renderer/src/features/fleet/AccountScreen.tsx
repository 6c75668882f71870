import { Skeleton, Stack, Tabs } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/hooks'
import type { Workspace } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { BlankSimOrdersTab } from '../fleetDesk/BlankSimOrdersTab'
import { FleetUsersTab } from '../fleetDesk/FleetUsersTab'
import { GroupPacksTab } from '../fleetDesk/GroupPacksTab'
import { TicketsTab } from '../fleetDesk/TicketsTab'
import { BillingAccountsTab } from './BillingAccountsTab'
import { ContractTab } from './ContractTab'
import { FleetBreadcrumbs } from './FleetBreadcrumbs'
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
  const panels: Record<(typeof tabs)[number], ReactNode> = {
    lines: <LinesTab workspace={workspace} customerId={customerId} />,
    contract: <ContractTab />,
    billing: <BillingAccountsTab customerId={customerId} />,
    splitBill: <SplitBillTab customerId={customerId} />,
    groupPacks: <GroupPacksTab customerId={customerId} />,
    tickets: <TicketsTab customerId={customerId} />,
    blankSims: <BlankSimOrdersTab customerId={customerId} />,
    users: <FleetUsersTab customerId={customerId} />,
  }
  return (
    <Stack gap="xs">
      <FleetBreadcrumbs workspace={workspace} current={account.data?.name ?? '…'} />
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
        {tabs.map((key) => (
          <Tabs.Panel key={key} value={key} pt="sm">
            {panels[key]}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}
