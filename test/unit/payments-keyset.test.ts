import Database from 'better-sqlite3'
import { desc } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { decodeKeyset, keysetPage, olderThan } from '../../main/modules/payments/keyset'

const rows = sqliteTable('rows', { id: text('id').primaryKey(), createdAt: text('created_at').notNull() })

describe('payments keyset pages', () => {
  it('walks every row once, newest first, ties broken by id, whatever the page size', () => {
    const sqlite = new Database(':memory:')
    sqlite.exec('CREATE TABLE rows (id TEXT PRIMARY KEY, created_at TEXT NOT NULL)')
    const db = drizzle(sqlite)
    const all = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) => ({
      id,
      // Three rows share one instant: the id orders them.
      createdAt: `2026-11-2${i < 3 ? 0 : i}T10:00:00Z`,
    }))
    db.insert(rows).values(all).run()
    const expected = [...all]
      .sort((x, y) =>
        x.createdAt === y.createdAt ? y.id.localeCompare(x.id) : y.createdAt.localeCompare(x.createdAt),
      )
      .map((r) => r.id)
    for (const limit of [1, 2, 3, 7, 10]) {
      const seen: string[] = []
      let cursor: string | undefined
      for (let guard = 0; guard < 20; guard++) {
        const read = db
          .select()
          .from(rows)
          .where(olderThan(rows.createdAt, rows.id, decodeKeyset(cursor)))
          .orderBy(desc(rows.createdAt), desc(rows.id))
          .limit(limit + 1)
          .all()
        const page = keysetPage(read, limit, (r) => r)
        seen.push(...page.items.map((r) => r.id))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      expect(seen, `limit ${limit}`).toEqual(expected)
    }
  })
})
