import type { EntityRule } from '../entityRules'

const requestFields = [
  'deskId',
  'lineId',
  'lineLabel',
  'action',
  'payload',
  'effectiveDate',
  'idempotencyKey',
  'state',
  'reasonCode',
  'reason',
  'attempts',
  'nextAttemptAt',
  'lastError',
  'operatorRef',
  'operatorStatus',
  'staffId',
  'sentAt',
  'finishedAt',
  'createdAt',
  'updatedAt',
] as const

/** What the hub accepts for the provisioning area's entities (see entityRules.ts). */
export const provisioningEntityRules: Record<string, EntityRule> = {
  provisioning_request: {
    mode: 'lww',
    deskKinds: ['create', 'update'],
    fields: requestFields,
    required: [
      'deskId',
      'lineId',
      'action',
      'payload',
      'idempotencyKey',
      'state',
      'attempts',
      'createdAt',
      'updatedAt',
    ],
  },
}
