import type { EntityRule } from '../entityRules'

/** What the hub accepts for the fleetDesk area's entities (see entityRules.ts). */
export const fleetDeskEntityRules: Record<string, EntityRule> = {}
