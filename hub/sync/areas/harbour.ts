import type { EntityRule } from '../entityRules'
import { syncedRule } from './syncedRule'

/**
 * What the hub accepts for the harbour area's entities (see entityRules.ts). Kept equal to the
 * desks' columns by test/unit/harbour-sync.test.ts.
 */
export const harbourEntityRules: Record<string, EntityRule> = {
  harbour_boat: syncedRule(
    'lww',
    [
      'customerId',
      'name',
      'registration',
      'boatType',
      'lengthCm',
      'beamCm',
      'draughtCm',
      'insuranceExpiry',
      'createdAt',
      'updatedAt',
    ],
    { optional: ['insuranceExpiry'], refs: { customerId: 'customer' } },
  ),
  harbour_pontoon: syncedRule('lww', ['code', 'name', 'createdAt', 'updatedAt']),
  harbour_berth: syncedRule(
    'lww',
    ['pontoonId', 'code', 'position', 'maxLengthCm', 'maxBeamCm', 'status', 'createdAt', 'updatedAt'],
    { refs: { pontoonId: 'harbour_pontoon' } },
  ),
  harbour_tariff: syncedRule(
    'append',
    [
      'contractType',
      'season',
      'lengthFromCm',
      'lengthToCm',
      'netMinor',
      'currency',
      'vatRateBp',
      'validFrom',
      'previousId',
      'deskId',
      'staffId',
      'createdAt',
    ],
    { optional: ['previousId', 'staffId'] },
  ),
  harbour_contract: syncedRule(
    'lww',
    [
      'contractNumber',
      'kind',
      'referencesId',
      'customerId',
      'boatId',
      'berthId',
      'contractType',
      'startDate',
      'endDate',
      'homePort',
      'paymentMethod',
      'instalments',
      'currency',
      'pricing',
      'totalNetMinor',
      'totalVatMinor',
      'totalGrossMinor',
      'boatSnapshot',
      'status',
      'signedAt',
      'signedSha256',
      'notes',
      'deskId',
      'createdAt',
      'updatedAt',
    ],
    {
      optional: ['referencesId', 'berthId', 'signedAt', 'signedSha256', 'notes'],
      refs: {
        customerId: 'customer',
        boatId: 'harbour_boat',
        berthId: 'harbour_berth',
        referencesId: 'harbour_contract',
      },
    },
  ),
  harbour_signature_step: syncedRule(
    'append',
    ['contractId', 'step', 'at', 'staffId', 'deskId', 'createdAt'],
    { optional: ['staffId'], refs: { contractId: 'harbour_contract' } },
  ),
}
