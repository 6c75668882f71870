import {
  harbourBerths,
  harbourBoats,
  harbourContracts,
  harbourPontoons,
  harbourSettings,
  harbourSignatureSteps,
  harbourTariffs,
} from '../../db/schema'
import type { EntityDef } from '../../repo/entities'

/*
 * How the repository treats the harbour tables. Descriptive records (boats, pontoons, berths,
 * contracts) merge per field at the hub; tariff versions and signature steps are facts, appended
 * once. The harbour identity is desk-local (each desk's admin sets it, like the desk's settings).
 */

export const boatEntity: EntityDef<typeof harbourBoats> = {
  name: 'harbour_boat',
  table: harbourBoats,
  synced: true,
  versioned: true,
}
export const pontoonEntity: EntityDef<typeof harbourPontoons> = {
  name: 'harbour_pontoon',
  table: harbourPontoons,
  synced: true,
  versioned: true,
}
export const berthEntity: EntityDef<typeof harbourBerths> = {
  name: 'harbour_berth',
  table: harbourBerths,
  synced: true,
  versioned: true,
}
export const tariffEntity: EntityDef<typeof harbourTariffs> = {
  name: 'harbour_tariff',
  table: harbourTariffs,
  synced: true,
  versioned: false,
}
export const contractEntity: EntityDef<typeof harbourContracts> = {
  name: 'harbour_contract',
  table: harbourContracts,
  synced: true,
  versioned: true,
}
export const signatureStepEntity: EntityDef<typeof harbourSignatureSteps> = {
  name: 'harbour_signature_step',
  table: harbourSignatureSteps,
  synced: true,
  versioned: false,
}
export const harbourSettingEntity: EntityDef<typeof harbourSettings> = {
  name: 'harbour_setting',
  table: harbourSettings,
  synced: false,
  versioned: false,
}

export const harbourSyncedEntities = [
  boatEntity,
  pontoonEntity,
  berthEntity,
  tariffEntity,
  contractEntity,
  signatureStepEntity,
] as EntityDef[]

/** The sync columns a versioned insert fills itself (the repository stamps version and clocks). */
export function newRecordMeta(now: string) {
  return { version: '', clocks: '', createdAt: now, updatedAt: now }
}
