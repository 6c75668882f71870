/**
 * One process per PGlite folder: the lock file refuses a second opener (in this process or
 * another), names the holder, is taken over once its holder is gone, and is removed on close.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HubFolderBusyError, LOCK_FILE, lockFolder, readLock } from '../../hub/db/folderLock'

const dirs: string[] = []
function newDir() {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-hub-lock-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** The pid of a process that has exited (so is certainly not alive). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!
}

function writeLock(dir: string, info: Record<string, unknown>) {
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({ startedAt: '2026-11-22T09:00:00.000Z', nonce: 'old', ...info }),
  )
}

describe('PGlite folder lock', () => {
  it('is held in a 0600 file naming this process, refuses a second holder, and goes on release', () => {
    const dir = newDir()
    const lock = lockFolder(dir)
    expect(statSync(lock.file).mode & 0o777).toBe(0o600)
    expect(readLock(dir)).toMatchObject({ pid: process.pid, hostname: hostname() })
    let error: unknown
    try {
      lockFolder(dir)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(HubFolderBusyError)
    expect((error as Error).message).toContain(`déjà ouvert par le processus ${process.pid}`)
    expect((error as Error).message).toContain(join(dir, LOCK_FILE))
    lock.release()
    expect(readLock(dir)).toBeNull()
    lockFolder(dir).release()
  })

  it('records where a serving hub takes admin requests', () => {
    const dir = newDir()
    const lock = lockFolder(dir)
    lock.setAdmin({ url: 'http://127.0.0.1:1234', token: 'secret-token' })
    expect(readLock(dir)).toMatchObject({ pid: process.pid, admin: { url: 'http://127.0.0.1:1234' } })
    expect(statSync(lock.file).mode & 0o777).toBe(0o600)
    lock.release()
  })

  it('refuses while another live process holds it', () => {
    const dir = newDir()
    writeLock(dir, { pid: process.ppid, hostname: hostname() })
    expect(() => lockFolder(dir)).toThrow(HubFolderBusyError)
  })

  it('takes over a lock left by a process that died', () => {
    const dir = newDir()
    writeLock(dir, { pid: deadPid(), hostname: hostname() })
    const lock = lockFolder(dir)
    expect(readLock(dir)!.pid).toBe(process.pid)
    lock.release()
  })

  it('takes over a lock of its own pid that it does not hold (a restarted container, say)', () => {
    const dir = newDir()
    writeLock(dir, { pid: process.pid, hostname: hostname(), nonce: 'from-a-previous-life' })
    const lock = lockFolder(dir)
    expect(readLock(dir)!.nonce).toBe(lock.info.nonce)
    lock.release()
  })

  it('refuses a lock of another machine (its processes cannot be checked)', () => {
    const dir = newDir()
    writeLock(dir, { pid: deadPid(), hostname: `${hostname()}-other` })
    expect(() => lockFolder(dir)).toThrow(HubFolderBusyError)
  })

  it('refuses an unreadable lock while it is fresh (being written), takes it once old', () => {
    const dir = newDir()
    writeFileSync(join(dir, LOCK_FILE), '')
    expect(() => lockFolder(dir)).toThrow(HubFolderBusyError)
    const old = new Date(Date.now() - 60_000)
    utimesSync(join(dir, LOCK_FILE), old, old)
    lockFolder(dir).release()
  })

  it('does not remove a lock that another holder took meanwhile', () => {
    const dir = newDir()
    const lock = lockFolder(dir)
    writeLock(dir, { pid: process.ppid, hostname: hostname(), nonce: 'someone-else' })
    lock.release()
    expect(readLock(dir)!.nonce).toBe('someone-else')
  })
})
