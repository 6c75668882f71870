/**
 * How harbour documents write numbers, dates and lengths (French, as the harbour prints them).
 * Intl's French grouping uses U+202F, which Roboto lacks: it becomes a no-break space.
 */

export function moneyText(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : ''
  const units = String(Math.abs(minor)).padStart(3, '0')
  const decimal = `${sign}${units.slice(0, -2)}.${units.slice(-2)}`
  // The dirham as customers read it (`285,00 DH`), as pdfMoney and the screens write it.
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency })
    .formatToParts(decimal as `${number}`)
    .map((part) => (part.type === 'currency' && currency === 'MAD' ? 'DH' : part.value))
    .join('')
    .replace(/\u202f/g, '\u00a0')
}

/** `2026-01-01` → `01/01/2026`. */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-')
  return `${d}/${m}/${y}`
}

/** `1050` → `10,50 m`; `800` → `8 m`. */
export function metresText(cm: number): string {
  const m = cm / 100
  return `${Number.isInteger(m) ? m : m.toFixed(2).replace(/0$/, '')} m`.replace('.', ',')
}

/** Basis points as a French percentage: `2000` → `20 %`, `550` → `5,5 %`. */
export function rateText(bp: number): string {
  return `${String(bp / 100).replace('.', ',')}\u00a0%`
}

/** An instant as `JJ-MM-AAAA` and `HH:MM` in a time zone (the seed's "Contrat signé le 19-12-2016 à 11:55"). */
export function instantParts(instant: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${get('day')}-${get('month')}-${get('year')}`, time: `${get('hour')}:${get('minute')}` }
}

export function signedMention(instant: string, timeZone: string): string {
  const { date, time } = instantParts(instant, timeZone)
  return `Contrat signé le ${date} à ${time}`
}
