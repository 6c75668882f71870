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

/** The file: the link in clear (browser host) or encrypted with the OS keychain (desktop app). */
type LinkFile = { v: 1; link: HubLink } | { v: 1; encrypted: string }

export class HubLinkUnreadableError extends Error {
  constructor(file: string, reason: string) {
    super(`Le lien avec le hub (${file}) est illisible : ${reason}. Enrôlez de nouveau ce guichet.`)
    this.name = 'HubLinkUnreadableError'
  }
}

function isLink(value: unknown): value is HubLink {
  const v = value as Partial<HubLink> | null
  return typeof v?.hubUrl === 'string' && typeof v.credential === 'string' && typeof v.site === 'string'
}

/**
 * Keeps the hub link in a file only the desk's user can read (0600), replaced atomically (written
 * aside, then renamed). In the desktop app the link is encrypted with the OS keychain through
 * Electron's safeStorage; the browser host has no keychain and relies on the file mode alone.
 */
export class HubLinkStore {
  constructor(
    readonly file: string,
    private readonly cipher?: SecretCipher,
  ) {}

  /** The saved link, null if none; throws HubLinkUnreadableError if it cannot be read back. */
  load(): HubLink | null {
    if (!existsSync(this.file)) return null
    let parsed: LinkFile
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8')) as LinkFile
    } catch {
      throw new HubLinkUnreadableError(this.file, 'contenu invalide')
    }
    if (isLink(parsed)) return parsed // written by the first version, before the envelope
    if ('encrypted' in parsed) {
      if (!this.cipher)
        throw new HubLinkUnreadableError(this.file, 'chiffré, mais le trousseau est indisponible')
      let link: unknown
      try {
        link = JSON.parse(this.cipher.decrypt(Buffer.from(parsed.encrypted, 'base64')))
      } catch {
        throw new HubLinkUnreadableError(this.file, 'impossible à déchiffrer avec ce trousseau')
      }
      if (!isLink(link)) throw new HubLinkUnreadableError(this.file, 'contenu invalide')
      return link
    }
    if (!isLink(parsed.link)) throw new HubLinkUnreadableError(this.file, 'contenu invalide')
    return parsed.link
  }

  save(link: HubLink): void {
    const content: LinkFile = this.cipher
      ? { v: 1, encrypted: this.cipher.encrypt(JSON.stringify(link)).toString('base64') }
      : { v: 1, link }
    const temp = `${this.file}.tmp`
    writeFileSync(temp, JSON.stringify(content), { mode: 0o600 })
    // The mode given above applies only when the file is created; a leftover temp file keeps its own.
    chmodSync(temp, 0o600)
    renameSync(temp, this.file)
  }
}
