import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { SecretCipher } from '../sync/hubLinkStore'

const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
/** Bound to the ciphertext, so that a blob made for something else does not decrypt here. */
const AAD = Buffer.from('guichet:gateway-keys:v1')

export class LocalKeyError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'LocalKeyError'
  }
}

function readKey(keyFile: string): Buffer {
  const key = readFileSync(keyFile)
  if (key.length !== KEY_BYTES) throw new LocalKeyError(`clé locale ${keyFile} invalide`)
  return key
}

/** The key of the file, made (32 random bytes, 0600) the first time it is needed. */
function keyFor(keyFile: string): Buffer {
  if (existsSync(keyFile)) return readKey(keyFile)
  // Written aside, then linked into place: a link never replaces an existing file, so two
  // processes starting at once agree on one key, and nobody ever reads a half-written one.
  const temp = `${keyFile}.${process.pid}.tmp`
  writeFileSync(temp, randomBytes(KEY_BYTES), { mode: 0o600 })
  chmodSync(temp, 0o600)
  try {
    linkSync(temp, keyFile)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    rmSync(temp, { force: true })
  }
  return readKey(keyFile)
}

/**
 * AES-256-GCM with a random key kept in its own 0600 file of the data folder: the protection of a
 * host without an OS keychain (the browser host, plain Node, a Linux session without a keyring).
 * It keeps the secrets out of a copy of the encrypted file alone (a backup, a support bundle), not
 * from someone who can read the whole data folder — the key sits next to it. Output: IV, tag, text.
 */
export function localKeyCipher(keyFile: string): SecretCipher {
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', keyFor(keyFile), iv)
      cipher.setAAD(AAD)
      const text = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), text])
    },
    decrypt(data) {
      if (!existsSync(keyFile)) throw new LocalKeyError(`clé locale ${keyFile} absente`)
      if (data.length < IV_BYTES + TAG_BYTES) throw new LocalKeyError('texte chiffré tronqué')
      const decipher = createDecipheriv('aes-256-gcm', readKey(keyFile), data.subarray(0, IV_BYTES))
      decipher.setAAD(AAD)
      decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      )
    },
  }
}
