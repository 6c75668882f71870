/**
 * What the hub accepts for each entity (docs/sync.md, "Merge rules"):
 * - `lww`: descriptive records, merged per field by hybrid logical clock; concurrent edits of a
 *   field become conflict records;
 * - `append`: money records and issued documents, inserted once, never updated nor deleted.
 * `numbered` entities carry a number of a per-desk series that may be used only once.
 */
export interface EntityRule {
  mode: 'lww' | 'append'
  /** Which kinds a desk may send (the hub itself creates conflict records). */
  deskKinds: readonly ('create' | 'update' | 'delete' | 'append')[]
  numbered?: { seriesField: string; numberField: string }
}

export const entityRules: Record<string, EntityRule> = {
  customer: { mode: 'lww', deskKinds: ['create', 'update', 'delete'] },
  sync_conflict: { mode: 'lww', deskKinds: ['update'] },
  invoice: {
    mode: 'append',
    deskKinds: ['append'],
    numbered: { seriesField: 'series', numberField: 'number' },
  },
  series_void: {
    mode: 'append',
    deskKinds: ['append'],
    numbered: { seriesField: 'series', numberField: 'number' },
  },
  payment: { mode: 'append', deskKinds: ['append'] },
}

/** A series belongs to one desk: its id ends with the desk id (`2026-C01`). */
export function seriesBelongsTo(series: string, deskId: string): boolean {
  return series === deskId || series.endsWith(`-${deskId}`)
}
