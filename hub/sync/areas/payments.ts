import type { EntityRule } from '../entityRules'

/** What the hub accepts for the payments area's entities (see entityRules.ts). */
export const paymentsEntityRules: Record<string, EntityRule> = {}
