import type { PackUnit } from '../../../../preload/contract'
import { intlLocale } from '../../lib/format'

/** A quantity in its unit: megabytes read as GB from 1 GB up (`51 200 MB` → `50 GB`). */
export function formatQuantity(quantity: number, unit: PackUnit, language: string): string {
  const locale = intlLocale(language)
  const fr = language === 'fr'
  if (unit === 'MB') {
    if (Math.abs(quantity) >= 1024) {
      const gb = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(quantity / 1024)
      return `${gb} ${fr ? 'Go' : 'GB'}`
    }
    return `${new Intl.NumberFormat(locale).format(quantity)} ${fr ? 'Mo' : 'MB'}`
  }
  return `${new Intl.NumberFormat(locale).format(quantity)} ${unit === 'MIN' ? 'min' : 'SMS'}`
}

/** The last `count` months, newest first (`2026-11`, `2026-10`, …), from today's month. */
export function recentMonths(today: Date, count: number): string[] {
  const out: string[] = []
  let y = today.getFullYear()
  let m = today.getMonth() + 1
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m -= 1
    if (m === 0) {
      m = 12
      y -= 1
    }
  }
  return out
}

export function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(intlLocale(language), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)))
}

/** Euros as typed (`50`, `12,5`, `12.50`) to cents, exactly; null when it is not an amount. */
export function eurosToMinor(value: string | number): number | null {
  const text = String(value).trim().replace(',', '.')
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

export function minorToEuros(minor: number): string {
  return `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`
}
