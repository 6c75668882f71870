import type { Content } from 'pdfmake/interfaces'
import type { HarbourIssuer } from '../modules/harbour/harbourIssuer'
import {
  documentStyles,
  footer,
  issuerBlock,
  type PartyBlock,
  partyBlock,
  pdfDate,
  pdfDateTime,
  pdfMoney,
} from './invoicePdfParts'
import { type RenderedPdf, renderPdf } from './pdf'

export interface ReceiptPdfModel {
  issuer: HarbourIssuer
  paymentId: string
  receivedAt: string
  timeZone: string
  deskId: string
  staffName: string | null
  customer: PartyBlock & { customerNumber: string }
  invoiceNumber: string
  invoiceDate: string
  invoiceTotalMinor: number
  currency: string
  /** The payment's method code (`cash`, `card_monetico`, …): it decides the closing statement. */
  method: string
  methodLabel: string
  /** Method facts already worded: "Chèque n° 1234567 — Crédit Agricole — tiré par …". */
  methodLines: string[]
  amountMinor: number
  /** What remains due on the invoice after this payment. */
  dueAfterMinor: number
}

/** How the money reached us, for the closing statement: only counter methods were taken at the desk. */
const CHANNEL_OF_METHOD: Record<string, string> = {
  transfer: 'par virement bancaire',
  card_monetico: 'en ligne par carte bancaire (Monetico)',
  card_cmi: 'en ligne par carte bancaire (CMI)',
  fatourati: 'par le service de paiement FATOURATI',
  amanpay: 'en espèces en agence AmanPay',
}

/**
 * The receipt's closing statement. A gateway payment (card on the bank's page from a payment link,
 * a FATOURATI reference, an AmanPay code) never passed through the counter: the receipt says how
 * it was received instead.
 */
export function receiptStatement(method: string): string {
  const channel = CHANNEL_OF_METHOD[method]
  return channel
    ? `Ce reçu atteste le paiement reçu ${channel} ; il ne vaut pas facture.`
    : 'Ce reçu atteste la somme reçue au guichet ; il ne vaut pas facture.'
}

export function receiptDefinition(model: ReceiptPdfModel) {
  const money = (minor: number) => pdfMoney(minor, model.currency)
  const rows: [string, string][] = [
    ['Facture', `${model.invoiceNumber} du ${pdfDate(model.invoiceDate)}`],
    ['Montant de la facture TTC', money(model.invoiceTotalMinor)],
    ['Mode de règlement', model.methodLabel],
    ...model.methodLines.map((line): [string, string] => ['', line]),
    ['Montant reçu', money(model.amountMinor)],
    ['Reste dû sur la facture', money(model.dueAfterMinor)],
  ]
  const content: Content[] = [
    {
      columns: [
        issuerBlock(model.issuer),
        { ...(partyBlock(model.customer) as object), width: 220 } as Content,
      ],
    },
    { text: 'REÇU DE PAIEMENT', style: 'title' },
    {
      text: `Reçu n° ${model.paymentId} — ${pdfDateTime(model.receivedAt, model.timeZone)} — guichet ${model.deskId}${model.staffName ? ` — ${model.staffName}` : ''}`,
      margin: [0, 0, 0, 12],
    },
    {
      table: {
        widths: [160, '*'],
        body: rows.map(([k, v], i) => [
          { text: k, style: 'label' },
          { text: v, bold: i === rows.length - 2 },
        ]),
      },
      layout: 'lightHorizontalLines',
    },
    {
      text: receiptStatement(model.method),
      style: 'small',
      margin: [0, 24, 0, 0],
    },
  ]
  return {
    info: { title: `Reçu ${model.paymentId}`, author: model.issuer.name },
    content,
    styles: documentStyles,
    footer: footer(model.issuer, `Reçu ${model.paymentId}`),
  }
}

export function renderReceiptPdf(model: ReceiptPdfModel): Promise<RenderedPdf> {
  return renderPdf(receiptDefinition(model))
}
