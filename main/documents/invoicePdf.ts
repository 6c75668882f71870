import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HarbourIssuer } from '../modules/harbour/harbourIssuer'
import type { InvoiceTotals } from '../modules/invoicing/vatTotals'
import {
  documentStyles,
  footer,
  headerRow,
  issuerBlock,
  type PartyBlock,
  partyBlock,
  pdfDate,
  pdfMoney,
  pdfQuantity,
  pdfRate,
  tableLayout,
} from './invoicePdfParts'
import { type RenderedPdf, renderPdf } from './pdf'

export interface InvoicePdfModel {
  issuer: HarbourIssuer
  invoiceNumber: string
  kind: 'contract' | 'service' | 'credit_note' | 'bill'
  label: string
  issueDate: string
  currency: string
  customer: PartyBlock & { customerNumber: string }
  lines: { label: string; quantityMilli: number; unitNetMinor: number; vatRateBp: number }[]
  totals: InvoiceTotals
  /** A credit note: the invoice it corrects, and why. */
  credits?: { invoiceNumber: string; issueDate: string; reason: string }
  instalment?: { no: number; count: number }
}

/** The legal mentions a French invoice must carry (Code de commerce L441-9, CGI art. 242 nonies A). */
function legalMentions(model: InvoicePdfModel): string[] {
  const mentions = [
    'Facture payable à réception. Pas d’escompte pour paiement anticipé.',
    'En cas de retard de paiement : pénalités au taux de trois fois le taux d’intérêt légal, exigibles sans rappel.',
  ]
  if (model.currency === 'EUR') {
    mentions.push('Indemnité forfaitaire pour frais de recouvrement due au créancier professionnel : 40 €.')
  }
  if (model.totals.totalVatMinor === 0) mentions.push('TVA non applicable ou exonérée.')
  return mentions
}

export function invoiceDefinition(model: InvoicePdfModel) {
  const money = (minor: number) => pdfMoney(minor, model.currency)
  const isCredit = model.kind === 'credit_note'
  const lineRows: TableCell[][] = model.lines.map((line, i) => [
    { text: line.label },
    { text: pdfQuantity(line.quantityMilli), alignment: 'right' },
    { text: money(line.unitNetMinor), alignment: 'right' },
    { text: pdfRate(line.vatRateBp), alignment: 'right' },
    { text: money(model.totals.lineNetMinor[i]!), alignment: 'right' },
  ])
  const vatRows: TableCell[][] = model.totals.breakdown.map((b) => [
    { text: pdfRate(b.vatRateBp) },
    { text: money(b.netMinor), alignment: 'right' },
    { text: money(b.vatMinor), alignment: 'right' },
  ])
  const content: Content[] = [
    {
      columns: [
        issuerBlock(model.issuer),
        { ...(partyBlock(model.customer) as object), width: 220, margin: [0, 0, 0, 0] } as Content,
      ],
    },
    { text: isCredit ? 'AVOIR' : 'FACTURE', style: 'title' },
    {
      columns: [
        {
          stack: [
            { text: 'Numéro', style: 'label' },
            { text: model.invoiceNumber, bold: true },
          ],
        },
        { stack: [{ text: 'Date', style: 'label' }, { text: pdfDate(model.issueDate) }] },
        { stack: [{ text: 'Client n°', style: 'label' }, { text: model.customer.customerNumber }] },
        { stack: [{ text: 'Objet', style: 'label' }, { text: model.label }], width: 200 },
      ],
      margin: [0, 0, 0, 8],
    },
    ...(model.credits
      ? [
          {
            text: `Avoir sur la facture n° ${model.credits.invoiceNumber} du ${pdfDate(model.credits.issueDate)} — motif : ${model.credits.reason}`,
            margin: [0, 0, 0, 8],
          } as Content,
        ]
      : []),
    ...(model.instalment && model.instalment.count > 1
      ? [
          {
            text: `Échéance ${model.instalment.no} sur ${model.instalment.count}`,
            margin: [0, 0, 0, 8],
          } as Content,
        ]
      : []),
    {
      table: {
        headerRows: 1,
        widths: ['*', 50, 70, 45, 80],
        body: [headerRow(['Désignation', 'Quantité', 'PU HT', 'TVA', 'Montant HT']), ...lineRows],
      },
      layout: tableLayout,
    },
    {
      columns: [
        {
          width: 240,
          table: {
            headerRows: 1,
            widths: [50, '*', '*'],
            body: [headerRow(['Taux TVA', 'Base HT', 'TVA']), ...vatRows],
          },
          layout: tableLayout,
        },
        { width: '*', text: '' },
        {
          width: 200,
          table: {
            widths: ['*', 90],
            body: [
              ['Total HT', { text: money(model.totals.totalNetMinor), alignment: 'right' }],
              ['Total TVA', { text: money(model.totals.totalVatMinor), alignment: 'right' }],
              [
                { text: 'Total TTC', style: 'total' },
                { text: money(model.totals.totalGrossMinor), style: 'total', alignment: 'right' },
              ],
            ],
          },
          layout: 'noBorders',
        },
      ],
      margin: [0, 12, 0, 0],
    },
    { stack: legalMentions(model).map((text) => ({ text, style: 'small' })), margin: [0, 24, 0, 0] },
  ]
  return {
    info: { title: `${isCredit ? 'Avoir' : 'Facture'} ${model.invoiceNumber}`, author: model.issuer.name },
    content,
    styles: documentStyles,
    footer: footer(model.issuer, model.invoiceNumber),
  }
}

export function renderInvoicePdf(model: InvoicePdfModel): Promise<RenderedPdf> {
  return renderPdf(invoiceDefinition(model))
}

export function invoiceFileName(invoiceNumber: string, kind: string): string {
  return `${kind === 'credit_note' ? 'avoir' : 'facture'}-${invoiceNumber}.pdf`
}
