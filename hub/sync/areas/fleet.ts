import type { EntityRule } from '../entityRules'

/** What the hub accepts for the fleet area's entities (see entityRules.ts). */
export const fleetEntityRules: Record<string, EntityRule> = {}
