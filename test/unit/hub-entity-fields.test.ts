/**
 * The fields the hub accepts for each entity are exactly those the desks send and understand:
 * a column added at the desk without the hub knowing would be refused (INVALID, in the sync
 * issues list), and a field the hub accepted but desks do not know would stop every desk's pull.
 */
import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { precheck } from '../../hub/sync/applyOp'
import { entityRules } from '../../hub/sync/entityRules'
import { invoiceEntity, paymentEntity, seriesVoidEntity } from '../../main/modules/billing/billingService'
import { customerEntity } from '../../main/modules/customers/customerService'
import type { EntityDef } from '../../main/repo/entities'
import { columnNames } from '../../main/sync/deskEntities'
import { makeOp } from '../fixtures/hub-harness'

/** What the desk's repository puts in an operation: every column but id, version, clocks and local ones. */
function deskSyncedFields(def: EntityDef): string[] {
  const skip = new Set(['id', 'version', 'clocks', ...(def.localFields ?? [])])
  return [...columnNames(def.table)].filter((c) => !skip.has(c)).sort()
}

/** Of those, the ones whose column is NOT NULL at the desk. */
function deskRequiredFields(def: EntityDef): string[] {
  const columns = getTableColumns(def.table) as Record<string, { notNull: boolean }>
  return deskSyncedFields(def).filter((c) => columns[c]!.notNull)
}

describe('entity fields accepted by the hub', () => {
  it.each([customerEntity, invoiceEntity, paymentEntity, seriesVoidEntity] as EntityDef[])(
    '$name: the same as the desk sends',
    (def) => {
      expect([...entityRules[def.name]!.fields].sort()).toEqual(deskSyncedFields(def))
      expect([...entityRules[def.name]!.required].sort()).toEqual(deskRequiredFields(def))
    },
  )

  it('sync_conflict: a desk only resolves (status, resolution, resolvedBy)', () => {
    expect(entityRules.sync_conflict!.required).toEqual(['status', 'updatedAt'])
    const ok = makeOp('C01', {
      entity: 'sync_conflict',
      kind: 'update',
      fields: { status: 'resolved', resolution: 'theirs', resolvedBy: 'x', updatedAt: 'now' },
    })
    expect(precheck(ok, 'C01')).toBeNull()
    const rewrite = makeOp('C01', { entity: 'sync_conflict', kind: 'update', fields: { theirs: 'forged' } })
    expect(precheck(rewrite, 'C01')).toMatchObject({ status: 'rejected', reason: 'INVALID' })
  })

  it('a field unknown to the entity is refused before anything is read or written', () => {
    const op = makeOp('C01', { fields: { displayName: 'X', version: 'x' } })
    expect(precheck(op, 'C01')).toMatchObject({ status: 'rejected', reason: 'INVALID' })
  })
})
