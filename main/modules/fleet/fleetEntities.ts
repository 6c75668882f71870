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
import type { EntityDef } from '../../repo/entities'

export const fleetPlanEntity: EntityDef<typeof fleetPlans> = {
  name: 'fleet_plan',
  table: fleetPlans,
  synced: true,
  versioned: true,
}
export const fleetOptionEntity: EntityDef<typeof fleetOptions> = {
  name: 'fleet_option',
  table: fleetOptions,
  synced: true,
  versioned: true,
}
export const fleetPlanOptionEntity: EntityDef<typeof fleetPlanOptions> = {
  name: 'fleet_plan_option',
  table: fleetPlanOptions,
  synced: true,
  versioned: true,
}
export const fleetBillingAccountEntity: EntityDef<typeof fleetBillingAccounts> = {
  name: 'fleet_billing_account',
  table: fleetBillingAccounts,
  synced: true,
  versioned: true,
}
export const fleetSplitBillEntity: EntityDef<typeof fleetSplitBillProfiles> = {
  name: 'fleet_split_bill_profile',
  table: fleetSplitBillProfiles,
  synced: true,
  versioned: true,
}
export const fleetLineEntity: EntityDef<typeof fleetLines> = {
  name: 'fleet_line',
  table: fleetLines,
  synced: true,
  versioned: true,
  localFields: ['searchKey'],
  // The PUK unlocks the SIM: it stays out of the audit log (the line's detail shows it to agents).
  redactedFields: ['puk'],
}
/** An ICCID once used, append-only: never reusable. */
export const fleetIccidEntity: EntityDef<typeof fleetIccids> = {
  name: 'fleet_iccid',
  table: fleetIccids,
  synced: true,
  versioned: false,
}
export const fleetNumberEntity: EntityDef<typeof fleetNumberPool> = {
  name: 'fleet_number',
  table: fleetNumberPool,
  synced: true,
  versioned: true,
}

export const fleetEntities: EntityDef[] = [
  fleetPlanEntity,
  fleetOptionEntity,
  fleetPlanOptionEntity,
  fleetBillingAccountEntity,
  fleetSplitBillEntity,
  fleetLineEntity,
  fleetIccidEntity,
  fleetNumberEntity,
] as EntityDef[]
