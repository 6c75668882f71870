import type { EntityRule } from '../entityRules'

const deskKinds = {
  lww: ['create', 'update'],
  append: ['append'],
} as const satisfies Record<EntityRule['mode'], EntityRule['deskKinds']>

/**
 * The rule of an entity the desks create and update (`lww`, merged field by field) or only append
 * (`append`): the `fields` a desk sends, every one of them required (NOT NULL at the desks) but the
 * `optional` ones, and the `refs` that must exist at the hub first.
 */
export function syncedRule(
  mode: EntityRule['mode'],
  fields: readonly string[],
  { optional = [], refs }: { optional?: readonly string[]; refs?: EntityRule['refs'] } = {},
): EntityRule {
  const unknown = optional.filter((f) => !fields.includes(f))
  if (unknown.length > 0) throw new Error(`optional fields not among the fields: ${unknown.join(', ')}`)
  return {
    mode,
    deskKinds: deskKinds[mode],
    ...(refs ? { refs } : {}),
    fields,
    required: fields.filter((f) => !optional.includes(f)),
  }
}
