import type { EntityRule } from '../entityRules'

/** What the hub accepts for the harbour area's entities (see entityRules.ts). */
export const harbourEntityRules: Record<string, EntityRule> = {}
