/**
 * The desk's hub link: a 0600 file replaced atomically; in the clear in the browser host,
 * encrypted with the OS keychain (Electron safeStorage, here a stand-in cipher) in the desktop app.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type HubLink,
  HubLinkStore,
  HubLinkUnreadableError,
  type SecretCipher,
} from '../../main/sync/hubLinkStore'

const link: HubLink = { hubUrl: 'https://hub.example.ma', credential: `C01.${'s'.repeat(43)}`, site: 'Agdal' }
const dirs: string[] = []
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-hub-link-'))
  dirs.push(dir)
  return join(dir, 'hub-link.json')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Stands in for safeStorage: a reversible transformation that hides the text. */
const cipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
}

describe('HubLinkStore', () => {
  it('has no link until one is saved', () => {
    expect(new HubLinkStore(file()).load()).toBeNull()
  })

  it('keeps the link in a file only its user can read, even over a looser leftover', () => {
    const path = file()
    writeFileSync(`${path}.tmp`, 'leftover')
    chmodSync(`${path}.tmp`, 0o644)
    const store = new HubLinkStore(path)
    store.save(link)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(store.load()).toEqual(link)
    expect(new HubLinkStore(path).load()).toEqual(link)
  })

  it('encrypts it with the keychain when there is one: the credential is not in the file', () => {
    const path = file()
    new HubLinkStore(path, cipher).save(link)
    const text = readFileSync(path, 'utf8')
    expect(text).not.toContain(link.credential.split('.')[1])
    expect(text).not.toContain('hub.example.ma')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(new HubLinkStore(path, cipher).load()).toEqual(link)
  })

  it('says clearly when it cannot be read back (no keychain, another keychain, corrupt file)', () => {
    const path = file()
    new HubLinkStore(path, cipher).save(link)
    expect(() => new HubLinkStore(path).load()).toThrow(HubLinkUnreadableError)
    const otherKeychain: SecretCipher = {
      encrypt: cipher.encrypt,
      decrypt: () => {
        throw new Error('bad key')
      },
    }
    expect(() => new HubLinkStore(path, otherKeychain).load()).toThrow(/déchiffrer/)
    writeFileSync(path, '{not json')
    expect(() => new HubLinkStore(path).load()).toThrow(HubLinkUnreadableError)
    writeFileSync(path, JSON.stringify({ v: 1, link: { hubUrl: 'x' } }))
    expect(() => new HubLinkStore(path).load()).toThrow(HubLinkUnreadableError)
  })

  it('reads a link written by the first version (plain JSON)', () => {
    const path = file()
    writeFileSync(path, JSON.stringify(link))
    expect(new HubLinkStore(path).load()).toEqual(link)
  })
})
