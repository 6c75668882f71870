import {
  harbourBerths,
  harbourBoats,
  harbourContracts,
  harbourPontoons,
  harbourSignatureSteps,
  harbourTariffs,
} from '../../db/schema'
import type { DeskEntity } from '../deskEntities'

/**
 * How this desk stores the harbour area's synced entities pulled from the hub (see deskEntities.ts).
 * Boats, pontoons, berths and contracts merge per field; tariff versions and signature steps are
 * facts appended once (a revised price is a new version, a step is never taken back).
 */
export const harbourDeskEntities: Record<string, DeskEntity> = {
  harbour_boat: { table: harbourBoats, mode: 'lww' },
  harbour_pontoon: { table: harbourPontoons, mode: 'lww' },
  harbour_berth: { table: harbourBerths, mode: 'lww' },
  harbour_tariff: { table: harbourTariffs, mode: 'append' },
  harbour_contract: { table: harbourContracts, mode: 'lww' },
  harbour_signature_step: { table: harbourSignatureSteps, mode: 'append' },
}
