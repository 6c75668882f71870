import { existsSync } from 'node:fs'
import type Database from 'better-sqlite3'
import type { Migration } from './migrationFiles'
import { migrations as embedded } from './migrations.generated'

/** The schema version this build writes: the number of migrations it knows. */
export const SCHEMA_VERSION = embedded.length

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `Cette base de données est au schéma ${found}, plus récent que celui de cette version de Guichet (${known}) : mettez l’application à jour.`,
    )
    this.name = 'DatabaseTooNewError'
  }
}

export interface MigrateResult {
  from: number
  to: number
  backupFile: string | null
}

/**
 * Brings the database to this build's schema. `PRAGMA user_version` counts the applied migrations
 * (it lives in the file header and changes atomically with the transaction). A copy of the file is
 * taken with VACUUM INTO before touching a database that holds data, and all pending migrations run
 * in one transaction: a failure leaves the file exactly as it was.
 */
export function migrate(
  sqlite: Database.Database,
  options: { file: string; migrations?: Migration[]; now?: () => Date } = { file: ':memory:' },
): MigrateResult {
  const migrations = options.migrations ?? embedded
  const from = sqlite.pragma('user_version', { simple: true }) as number
  if (from > migrations.length) throw new DatabaseTooNewError(from, migrations.length)
  if (from === migrations.length) return { from, to: from, backupFile: null }

  let backupFile: string | null = null
  if (from > 0 && options.file !== ':memory:') {
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    backupFile = `${options.file}.before-v${migrations.length}-${stamp}.bak`
    if (existsSync(backupFile)) throw new Error(`backup ${backupFile} already exists`)
    sqlite.prepare('VACUUM INTO ?').run(backupFile)
  }

  sqlite
    .transaction(() => {
      for (const migration of migrations.slice(from)) {
        for (const statement of migration.statements) sqlite.exec(statement)
      }
      sqlite.pragma(`user_version = ${migrations.length}`)
    })
    .immediate()
  return { from, to: migrations.length, backupFile }
}
