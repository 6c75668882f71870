import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// OWASP's scrypt baseline (N=2^17, r=8, p=1) takes ~0.3 s here; 2^15 keeps a login under 0.1 s
// on counter PCs while staying memory-hard. The parameters are stored with each hash.
const N = 2 ** 15
const R = 8
const P = 1
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, N, R, P)
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

/** A whole number within [min, max]; anything else in a stored hash means it was altered. */
function param(text: string | undefined, min: number, max: number): number | null {
  const value = Number(text)
  return Number.isInteger(value) && value >= min && value <= max ? value : null
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, nText, rText, pText, salt, hash] = stored.split('$')
  // Parameters read from the database are bounded (up to OWASP's N = 2^17, at most 256 MiB), so
  // that an altered hash answers "wrong password" instead of throwing or allocating gigabytes.
  const n = param(nText, 2 ** 10, 2 ** 17)
  const r = param(rText, 1, 16)
  const p = param(pText, 1, 16)
  if (scheme !== 'scrypt' || !n || (n & (n - 1)) !== 0 || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), n, r, p)
  return key.length === expected.length && timingSafeEqual(key, expected)
}
