import type { EntityRule } from '../entityRules'

/** What the hub accepts for the invoicing area's entities (see entityRules.ts). */
export const invoicingEntityRules: Record<string, EntityRule> = {}
