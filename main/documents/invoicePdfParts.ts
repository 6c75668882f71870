import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HarbourIssuer } from '../modules/harbour/harbourIssuer'

/*
 * Pieces shared by the counter's documents (invoice, credit note, receipt, statement, Z-report):
 * the issuer block with its legal identifiers, French money and date formats, table styles.
 * Spaces inside formatted numbers are plain spaces: the narrow no-break space ICU uses is not in
 * the embedded Roboto, and text extracted from the PDF must read as the screen does.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** The dirham as customers read it (`285,00 DH`), as on the screens (`renderer/src/lib/format.ts`). */
const LOCAL_SYMBOLS: Readonly<Record<string, string>> = { MAD: 'DH' }

export function pdfMoney(minor: number, currency: string): string {
  let format = moneyFormats.get(currency)
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { style: 'currency', currency })
    moneyFormats.set(currency, format)
  }
  const sign = minor < 0 ? '-' : ''
  const units = String(Math.abs(minor)).padStart(3, '0')
  const decimal = `${sign}${units.slice(0, -2)}.${units.slice(-2)}` as `${number}`
  const symbol = LOCAL_SYMBOLS[currency]
  const text = symbol
    ? format
        .formatToParts(decimal)
        .map((part) => (part.type === 'currency' ? symbol : part.value))
        .join('')
    : format.format(decimal)
  return text.replace(/[\u00a0\u202f]/g, ' ')
}

/** `2026-11-22` → `22/11/2026`. */
export function pdfDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-')
  return `${d}/${m}/${y}`
}

/** An instant in the desk's zone: `22/11/2026 à 10:32`. */
export function pdfDateTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('day')}/${get('month')}/${get('year')} à ${get('hour')}:${get('minute')}`
}

const countryNames = new Intl.DisplayNames(['fr-FR'], { type: 'region', fallback: 'code' })

/** A country's name in French, as the screens print it: `MA` → `Maroc`; the code itself if unknown. */
export function pdfCountry(code: string): string {
  try {
    return countryNames.of(code) ?? code
  } catch {
    return code
  }
}

/** `2000` basis points → `20 %`, `550` → `5,5 %`. */
export function pdfRate(bp: number): string {
  return `${(bp / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %`.replace(
    /[\u00a0\u202f]/g,
    ' ',
  )
}

export function pdfQuantity(milli: number): string {
  return (milli / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 3 }).replace(/[\u00a0\u202f]/g, ' ')
}

/** The issuer's legal identity, top left of every document. */
export function issuerBlock(issuer: HarbourIssuer): Content {
  const ids = [
    issuer.siret ? `SIRET ${issuer.siret}` : null,
    issuer.ice ? `ICE ${issuer.ice}` : null,
    issuer.vatNumber ? `N° TVA ${issuer.vatNumber}` : null,
  ].filter(Boolean)
  const contact = [issuer.phone ? `Tél. ${issuer.phone}` : null, issuer.email].filter(Boolean)
  return {
    stack: [
      { text: issuer.name, style: 'issuerName' },
      ...issuer.addressLines.map((line) => ({ text: line })),
      ...(ids.length ? [{ text: ids.join(' · ') }] : []),
      ...(contact.length ? [{ text: contact.join(' · ') }] : []),
    ],
  }
}

export interface PartyBlock {
  title: string
  lines: string[]
}

export function partyBlock(party: PartyBlock): Content {
  return {
    stack: [
      { text: party.title, style: 'label' },
      ...party.lines.map((line, i) => ({ text: line, bold: i === 0 })),
    ],
  }
}

export function headerRow(cells: string[], alignRightFrom = 1): TableCell[] {
  return cells.map((text, i) => ({ text, style: 'th', alignment: i >= alignRightFrom ? 'right' : 'left' }))
}

export const documentStyles = {
  issuerName: { fontSize: 12, bold: true },
  title: { fontSize: 16, bold: true, margin: [0, 16, 0, 4] as [number, number, number, number] },
  label: { color: '#666666', fontSize: 8 },
  th: { bold: true, fillColor: '#eef1f5' },
  total: { bold: true, fontSize: 10 },
  small: { fontSize: 7.5, color: '#555555' },
}

export const tableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === 1 || i === node.table.body.length ? 0.6 : 0.2,
  vLineWidth: () => 0,
  hLineColor: () => '#999999',
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

/** Page footer: the issuer's name and the page count, so a loose page is still attributable. */
export function footer(issuer: HarbourIssuer, docRef: string) {
  return (page: number, pages: number): Content => ({
    columns: [
      { text: `${issuer.name} — ${docRef}`, style: 'small' },
      { text: `Page ${page} / ${pages}`, style: 'small', alignment: 'right' },
    ],
    margin: [40, 16, 40, 0],
  })
}
