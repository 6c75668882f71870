import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import type { Migration } from '../../main/db/migrationFiles'
import { migrations as embedded } from './migrations.generated'
import * as schema from './schema'
import type { HubDb } from './types'

export interface HubStore {
  db: HubDb
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export interface StoreOptions {
  /** PostgreSQL connection string; without it, PGlite in `dataDir` (or in memory). */
  databaseUrl?: string | undefined
  dataDir?: string | undefined
  migrations?: Migration[]
}

// Any constant: every hub process takes this lock to migrate, so that two processes starting on
// one PostgreSQL database never run the same migration twice.
const MIGRATION_LOCK = 7_406_431

export class HubDatabaseTooNewError extends Error {
  constructor(tags: string[]) {
    super(
      `La base du hub contient des migrations inconnues de cette version (${tags.join(', ')}) : mettez le hub à jour.`,
    )
    this.name = 'HubDatabaseTooNewError'
  }
}

/** Applies the hub's migrations not yet applied, in one transaction under an advisory lock. */
export async function migrateHub(db: HubDb, migrations: Migration[] = embedded): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS hub_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    const rows = await tx.select({ tag: sql<string>`tag` }).from(sql`hub_migrations`)
    const applied = new Set(rows.map((r) => r.tag))
    const known = new Set(migrations.map((m) => m.tag))
    const unknown = [...applied].filter((t) => !known.has(t))
    if (unknown.length > 0) throw new HubDatabaseTooNewError(unknown)
    const done: string[] = []
    for (const migration of migrations) {
      if (applied.has(migration.tag)) continue
      for (const statement of migration.statements) await tx.execute(sql.raw(statement))
      await tx.execute(sql`INSERT INTO hub_migrations (tag) VALUES (${migration.tag})`)
      done.push(migration.tag)
    }
    return done
  })
}

export async function openHubStore(options: StoreOptions = {}): Promise<HubStore> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    const db = drizzlePg(pool, { schema }) as unknown as HubDb
    try {
      await migrateHub(db, options.migrations)
    } catch (error) {
      await pool.end()
      throw error
    }
    return { db, kind: 'postgres', close: () => pool.end() }
  }
  const client = new PGlite(options.dataDir ?? 'memory://')
  const db = drizzlePglite(client, { schema }) as unknown as HubDb
  try {
    await migrateHub(db, options.migrations)
  } catch (error) {
    await client.close()
    throw error
  }
  return { db, kind: 'pglite', close: () => client.close() }
}
