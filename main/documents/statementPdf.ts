import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HarbourIssuer } from '../modules/harbour/harbourIssuer'
import {
  documentStyles,
  footer,
  headerRow,
  issuerBlock,
  type PartyBlock,
  partyBlock,
  pdfDate,
  pdfMoney,
  tableLayout,
} from './invoicePdfParts'
import { type RenderedPdf, renderPdf } from './pdf'

export interface StatementRow {
  invoiceNumber: string
  issueDate: string
  label: string
  /** Each row in its invoice's own currency. */
  currency: string
  totalGrossMinor: number
  paidMinor: number
  dueMinor: number
}

export interface StatementPdfModel {
  issuer: HarbourIssuer
  customer: PartyBlock & { customerNumber: string }
  from: string
  to: string
  printedOn: string
  rows: StatementRow[]
  /** One block per currency present (never a sum across currencies). */
  totals: StatementTotals[]
}

export interface StatementTotals {
  currency: string
  invoicedMinor: number
  paidMinor: number
  dueMinor: number
}

/** The totals of one currency; the currency is named when the statement holds more than one. */
function totalsRows(t: StatementTotals, several: boolean): TableCell[][] {
  const money = (minor: number) => pdfMoney(minor, t.currency)
  const suffix = several ? ` (${t.currency})` : ''
  return [
    [`Total facturé${suffix}`, { text: money(t.invoicedMinor), alignment: 'right' }],
    [`Total réglé${suffix}`, { text: money(t.paidMinor), alignment: 'right' }],
    [
      { text: `Solde dû${suffix}`, style: 'total' },
      { text: money(t.dueMinor), style: 'total', alignment: 'right' },
    ],
  ]
}

/** The "Compte client" of the seed on paper: the invoices of a period, what was paid, what is due. */
export function statementDefinition(model: StatementPdfModel) {
  const several = model.totals.length > 1
  const body: TableCell[][] = [
    headerRow(['N° facture', 'Date', 'Libellé', 'Montant TTC', 'Réglé', 'Solde'], 3),
    ...model.rows.map((r) => [
      { text: r.invoiceNumber },
      { text: pdfDate(r.issueDate) },
      { text: r.label },
      { text: pdfMoney(r.totalGrossMinor, r.currency), alignment: 'right' as const },
      { text: pdfMoney(r.paidMinor, r.currency), alignment: 'right' as const },
      { text: pdfMoney(r.dueMinor, r.currency), alignment: 'right' as const },
    ]),
  ]
  if (model.rows.length === 0)
    body.push([{ text: 'Aucune facture sur la période.', colSpan: 6 }, '', '', '', '', ''])
  const content: Content[] = [
    {
      columns: [
        issuerBlock(model.issuer),
        { ...(partyBlock(model.customer) as object), width: 220 } as Content,
      ],
    },
    { text: 'RELEVÉ DE COMPTE', style: 'title' },
    {
      text: `Client n° ${model.customer.customerNumber} — période du ${pdfDate(model.from)} au ${pdfDate(model.to)} — édité le ${pdfDate(model.printedOn)}`,
      margin: [0, 0, 0, 10],
    },
    { table: { headerRows: 1, widths: [100, 52, '*', 68, 62, 62], body }, layout: tableLayout },
    {
      margin: [0, 14, 0, 0],
      columns: [
        { width: '*', text: '' },
        {
          width: 230,
          table: {
            widths: ['*', 90],
            body: model.totals.flatMap((t, i) => [
              ...(i > 0 ? [[{ text: '', margin: [0, 2, 0, 2] }, '']] : []),
              ...totalsRows(t, several),
            ]) as TableCell[][],
          },
          layout: 'noBorders',
        },
      ],
    },
  ]
  return {
    info: { title: `Relevé ${model.customer.customerNumber}`, author: model.issuer.name },
    content,
    styles: documentStyles,
    footer: footer(model.issuer, `Relevé ${model.customer.customerNumber}`),
  }
}

export function renderStatementPdf(model: StatementPdfModel): Promise<RenderedPdf> {
  return renderPdf(statementDefinition(model))
}
