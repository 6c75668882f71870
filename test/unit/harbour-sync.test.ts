/** The harbour's synced entities: registered at the desk and the hub, with the same fields as the tables. */
import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { entityRules } from '../../hub/sync/entityRules'
import { harbourSyncedEntities } from '../../main/modules/harbour/harbourEntities'
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

describe('harbour entities in sync', () => {
  it.each(harbourSyncedEntities)('$name: the hub accepts exactly what the desk sends', (def) => {
    const rule = entityRules[def.name]
    expect(rule).toBeDefined()
    expect([...rule!.fields].sort()).toEqual(deskSyncedFields(def))
    expect([...rule!.required].sort()).toEqual(deskRequiredFields(def))
  })

  it.each(harbourSyncedEntities)('$name: the desk stores what it pulls in the same table and mode', (def) => {
    const desk = deskEntities[def.name]
    expect(desk?.table).toBe(def.table)
    expect(desk?.mode).toBe(def.versioned ? 'lww' : 'append')
    expect(entityRules[def.name]!.mode).toBe(desk?.mode)
  })
})
