/**
 * Pure conversions of the harbour screens: metres typed by a clerk ↔ whole centimetres stored,
 * a decimal amount typed ("1 266,67") ↔ minor units, a VAT percentage ↔ basis points.
 */

/** `8,5` or `8.50` → 850; null when not a number of metres with at most two decimals. */
export function metresToCm(value: string | number): number | null {
  const text = String(value).trim().replace(',', '.')
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null
  const [whole, frac = ''] = text.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}

/** 850 → `8,50` (fr) / `8.50` (en). */
export function cmToMetres(cm: number, language: string): string {
  const text = `${Math.floor(cm / 100)}.${String(cm % 100).padStart(2, '0')}`
  return language === 'fr' ? text.replace('.', ',') : text
}

/** `1 266,67` → 126667 (exact: no float arithmetic); null when not an amount with at most two decimals. */
export function amountToMinor(value: string): number | null {
  const text = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.')
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null
  const [whole, frac = ''] = text.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}

export function minorToAmount(minor: number, language: string): string {
  const text = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`
  return language === 'fr' ? text.replace('.', ',') : text
}

/** `20` or `5,5` (%) → 2000 / 550 basis points. */
export function percentToBp(value: string): number | null {
  const text = value.trim().replace(',', '.')
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null
  const [whole, frac = ''] = text.split('.')
  const bp = Number(whole) * 100 + Number(frac.padEnd(2, '0'))
  return bp <= 10_000 ? bp : null
}

export function bpToPercent(bp: number, language: string): string {
  const text = String(bp / 100)
  return language === 'fr' ? text.replace('.', ',') : text
}

/** Today as `YYYY-MM-DD` in the browser's zone (the desk's). */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}
