/** The hub accepts exactly the request fields the desk sends (see hub-entity-fields.test.ts). */
import { getTableColumns } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { entityRules } from '../../hub/sync/entityRules'
import { provisioningRequestEntity } from '../../main/modules/fleet/provisioning/requestStore'
import { columnNames, deskEntities } from '../../main/sync/deskEntities'

it('provisioning_request: the hub fields are the synced columns', () => {
  const def = provisioningRequestEntity
  const synced = [...columnNames(def.table)].filter((c) => !['id', 'version', 'clocks'].includes(c)).sort()
  expect([...entityRules[def.name]!.fields].sort()).toEqual(synced)
  const columns = getTableColumns(def.table) as Record<string, { notNull: boolean }>
  expect([...entityRules[def.name]!.required].sort()).toEqual(synced.filter((c) => columns[c]!.notNull))
  expect(deskEntities[def.name]?.table).toBe(def.table)
})
