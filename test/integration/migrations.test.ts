import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatabaseTooNewError, migrate, SCHEMA_VERSION } from '../../main/db/migrate'
import type { Migration } from '../../main/db/migrationFiles'
import { migrations } from '../../main/db/migrations.generated'
import { openDatabase } from '../../main/db/open'
import { tableNames } from '../helpers/db'

const ALL_TABLES = [
  'audit_log',
  'clock_state',
  'customer_phone_keys',
  'customers',
  'outbox',
  'settings',
  'staff',
]
const V1_TABLES = ['audit_log', 'clock_state', 'outbox', 'settings', 'staff']

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-migrate-'))
  file = join(dir, 'guichet.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const userVersion = (sqlite: Database.Database) => sqlite.pragma('user_version', { simple: true }) as number
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const schemaSql = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all()

/** A database as the previous release left it: only the first migration, with data in it. */
function previousVersionDatabase(): void {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  migrate(sqlite, { file, migrations: migrations.slice(0, 1) })
  sqlite.exec(`
    INSERT INTO staff (id, username, display_name, role, password_hash, active, created_at)
      VALUES ('01JSTAFF000000000000000001', 'marie', 'Marie Lefèvre', 'counter', 'scrypt$x', 1, '2026-01-02T08:00:00.000Z');
    INSERT INTO settings (id, value) VALUES ('deskName', 'Port de Tanger');
    INSERT INTO audit_log (id, at, staff_id, desk_id, action, entity, entity_id, before, after)
      VALUES ('01JAUDIT000000000000000001', '2026-01-02T08:00:00.000Z', NULL, 'C01', 'staff.create', 'staff', '01JSTAFF000000000000000001', NULL, '{}');
    INSERT INTO clock_state (id, last) VALUES (1, '001767340800000-000000-C01');
  `)
  sqlite.close()
}

describe('openDatabase on an empty file', () => {
  it('migrates to the latest schema and sets the pragmas', () => {
    const database = openDatabase(file)
    try {
      const { sqlite } = database
      expect(database.migration).toEqual({ from: 0, to: migrations.length, backupFile: null })
      expect(userVersion(sqlite)).toBe(migrations.length)
      expect(SCHEMA_VERSION).toBe(migrations.length)
      expect(tableNames(sqlite)).toEqual(expect.arrayContaining(ALL_TABLES))
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
      // foreign keys are enforced, not only declared
      expect(() =>
        sqlite
          .prepare("INSERT INTO customer_phone_keys (tail, customer_id) VALUES ('12345678', 'nobody')")
          .run(),
      ).toThrow(/FOREIGN KEY/)
    } finally {
      database.close()
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([])
  })

  it('opens an up-to-date database without migrating or backing up again', () => {
    openDatabase(file).close()
    const before = readdirSync(dir)
    const database = openDatabase(file)
    expect(database.migration).toEqual({ from: migrations.length, to: migrations.length, backupFile: null })
    database.close()
    expect(readdirSync(dir).sort()).toEqual(before.sort())
  })
})

describe('openDatabase on a previous-version database', () => {
  it('brings it up to date, keeps its data, and takes a backup first', () => {
    previousVersionDatabase()

    const database = openDatabase(file)
    try {
      const { sqlite, migration } = database
      expect(migration.from).toBe(1)
      expect(migration.to).toBe(migrations.length)
      expect(userVersion(sqlite)).toBe(migrations.length)
      expect(tableNames(sqlite)).toEqual(expect.arrayContaining(ALL_TABLES))
      expect(sqlite.prepare('SELECT username, display_name FROM staff').all()).toEqual([
        { username: 'marie', display_name: 'Marie Lefèvre' },
      ])
      expect(sqlite.prepare('SELECT value FROM settings WHERE id = ?').get('deskName')).toEqual({
        value: 'Port de Tanger',
      })
      expect(sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 })
      expect(sqlite.prepare('SELECT last FROM clock_state').get()).toEqual({
        last: '001767340800000-000000-C01',
      })
    } finally {
      database.close()
    }

    const backupFile = database.migration.backupFile!
    expect(backupFile).toMatch(new RegExp(`guichet\\.sqlite\\.before-v${migrations.length}-.+\\.bak$`))
    expect(existsSync(backupFile)).toBe(true)
    const backup = new Database(backupFile, { readonly: true, fileMustExist: true })
    try {
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(userVersion(backup)).toBe(1)
      expect(tableNames(backup)).toEqual(V1_TABLES)
      expect(backup.prepare('SELECT username FROM staff').all()).toEqual([{ username: 'marie' }])
      expect(backup.prepare('SELECT value FROM settings').all()).toEqual([{ value: 'Port de Tanger' }])
    } finally {
      backup.close()
    }
  })

  it('refuses to overwrite an existing backup', () => {
    previousVersionDatabase()
    const sqlite = new Database(file)
    const now = () => new Date('2026-11-22T09:00:00.000Z')
    const first = migrate(sqlite, { file, migrations: migrations.slice(0, 1), now }) // nothing to do
    expect(first.backupFile).toBeNull()
    // Simulate the backup of an earlier attempt at the same instant.
    const target = `${file}.before-v${migrations.length}-2026-11-22T09-00-00-000Z.bak`
    sqlite.prepare('VACUUM INTO ?').run(target)
    expect(() => migrate(sqlite, { file, now })).toThrow(/already exists/)
    expect(userVersion(sqlite)).toBe(1)
    sqlite.close()
  })
})

describe('a database from a newer version of Guichet', () => {
  it.each([
    ['in WAL mode', 'wal'],
    ['in rollback-journal mode', 'delete'],
  ])('is refused with a French message and left unchanged (%s)', (_name, journalMode) => {
    const setup = openDatabase(file)
    setup.sqlite.prepare("INSERT INTO settings (id, value) VALUES ('deskName', 'Futur')").run()
    setup.sqlite.pragma(`journal_mode = ${journalMode}`)
    setup.sqlite.pragma(`user_version = ${SCHEMA_VERSION + 3}`)
    setup.close()
    const hash = sha256(file)
    const files = readdirSync(dir).sort()

    let thrown: unknown
    try {
      openDatabase(file).close()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError)
    const error = thrown as DatabaseTooNewError
    expect(error.found).toBe(SCHEMA_VERSION + 3)
    expect(error.known).toBe(SCHEMA_VERSION)
    expect(error.message).toContain(`schéma ${SCHEMA_VERSION + 3}`)
    expect(error.message).toMatch(/plus récent.*mettez l’application à jour/)

    expect(sha256(file)).toBe(hash)
    expect(readdirSync(dir).sort()).toEqual(files)
    const check = new Database(file, { readonly: true })
    expect(userVersion(check)).toBe(SCHEMA_VERSION + 3)
    expect(check.pragma('journal_mode', { simple: true })).toBe(journalMode)
    check.close()
  })

  it('is refused by migrate itself', () => {
    const sqlite = new Database(file)
    sqlite.pragma('user_version = 99')
    expect(() => migrate(sqlite, { file })).toThrow(DatabaseTooNewError)
    expect(tableNames(sqlite)).toEqual([])
    sqlite.close()
  })
})

describe('a migration that fails midway', () => {
  const broken: Migration = {
    tag: '9999_broken',
    statements: [
      'CREATE TABLE half_done (id integer PRIMARY KEY)',
      'ALTER TABLE customers ADD COLUMN loyalty integer',
      "INSERT INTO settings (id, value) VALUES ('migrated', 'yes')",
      'CREATE TABLE broken (', // syntax error
    ],
  }

  it('rolls back entirely on a database that holds data', () => {
    const setup = openDatabase(file)
    setup.sqlite.prepare("INSERT INTO settings (id, value) VALUES ('deskName', 'Avant')").run()
    setup.close()
    const sqlite = new Database(file)
    const schemaBefore = schemaSql(sqlite)

    expect(() => migrate(sqlite, { file, migrations: [...migrations, broken] })).toThrow()

    expect(userVersion(sqlite)).toBe(migrations.length)
    expect(schemaSql(sqlite)).toEqual(schemaBefore)
    expect(tableNames(sqlite)).not.toContain('half_done')
    expect(sqlite.prepare('SELECT id, value FROM settings').all()).toEqual([
      { id: 'deskName', value: 'Avant' },
    ])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    sqlite.close()
    // the database still opens normally afterwards
    openDatabase(file).close()
  })

  it('leaves an empty database empty', () => {
    const sqlite = new Database(file)
    expect(() => migrate(sqlite, { file, migrations: [migrations[0]!, broken] })).toThrow()
    expect(userVersion(sqlite)).toBe(0)
    expect(tableNames(sqlite)).toEqual([])
    sqlite.close()
  })
})
