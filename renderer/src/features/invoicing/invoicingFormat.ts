/** `152000` → `1520,00` (fr) / `1520.00` (en): an amount as a clerk types it, to prefill a field. */
export function minorToInput(minor: number, language: string): string {
  const sign = minor < 0 ? '-' : ''
  const abs = Math.abs(minor)
  const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return language === 'fr' ? text.replace('.', ',') : text
}

/** `2000` bp → `20 %`. */
export function formatRate(bp: number, language: string): string {
  return `${(bp / 100).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 })} %`
}

export function formatQuantity(milli: number, language: string): string {
  return (milli / 1000).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 3 })
}

/** Today as `YYYY-MM-DD` in the desk's zone (the browser's). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}
