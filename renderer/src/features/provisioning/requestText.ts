import type { TFunction } from 'i18next'
import type { ProvisioningRequestView, ProvisioningState } from '../../../../preload/contract'
import { type Currency, formatDate, formatDateTime, formatMoney, formatPhone } from '../../lib/format'

export const stateColors: Record<ProvisioningState, string> = {
  queued: 'gray',
  sent: 'blue',
  done: 'teal',
  failed: 'red',
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)

/** What the request changes, in a few words (the new plan, the new ICCID, the barrings…). */
export function requestDetails(t: TFunction, r: ProvisioningRequestView, language: string): string {
  const p = r.payload
  const parts: string[] = []
  const msisdn = str(p.msisdn) ?? str(p.phoneNumber)
  if (msisdn && r.action === 'activate') parts.push(formatPhone(msisdn))
  const iccid = str(p.newIccid) ?? str(p.iccid)
  if (iccid) parts.push(`ICCID ${iccid}`)
  const plan = str(p.to) ?? str(p.planCode)
  if (plan && r.action !== 'activate') parts.push(str(p.from) ? `${p.from} → ${plan}` : plan)
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : null)
  if (r.action === 'barrings') parts.push(list(p.barrings) || '—')
  if (r.action === 'options') {
    if (list(p.add)) parts.push(`+ ${list(p.add)}`)
    if (list(p.remove)) parts.push(`− ${list(p.remove)}`)
  }
  if (typeof p.limitMinor === 'number') {
    parts.push(formatMoney(p.limitMinor, (str(p.currency) ?? 'EUR') as Currency, language))
  }
  if (r.effectiveDate)
    parts.push(t('provisioning.scheduledFor', { date: formatDate(r.effectiveDate, language) }))
  return parts.join(' · ')
}

const knownReasons = [
  'ICCID_UNKNOWN',
  'ICCID_IN_USE',
  'ICCID_ALREADY_USED',
  'MSISDN_IN_USE',
  'LINE_STOPPED',
  'LINE_NOT_ACTIVE',
  'NO_ANSWER',
] as const
const knownWaits = ['offline', 'timeout', 'unknown_order', 'outcome_error'] as const

function isOneOf<T extends string>(list: readonly T[], value: string | null): value is T {
  return value !== null && (list as readonly string[]).includes(value)
}

export function reasonText(t: TFunction, r: ProvisioningRequestView): string | null {
  if (r.state !== 'failed') return null
  // Unknown codes keep the text recorded by main (French, with the operator's own message).
  return isOneOf(knownReasons, r.reasonCode)
    ? t(`provisioning.reasons.${r.reasonCode}`)
    : (r.reason ?? r.reasonCode)
}

/** Why a queued or sent request is still waiting (no connection, no answer yet). */
export function waitingText(t: TFunction, r: ProvisioningRequestView, language: string): string | null {
  if (r.state !== 'queued' && r.state !== 'sent') return null
  if (!r.lastError) return null
  const text = isOneOf(knownWaits, r.lastError)
    ? t(`provisioning.lastErrors.${r.lastError}`)
    : t('provisioning.lastErrors.other', { error: r.lastError })
  return r.nextAttemptAt && r.lastError !== 'offline'
    ? `${text} · ${t('provisioning.nextAttempt', { when: formatDateTime(r.nextAttemptAt, language) })}`
    : text
}
