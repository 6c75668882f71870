/**
 * Channels of the payment gateways' keys kept on this desk (encrypted, docs/payments.md): an
 * administrator writes them, and reads back only which gateways are configured with a short
 * fingerprint — never a key, which stays in main.
 */
import { z } from 'zod'
import { type ChannelDef, channel, emptyInput } from './common'

/** A text pasted from a bank's back office: trimmed, required, no inner spaces. */
const token = (pattern: RegExp, error: string) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(300, { error: 'validation.tooLong' })
    .regex(pattern, { error })

/**
 * A Monetico key: 40 hexadecimal characters, or one of the legacy shapes the kits repair (39th
 * character `G`–`P` or `X`–`]`, or a final `M`) — exactly what `usableKey` in
 * main/integrations/monetico/seal.ts accepts.
 */
export const MONETICO_KEY = /^[0-9a-fA-F]{38}(?:[0-9a-fA-F]{2}|[G-PX-\]][0-9a-fA-F]|[0-9a-fA-F]M)$/

/** A gateway page: `https://…`, or a path on the hub itself (`/sandbox/…`, the local sandboxes). */
const gatewayUrl = z
  .string()
  .trim()
  .max(300, { error: 'validation.tooLong' })
  .refine((v) => v === '' || /^https:\/\/[^\s/]+(\/\S*)?$/.test(v) || /^\/\S*$/.test(v), {
    error: 'validation.gatewayUrl',
  })
  .optional()

const secret = token(/^\S{16,256}$/, 'validation.gatewaySecret')

export const moneticoKeysInput = z
  .object({
    tpe: token(/^[0-9A-Za-z]{7}$/, 'validation.moneticoTpe'),
    key: token(MONETICO_KEY, 'validation.moneticoKey'),
    company: token(/^[0-9A-Za-z._-]{1,64}$/, 'validation.gatewayCompany'),
    /** Empty: the bank's test page, as for the hub's GUICHET_PAY_MONETICO_URL. */
    paymentUrl: gatewayUrl,
  })
  .strict()

export const cmiKeysInput = z
  .object({
    clientId: token(/^\d{6,20}$/, 'validation.cmiClientId'),
    storeKey: token(/^\S{8,128}$/, 'validation.cmiStoreKey'),
    /** Empty: the bank's test gateway, as for the hub's GUICHET_PAY_CMI_URL. */
    gatewayUrl,
  })
  .strict()

export const referenceSecretInput = z.object({ secret }).strict()

/**
 * Each gateway: absent keeps what is stored, `null` removes it, a value replaces it whole (keys are
 * never sent back, so a change re-enters the gateway's fields). With no gateway left the desk's
 * local hub goes back to the sandboxes' demonstration keys.
 */
export const gatewayKeysSetInput = z
  .object({
    /** The address banks and browsers reach the local hub at; empty: the request's own host. */
    publicUrl: z
      .string()
      .trim()
      .max(300, { error: 'validation.tooLong' })
      .refine((v) => v === '' || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v), { error: 'validation.url' })
      .optional(),
    monetico: moneticoKeysInput.nullable().optional(),
    cmi: cmiKeysInput.nullable().optional(),
    fatourati: referenceSecretInput.nullable().optional(),
    amanpay: referenceSecretInput.nullable().optional(),
  })
  .strict()

export const gatewayKeyNames = ['monetico', 'cmi', 'fatourati', 'amanpay'] as const
export type GatewayKeyName = (typeof gatewayKeyNames)[number]

export interface GatewayKeyState {
  configured: boolean
  /** Last 4 hex digits of the SHA-256 of the key (store key, secret): enough to tell two apart. */
  fingerprint: string | null
}

export interface GatewayKeysStatus {
  /** An encrypted configuration is kept on this desk. */
  stored: boolean
  /** It exists but cannot be read back (another keychain, a missing local key, a damaged file). */
  unreadable: boolean
  origin: 'env' | 'admin' | null
  savedAt: string | null
  /** How the file is protected: the OS keychain, or the local key file of the data folder. */
  protection: 'keychain' | 'localKey'
  gateways: Record<GatewayKeyName, GatewayKeyState>
  /** What the local hub of this desk runs with; `off` when the desk uses a real hub (or none). */
  localHub: 'stored' | 'demo' | 'off'
  /** Keys changed since the local hub started: they apply at the desk's next start. */
  restartNeeded: boolean
  /** GUICHET_PAY_* variables were set at start: they replace these keys at every start. */
  fromEnvironment: boolean
}

export const gatewayKeysContract = {
  'payments.gatewayKeys.status': channel<GatewayKeysStatus>()({ input: emptyInput, access: ['admin'] }),
  'payments.gatewayKeys.set': channel<GatewayKeysStatus>()({ input: gatewayKeysSetInput, access: ['admin'] }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>
