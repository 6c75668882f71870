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
  currency: string
  rows: StatementRow[]
  totals: { invoicedMinor: number; paidMinor: number; dueMinor: number }
}

/** The "Compte client" of the seed on paper: the invoices of a period, what was paid, what is due. */
export function statementDefinition(model: StatementPdfModel) {
  const money = (minor: number) => pdfMoney(minor, model.currency)
  const body: TableCell[][] = [
    headerRow(['N° facture', 'Date', 'Libellé', 'Montant TTC', 'Réglé', 'Solde'], 3),
    ...model.rows.map((r) => [
      { text: r.invoiceNumber },
      { text: pdfDate(r.issueDate) },
      { text: r.label },
      { text: money(r.totalGrossMinor), alignment: 'right' as const },
      { text: money(r.paidMinor), alignment: 'right' as const },
      { text: money(r.dueMinor), alignment: 'right' as const },
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
            body: [
              ['Total facturé', { text: money(model.totals.invoicedMinor), alignment: 'right' }],
              ['Total réglé', { text: money(model.totals.paidMinor), alignment: 'right' }],
              [
                { text: 'Solde dû', style: 'total' },
                { text: money(model.totals.dueMinor), style: 'total', alignment: 'right' },
              ],
            ],
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
