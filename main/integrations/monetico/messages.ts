/**
 * Monetico request and return messages: building the hosted payment page form for an amount and
 * reading the bank's return into what Guichet needs. Pure; the seal is in seal.ts.
 */
import { type MoneticoFields, sealFields } from './seal'

export interface MoneticoConfig {
  /** The merchant's terminal number (7 characters). */
  tpe: string
  /** 40-character key; from the hub's configuration only. */
  key: string
  /** `societe`: the merchant's site code. */
  company: string
  /** The hosted page, e.g. https://p.monetico-services.com/test/paiement.cgi. */
  paymentUrl: string
}

export interface MoneticoOrder {
  reference: string
  amountMinor: number
  currency: string
  /** The instant of the request; written `DD/MM/YYYY:HH:MM:SS` in UTC (see docs/payments.md). */
  at: Date
  email: string
  language: 'FR' | 'EN'
  freeText: string
  okUrl: string
  errUrl: string
  /** Billing address for 3-D Secure 2 (`contexte_commande`). */
  billing: {
    firstName?: string
    lastName?: string
    addressLine1: string
    city: string
    postalCode: string
    country: string
  }
}

const two = (n: number) => String(n).padStart(2, '0')

/** `850.00EUR`: the amount with two decimals, the ISO currency stuck to it. */
export function formatMontant(amountMinor: number, currency: string): string {
  if (!Number.isInteger(amountMinor) || amountMinor < 0) throw new Error('amount in minor units expected')
  return `${Math.floor(amountMinor / 100)}.${two(amountMinor % 100)}${currency}`
}

/** `850.00EUR` (or `850EUR`, `850.5EUR`) back to minor units and currency; null when malformed. */
export function parseMontant(montant: string | undefined): { amountMinor: number; currency: string } | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?([A-Z]{3})$/.exec(montant ?? '')
  if (!m) return null
  return { amountMinor: Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')), currency: m[3]! }
}

export function formatRequestDate(at: Date): string {
  return `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}:${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`
}

/** A reference the bank accepts everywhere: at most 12 characters of A–Z and 0–9. */
export function isSafeReference(reference: string): boolean {
  return /^[A-Z0-9]{1,12}$/.test(reference)
}

/** The fields POSTed to the hosted payment page, sealed. */
export function paymentForm(config: MoneticoConfig, order: MoneticoOrder): MoneticoFields {
  if (!isSafeReference(order.reference)) throw new Error('Monetico reference: 1–12 of A–Z 0–9')
  const context = { billing: order.billing }
  return sealFields(config.key, {
    TPE: config.tpe,
    contexte_commande: Buffer.from(JSON.stringify(context), 'utf8').toString('base64'),
    date: formatRequestDate(order.at),
    lgue: order.language,
    mail: order.email,
    montant: formatMontant(order.amountMinor, order.currency),
    reference: order.reference,
    societe: config.company,
    'texte-libre': order.freeText,
    url_retour_err: order.errUrl,
    url_retour_ok: order.okUrl,
    version: '3.0',
  })
}

export type MoneticoOutcome = 'paid' | 'refused' | 'unknown'

export interface MoneticoReturn {
  tpe: string
  reference: string
  amountMinor: number | null
  currency: string | null
  outcome: MoneticoOutcome
  /** `payetest` is a test-mode payment: accepted, and flagged. */
  test: boolean
  authorisation: string | null
  maskedPan: string | null
  brand: string | null
  refusal: string | null
}

/**
 * Reads a return the seal of which was already checked. `paiement`/`payetest` is a payment;
 * `Annulation` a refusal (the bank calls after every attempt: a refusal may come before the
 * acceptance for one reference). The split-payment codes (`paiement_pf2`…) are instalments that
 * Guichet never asks for: they are reported as unknown.
 */
export function readReturn(fields: MoneticoFields): MoneticoReturn {
  const code = fields['code-retour'] ?? ''
  const amount = parseMontant(fields.montant)
  const outcome: MoneticoOutcome =
    code === 'paiement' || code === 'payetest' ? 'paid' : code === 'Annulation' ? 'refused' : 'unknown'
  return {
    tpe: fields.TPE ?? '',
    reference: fields.reference ?? '',
    amountMinor: amount?.amountMinor ?? null,
    currency: amount?.currency ?? null,
    outcome,
    test: code === 'payetest',
    authorisation: fields.numauto || null,
    maskedPan: fields.cbmasquee || null,
    brand: fields.brand || null,
    refusal: fields.motifrefus || null,
  }
}
