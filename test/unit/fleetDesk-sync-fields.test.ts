/** The hub accepts exactly the fleet-desk fields the desks send and understand (see hub-entity-fields.test.ts). */
import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { entityRules } from '../../hub/sync/entityRules'
import { fleetDeskEntityDefs } from '../../main/modules/fleetDesk/fleetDeskEntities'
import type { EntityDef } from '../../main/repo/entities'
import { columnNames, deskEntities } from '../../main/sync/deskEntities'

function deskSyncedFields(def: EntityDef): string[] {
  const skip = new Set(['id', 'version', 'clocks', ...(def.localFields ?? [])])
  return [...columnNames(def.table)].filter((c) => !skip.has(c)).sort()
}

function deskRequiredFields(def: EntityDef): string[] {
  const columns = getTableColumns(def.table) as Record<string, { notNull: boolean }>
  return deskSyncedFields(def).filter((c) => columns[c]!.notNull)
}

describe('fleet-desk entities at the hub and on the desks', () => {
  it.each(fleetDeskEntityDefs)('$name: the fields the desk sends, the same mode on both sides', (def) => {
    const rule = entityRules[def.name]!
    expect([...rule.fields].sort()).toEqual(deskSyncedFields(def))
    expect([...rule.required].sort()).toEqual(deskRequiredFields(def))
    const desk = deskEntities[def.name]!
    expect(desk.table).toBe(def.table)
    // Facts (usage, status changes, invitations) are appended, never merged.
    expect(desk.mode).toBe(def.versioned ? 'lww' : 'append')
    expect(rule.mode).toBe(desk.mode)
  })
})
