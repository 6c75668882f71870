/**
 * One process per PGlite folder. PGlite runs PostgreSQL in single-user mode inside the process
 * and takes no lock on its folder: a second process opening the same folder would write to the
 * same files and corrupt them. So the hub keeps a lock file (`hub.lock`, 0600) in the folder while
 * it has it open, naming its process; a second process is refused with a clear message. A lock
 * left by a process that died (SIGKILL, power cut) is taken over once that process is gone.
 */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

export const LOCK_FILE = 'hub.lock'

export interface FolderLockInfo {
  pid: number
  hostname: string
  startedAt: string
  /** Set by a serving hub: where `npm run hub -- enrol/revoke` reaches it, and with what token. */
  admin?: { url: string; token: string }
  /** Distinguishes this lock from an older one left by a process with the same pid. */
  nonce: string
}

export class HubFolderBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: FolderLockInfo | null,
  ) {
    const who = holder
      ? `le processus ${holder.pid} sur ${holder.hostname} (depuis ${holder.startedAt})`
      : 'un autre processus'
    super(
      `Le dossier PGlite ${dir} est déjà ouvert par ${who}. PGlite n'accepte qu'un seul processus par dossier : ` +
        `arrêtez l'autre hub, ou utilisez PostgreSQL (DATABASE_URL) pour plusieurs hubs. ` +
        `Si aucun hub ne tourne, supprimez ${join(dir, LOCK_FILE)}.`,
    )
    this.name = 'HubFolderBusyError'
  }
}

export interface FolderLock {
  readonly file: string
  readonly info: FolderLockInfo
  /** Rewrites the lock with the admin endpoint of the serving hub. */
  setAdmin(admin: { url: string; token: string }): void
  release(): void
}

// Nonces of the locks this process holds: a lock naming this pid but not one of these was left by
// an earlier process that had the same pid (a container restarted as pid 1, say).
const held = new Set<string>()

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function readLock(dir: string): FolderLockInfo | null {
  try {
    return JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as FolderLockInfo
  } catch {
    return null
  }
}

/** True when the lock belongs to a process that can no longer be using the folder. */
function isStale(file: string, holder: FolderLockInfo | null): boolean {
  if (!holder) {
    // Unreadable: a process is writing it right now, or one died between creating and writing it.
    try {
      return Date.now() - statSync(file).mtimeMs > 10_000
    } catch {
      return true
    }
  }
  if (holder.hostname !== hostname()) return false // cannot check another machine's processes
  if (holder.pid === process.pid) return !held.has(holder.nonce)
  return !isAlive(holder.pid)
}

function write(file: string, info: FolderLockInfo, flag: 'wx' | 'w'): void {
  const fd = openSync(file, flag, 0o600)
  try {
    writeFileSync(fd, JSON.stringify(info))
  } finally {
    closeSync(fd)
  }
}

/** Takes the folder's lock, or throws HubFolderBusyError naming the process that holds it. */
export function lockFolder(dir: string): FolderLock {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, LOCK_FILE)
  const info: FolderLockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    nonce: randomBytes(12).toString('hex'),
  }
  for (let attempt = 0; ; attempt++) {
    try {
      write(file, info, 'wx')
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readLock(dir)
      if (attempt > 0 || !isStale(file, holder)) throw new HubFolderBusyError(dir, holder)
      try {
        unlinkSync(file)
      } catch {
        // Another process removed it first; the next attempt decides.
      }
    }
  }
  held.add(info.nonce)
  return {
    file,
    info,
    setAdmin(admin) {
      info.admin = admin
      // Written aside and renamed, so that a reader never sees a half-written lock.
      const temp = `${file}.${info.nonce}.tmp`
      write(temp, info, 'w')
      renameSync(temp, file)
    },
    release() {
      held.delete(info.nonce)
      // Remove it only if it is still ours.
      if (readLock(dir)?.nonce === info.nonce) {
        try {
          unlinkSync(file)
        } catch {
          // already gone
        }
      }
    },
  }
}
