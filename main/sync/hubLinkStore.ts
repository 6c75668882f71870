import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

/** Where this desk's hub is, and the credential the hub gave it at enrolment. */
export interface HubLink {
  hubUrl: string
  credential: string
  site: string
}

/** How the credential is protected at rest: Electron's safeStorage in the desktop app. */
export interface SecretCipher {
  encrypt(plain: string): Buffer
  decrypt(cipher: Buffer): string
}

/**
 * Keeps the hub link in a file only the desk's user can read (0600). In the desktop app the
 * content is encrypted with the OS keychain through Electron's safeStorage.
 */
export class HubLinkStore {
  constructor(
    private readonly file: string,
    private readonly cipher?: SecretCipher,
  ) {}

  load(): HubLink | null {
    if (!existsSync(this.file)) return null
    const raw = readFileSync(this.file)
    const text = this.cipher
      ? this.cipher.decrypt(Buffer.from(raw.toString('utf8'), 'base64'))
      : raw.toString('utf8')
    return JSON.parse(text) as HubLink
  }

  save(link: HubLink): void {
    const text = JSON.stringify(link)
    const content = this.cipher ? this.cipher.encrypt(text).toString('base64') : text
    const temp = `${this.file}.tmp`
    writeFileSync(temp, content, { mode: 0o600 })
    chmodSync(temp, 0o600)
    renameSync(temp, this.file)
  }
}
