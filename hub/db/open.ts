import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import type { Migration } from '../../main/db/migrationFiles'
import { type FolderLock, lockFolder } from './folderLock'
import { migrations as embedded } from './migrations.generated'
import * as schema from './schema'
import type { HubDb } from './types'

export interface HubStore {
  db: HubDb
  kind: 'pglite' | 'postgres'
  /** PGlite only: the folder's lock (see folderLock.ts); null in memory and on PostgreSQL. */
  lock: FolderLock | null
  /** One round trip to the database; throws when it does not answer. */
  ping(): Promise<void>
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

/** Runs `close` once, however often it is called (a signal handler and a test may both call it). */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null
  return () => {
    closing ??= close()
    return closing
  }
}

/**
 * Opens the hub's database and brings its schema up to date: PostgreSQL when `databaseUrl` is
 * set (any number of hub processes), else PGlite in `dataDir` (one process per folder, enforced by
 * a lock file: HubFolderBusyError) or in memory.
 */
export async function openHubStore(options: StoreOptions = {}): Promise<HubStore> {
  if (options.databaseUrl) {
    // A dead or unreachable server fails requests after 5 s instead of holding them forever.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
    })
    // An idle client whose server went away emits 'error' on the pool: the next query reconnects.
    pool.on('error', () => undefined)
    const db = drizzlePg(pool, { schema }) as unknown as HubDb
    try {
      await migrateHub(db, options.migrations)
    } catch (error) {
      await pool.end()
      throw error
    }
    return {
      db,
      kind: 'postgres',
      lock: null,
      ping: async () => {
        await pool.query('SELECT 1')
      },
      close: once(() => pool.end()),
    }
  }
  const lock = options.dataDir ? lockFolder(options.dataDir) : null
  let client: PGlite
  try {
    client = new PGlite(options.dataDir ?? 'memory://')
    await client.waitReady
  } catch (error) {
    lock?.release()
    throw error
  }
  const db = drizzlePglite(client, { schema }) as unknown as HubDb
  const close = once(async () => {
    try {
      if (!client.closed) await client.close()
    } finally {
      lock?.release()
    }
  })
  try {
    await migrateHub(db, options.migrations)
  } catch (error) {
    await close()
    throw error
  }
  return {
    db,
    kind: 'pglite',
    lock,
    ping: async () => {
      await client.query('SELECT 1')
    },
    close,
  }
}
