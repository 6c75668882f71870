import type { AreaScreenProps } from '../../app/areaSection'
import { AccountList } from './AccountList'
import { AccountScreen } from './AccountScreen'
import { AddSimWizard } from './AddSimWizard'
import { LineDetailScreen } from './LineDetailScreen'

/**
 * `#/telecom/fleets` → business accounts; `/<customerId>` → the account's tabs;
 * `/<customerId>/add` → the Add-SIM wizard; `/<customerId>/lines/<lineId>` → a line.
 */
export function FleetScreen({ workspace, rest, params }: AreaScreenProps) {
  const [customerId, sub, lineId] = rest
  if (!customerId) return <AccountList workspace={workspace} />
  if (sub === 'add') return <AddSimWizard workspace={workspace} customerId={customerId} />
  if (sub === 'lines' && lineId)
    return <LineDetailScreen workspace={workspace} customerId={customerId} lineId={lineId} />
  return <AccountScreen workspace={workspace} customerId={customerId} tab={params.tab ?? 'lines'} />
}
