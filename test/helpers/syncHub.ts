/**
 * A real hub for sync tests: PGlite in a temp folder, or a fresh PostgreSQL database on the server
 * of DATABASE_URL, served over HTTP on 127.0.0.1. It can be stopped, started again, snapshotted
 * (a copy of the PGlite folder / a template copy of the database, taken while it is stopped) and
 * restored from a snapshot, as an administrator would after losing the disk.
 */
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import { type RunningHub, startHub } from '../../hub/server'

export type HubBackend = 'pglite' | 'postgres'

/** The backends to run a hub suite on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function hubBackends(): HubBackend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/** Runs statements on the PostgreSQL server of DATABASE_URL (CREATE/DROP DATABASE need no transaction). */
export async function pgAdmin(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A new, empty PostgreSQL database for one test file: its URL, and how to drop it. */
export async function freshPgDatabase(
  prefix: string,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  await pgAdmin([`CREATE DATABASE ${name}`])
  return {
    name,
    url: withDatabase(process.env.DATABASE_URL!, name),
    drop: () => pgAdmin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  }
}

export class SimHub {
  private store: HubStore | null = null
  private running: RunningHub | null = null
  private snapshots: string[] = []
  /** The current address (the port changes at each start). */
  url = 'http://127.0.0.1:9'

  private constructor(
    readonly backend: HubBackend,
    /** PGlite: the data folder. PostgreSQL: the database name. */
    private readonly where: string,
    private readonly pgUrl: string | null,
  ) {}

  static async create(backend: HubBackend): Promise<SimHub> {
    if (backend === 'pglite') return new SimHub(backend, mkdtempSync(join(tmpdir(), 'guichet-hub-')), null)
    const db = await freshPgDatabase('guichet_sim')
    return new SimHub(backend, db.name, db.url)
  }

  get up(): boolean {
    return this.running !== null
  }

  get db() {
    if (!this.store) throw new Error('hub is stopped')
    return this.store.db
  }

  async start(): Promise<void> {
    if (this.running) return
    this.store = await openHubStore(this.pgUrl ? { databaseUrl: this.pgUrl } : { dataDir: this.where })
    this.running = await startHub({ store: this.store, logLevel: false })
    this.url = this.running.url
  }

  async stop(): Promise<void> {
    await this.running?.close()
    await this.store?.close()
    this.running = null
    this.store = null
  }

  /** A copy of the hub's data, taken while it is stopped; returns its index. */
  async snapshot(): Promise<number> {
    const wasUp = this.up
    await this.stop()
    const index = this.snapshots.length
    if (this.backend === 'pglite') {
      const copy = `${this.where}.snap${index}`
      cpSync(this.where, copy, { recursive: true })
      this.snapshots.push(copy)
    } else {
      const copy = `${this.where}_snap${index}`
      await pgAdmin([`CREATE DATABASE ${copy} TEMPLATE ${this.where}`])
      this.snapshots.push(copy)
    }
    if (wasUp) await this.start()
    return index
  }

  /** Stops the hub and puts back the data of snapshot `index` (everything since is lost). */
  async restore(index: number): Promise<void> {
    const copy = this.snapshots[index]
    if (!copy) throw new Error(`no snapshot ${index}`)
    await this.stop()
    if (this.backend === 'pglite') {
      rmSync(this.where, { recursive: true, force: true })
      cpSync(copy, this.where, { recursive: true })
    } else {
      await pgAdmin([
        `DROP DATABASE IF EXISTS ${this.where} WITH (FORCE)`,
        `CREATE DATABASE ${this.where} TEMPLATE ${copy}`,
      ])
    }
  }

  /** Enrols a desk the way an administrator and the desk's settings screen do; returns its credential. */
  async enrol(deskId: string): Promise<string> {
    const { code } = await createEnrolmentCode(this.db, deskId, `Site ${deskId}`)
    return (await enrolDesk(this.db, code, deskId)).credential
  }

  async dispose(): Promise<void> {
    await this.stop()
    if (this.backend === 'pglite') {
      for (const dir of [this.where, ...this.snapshots]) rmSync(dir, { recursive: true, force: true })
    } else {
      await pgAdmin(
        [this.where, ...this.snapshots].map((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      )
    }
  }
}
