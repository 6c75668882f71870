import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HarbourIssuer } from '../modules/harbour/harbourIssuer'
import {
  documentStyles,
  footer,
  headerRow,
  issuerBlock,
  pdfDate,
  pdfDateTime,
  pdfMoney,
  tableLayout,
} from './invoicePdfParts'
import { type RenderedPdf, renderPdf } from './pdf'

export interface ZReportPdfModel {
  issuer: HarbourIssuer
  deskId: string
  day: string
  closedAt: string
  timeZone: string
  staffName: string | null
  currency: string
  methods: { label: string; count: number; amountMinor: number }[]
  totalMinor: number
  expectedCashMinor: number
  countedCashMinor: number
  differenceMinor: number
  note: string | null
  /** Payments and cash refunds of the day in another currency: listed apart, never in the totals. */
  otherCurrencies?: { currency: string; totalMinor: number; count: number }[]
}

/** The Z-report: what the desk took on a day by method, the cash counted, the difference. */
export function zReportDefinition(model: ZReportPdfModel) {
  const money = (minor: number) => pdfMoney(minor, model.currency)
  const body: TableCell[][] = [
    headerRow(['Mode de règlement', 'Nombre', 'Montant']),
    ...model.methods.map((m) => [
      { text: m.label },
      { text: String(m.count), alignment: 'right' as const },
      { text: money(m.amountMinor), alignment: 'right' as const },
    ]),
    [
      { text: 'Total encaissé', style: 'total' },
      { text: String(model.methods.reduce((s, m) => s + m.count, 0)), alignment: 'right' },
      { text: money(model.totalMinor), style: 'total', alignment: 'right' },
    ],
  ]
  const content: Content[] = [
    issuerBlock(model.issuer),
    { text: 'RAPPORT Z — CLÔTURE DE CAISSE', style: 'title' },
    {
      text: `Guichet ${model.deskId} — journée du ${pdfDate(model.day)} — clôturée le ${pdfDateTime(model.closedAt, model.timeZone)}${model.staffName ? ` par ${model.staffName}` : ''}`,
      margin: [0, 0, 0, 12],
    },
    { table: { headerRows: 1, widths: ['*', 60, 100], body }, layout: tableLayout },
    {
      margin: [0, 16, 0, 0],
      table: {
        widths: [200, 100],
        body: [
          ['Espèces attendues', { text: money(model.expectedCashMinor), alignment: 'right' }],
          ['Espèces comptées', { text: money(model.countedCashMinor), alignment: 'right' }],
          [
            { text: 'Écart de caisse', style: 'total' },
            { text: money(model.differenceMinor), style: 'total', alignment: 'right' },
          ],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    ...otherCurrenciesBlock(model.otherCurrencies ?? []),
    ...(model.note ? [{ text: `Observation : ${model.note}`, margin: [0, 12, 0, 0] } as Content] : []),
    {
      text: 'Après clôture, aucun règlement ne peut être enregistré ni annulé à cette date sur ce guichet.',
      style: 'small',
      margin: [0, 24, 0, 0],
    },
  ]
  return {
    info: { title: `Rapport Z ${model.deskId} ${model.day}`, author: model.issuer.name },
    content,
    styles: documentStyles,
    footer: footer(model.issuer, `Z ${model.deskId} ${model.day}`),
  }
}

/** Money of another currency taken at this desk: shown apart, in its own currency, to be handed over separately. */
function otherCurrenciesBlock(others: { currency: string; totalMinor: number; count: number }[]): Content[] {
  if (others.length === 0) return []
  return [
    { text: 'Autres devises (hors de cette caisse)', style: 'total', margin: [0, 16, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 60, 100],
        body: [
          headerRow(['Devise', 'Nombre', 'Montant']),
          ...others.map((o) => [
            { text: o.currency },
            { text: String(o.count), alignment: 'right' as const },
            { text: pdfMoney(o.totalMinor, o.currency), alignment: 'right' as const },
          ]),
        ],
      },
      layout: tableLayout,
    },
    {
      text: 'Non compris dans le total encaissé ni dans les espèces attendues : à remettre séparément.',
      style: 'small',
      margin: [0, 4, 0, 0],
    },
  ]
}

export function renderZReportPdf(model: ZReportPdfModel): Promise<RenderedPdf> {
  return renderPdf(zReportDefinition(model))
}
