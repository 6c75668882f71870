import {
  fleetBillingAccounts,
  fleetIccids,
  fleetLines,
  fleetNumberPool,
  fleetOptions,
  fleetPlanOptions,
  fleetPlans,
  fleetSplitBillProfiles,
} from '../../db/schema'
import { lineSearchKey } from '../../modules/fleet/lineRules'
import type { DeskEntity } from '../deskEntities'

type Row = Record<string, unknown>

function deriveLine(row: Row): Row {
  return {
    searchKey: lineSearchKey({
      phoneNumber: String(row.phoneNumber ?? ''),
      description: String(row.description ?? ''),
      userFirstName: String(row.userFirstName ?? ''),
      userLastName: String(row.userLastName ?? ''),
    }),
  }
}

/** How this desk stores the fleet area's synced entities pulled from the hub (see deskEntities.ts). */
export const fleetDeskEntities: Record<string, DeskEntity> = {
  fleet_plan: { table: fleetPlans, mode: 'lww' },
  fleet_option: { table: fleetOptions, mode: 'lww' },
  fleet_plan_option: { table: fleetPlanOptions, mode: 'lww' },
  fleet_billing_account: { table: fleetBillingAccounts, mode: 'lww' },
  fleet_split_bill_profile: { table: fleetSplitBillProfiles, mode: 'lww' },
  fleet_line: { table: fleetLines, mode: 'lww', derive: deriveLine },
  fleet_iccid: { table: fleetIccids, mode: 'append' },
  fleet_number: { table: fleetNumberPool, mode: 'lww' },
}
