import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { DatabaseTooNewError, type MigrateResult, migrate, SCHEMA_VERSION } from './migrate'
import * as schema from './schema'

export type AppDb = ReturnType<typeof drizzle<typeof schema>>

export interface OpenDatabase {
  sqlite: Database.Database
  db: AppDb
  migration: MigrateResult
  close(): void
}

export interface OpenOptions {
  /** Path to better-sqlite3's native addon, when it differs (Electron's ABI). */
  nativeBinding?: string
}

/**
 * Opens (creating if needed) and migrates the desk database. WAL lets readers work during a write;
 * synchronous=FULL makes a committed transaction survive a power cut, which a counter needs more
 * than the last millisecond of write speed.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenDatabase {
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    // Refuse a newer database before anything writes to it: switching to WAL rewrites the header.
    const found = sqlite.pragma('user_version', { simple: true }) as number
    if (found > SCHEMA_VERSION) throw new DatabaseTooNewError(found, SCHEMA_VERSION)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    const migration = migrate(sqlite, { file })
    const db = drizzle(sqlite, { schema })
    return { sqlite, db, migration, close: () => sqlite.close() }
  } catch (error) {
    sqlite.close()
    throw error
  }
}
