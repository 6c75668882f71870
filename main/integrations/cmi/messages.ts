/** CMI request form and callback reading. Pure; the hash is in hash.ts. */
import { type CmiFields, hashVer3 } from './hash'

export interface CmiConfig {
  clientId: string
  /** The store key; from the hub's configuration only. */
  storeKey: string
  /** The gateway, e.g. https://testpayment.cmi.co.ma/fim/est3Dgate. */
  gatewayUrl: string
  shopUrl: string
}

export interface CmiOrder {
  oid: string
  amountMinor: number
  /** ISO 4217 numeric; 504 is MAD. */
  currency: '504'
  okUrl: string
  failUrl: string
  callbackUrl: string
  rnd: string
  lang: 'fr' | 'ar' | 'en'
  email: string
  billToName: string
}

/** `150.00`. */
export function formatAmount(amountMinor: number): string {
  if (!Number.isInteger(amountMinor) || amountMinor < 0) throw new Error('amount in minor units expected')
  return `${Math.floor(amountMinor / 100)}.${String(amountMinor % 100).padStart(2, '0')}`
}

/** `150.00`, `150.5`, `150` to minor units; null when malformed. */
export function parseAmount(amount: string | undefined): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec((amount ?? '').trim())
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'))
}

/** The fields POSTed to `/fim/est3Dgate`, with their HASH. */
export function paymentForm(config: CmiConfig, order: CmiOrder): Record<string, string> {
  const fields: Record<string, string> = {
    clientid: config.clientId,
    oid: order.oid,
    amount: formatAmount(order.amountMinor),
    currency: order.currency,
    okUrl: order.okUrl,
    failUrl: order.failUrl,
    shopurl: config.shopUrl,
    callbackUrl: order.callbackUrl,
    rnd: order.rnd,
    lang: order.lang,
    storetype: '3D_PAY_HOSTING',
    TranType: 'PreAuth',
    hashAlgorithm: 'ver3',
    encoding: 'UTF-8',
    email: order.email,
    BillToName: order.billToName,
  }
  return { ...fields, HASH: hashVer3(fields, config.storeKey) }
}

export interface CmiCallback {
  clientId: string
  oid: string
  amountMinor: number | null
  currency: string
  approved: boolean
  authCode: string | null
  maskedPan: string | null
  transId: string | null
  error: string | null
}

/** Reads a callback whose hash was already checked: approved only when `ProcReturnCode` is `00`. */
export function readCallback(fields: CmiFields): CmiCallback {
  const s = (name: string) => {
    const v = fields[name]
    return v === undefined || v === null || v === '' ? null : String(v)
  }
  return {
    clientId: s('clientid') ?? '',
    oid: s('oid') ?? '',
    amountMinor: parseAmount(s('amount') ?? undefined),
    currency: s('currency') ?? '',
    approved: s('ProcReturnCode') === '00',
    authCode: s('AuthCode'),
    maskedPan: s('MaskedPan') ?? s('maskedCreditCard'),
    transId: s('TransId'),
    error: s('ErrMsg'),
  }
}
