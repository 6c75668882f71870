import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { RowStatements } from '../../main/repo/rowStatements'

const things = sqliteTable('things', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  confirmed: integer('confirmed', { mode: 'boolean' }).notNull(),
  amountMinor: integer('amount_minor'),
  kind: text('kind').notNull().default('plain'),
})

function setup() {
  const sqlite = new Database(':memory:')
  sqlite.exec(`CREATE TABLE things (id TEXT PRIMARY KEY, display_name TEXT NOT NULL,
    confirmed INTEGER NOT NULL, amount_minor INTEGER, kind TEXT NOT NULL DEFAULT 'plain')`)
  return { sqlite, db: drizzle(sqlite), rows: new RowStatements(sqlite).of(things) }
}

describe('RowStatements', () => {
  it('reads and writes rows exactly as drizzle does (names, booleans, nulls, SQL defaults)', () => {
    const { db, rows } = setup()
    rows.insert({ id: 'a', displayName: 'Quai "Nord"', confirmed: true, amountMinor: null, extra: 'ignored' })
    db.insert(things).values({ id: 'b', displayName: 'Quai Sud', confirmed: false, amountMinor: 1250 }).run()
    expect(rows.load('a')).toEqual(db.select().from(things).all()[0])
    expect(rows.load('a')).toEqual({
      id: 'a',
      displayName: 'Quai "Nord"',
      confirmed: true,
      amountMinor: null,
      kind: 'plain',
    })
    expect(rows.load('b')).toEqual({
      id: 'b',
      displayName: 'Quai Sud',
      confirmed: false,
      amountMinor: 1250,
      kind: 'plain',
    })
    expect(rows.load('missing')).toBeUndefined()
  })

  it('updates only the given fields and deletes by id', () => {
    const { rows } = setup()
    rows.insert({ id: 'a', displayName: 'Ponton A', confirmed: false, amountMinor: 10 })
    rows.update('a', { confirmed: true, amountMinor: undefined })
    expect(rows.load('a')).toMatchObject({ confirmed: true, amountMinor: 10, displayName: 'Ponton A' })
    rows.update('a', { amountMinor: null })
    expect(rows.load('a')?.amountMinor).toBeNull()
    rows.delete('a')
    expect(rows.load('a')).toBeUndefined()
  })
})
