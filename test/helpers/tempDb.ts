import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Clock, fixedClock } from '../../main/app/clock'
import { type OpenDatabase, openDatabase } from '../../main/db/open'
import { CustomerService } from '../../main/modules/customers/customerService'
import { type Actor, Repository } from '../../main/repo/repository'

export interface TempDb {
  dir: string
  file: string
  database: OpenDatabase
  repo: Repository
  customers: CustomerService
  actor: Actor
  /** Closes the file and opens it again (as after a restart), with another clock if given. */
  reopen(clock?: Clock): void
  dispose(): void
}

/** A migrated database on a real file in a temp dir, with its repository layer; no staff, no router. */
export function tempDb(options: { deskId?: string; clock?: Clock; dir?: string } = {}): TempDb {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'guichet-db-'))
  const file = join(dir, 'guichet.sqlite')
  const deskId = options.deskId ?? 'T01'
  const make = (clock: Clock) => {
    const database = openDatabase(file)
    const repo = new Repository(database.db, database.sqlite, clock, deskId)
    return { database, repo, customers: new CustomerService(repo) }
  }
  const state = {
    dir,
    file,
    actor: { staffId: '01JTESTSTAFF0000000000000A', deskId },
    ...make(options.clock ?? fixedClock('2026-11-22T09:00:00Z', 1000)),
    reopen(clock?: Clock) {
      state.database.close()
      Object.assign(state, make(clock ?? fixedClock('2026-11-22T09:00:00Z', 1000)))
    },
    dispose() {
      if (state.database.sqlite.open) state.database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return state
}
