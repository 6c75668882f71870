/**
 * The slip a customer takes away to pay a FATOURATI reference (banking app, ATM, agency) or an
 * AmanPay code (cash agency): the reference in large digits, the amount, the expiry, and how to pay.
 */
import type { PaymentRequestView } from '../../../preload/contract/payments'
import { documentStyles, footer, issuerBlock, pdfDateTime, pdfMoney } from '../../documents/invoicePdfParts'
import { type RenderedPdf, renderPdf } from '../../documents/pdf'
import { groupDigits } from '../../integrations/fatourati/reference'
import type { HarbourIssuer } from '../harbour/harbourIssuer'

export interface SlipContext {
  customerName: string
  invoiceNumber: string
  /** Who issues the invoice and takes the money, as on the invoice and the receipt. */
  issuer: HarbourIssuer
  /** The desk's zone (`GUICHET_TIME_ZONE`): the expiry is read by a customer at the counter. */
  timeZone: string
}

export function referenceSlip(request: PaymentRequestView, context: SlipContext): Promise<RenderedPdf> {
  const fatourati = request.gateway === 'fatourati'
  const title = fatourati ? 'Paiement par référence FATOURATI' : 'Paiement en espèces par code AmanPay'
  const how = fatourati
    ? [
        'Payez depuis votre application bancaire, un guichet automatique, la banque en ligne ou une agence : ',
        'choisissez « FATOURATI », le facturier, puis saisissez la référence ci-dessus. Le montant dû s’affiche avant le paiement.',
      ].join('')
    : 'Présentez ce code dans une agence partenaire AmanPay et réglez le montant en espèces. Gardez le reçu de l’agence.'
  const docRef = `${fatourati ? 'Référence' : 'Code'} ${request.reference}`
  return renderPdf({
    info: { title: `${title} ${request.reference}`, author: context.issuer.name },
    content: [
      issuerBlock(context.issuer),
      { text: title, style: 'title' },
      {
        table: {
          widths: [140, '*'],
          body: [
            [{ text: 'Client', style: 'label' }, context.customerName],
            [{ text: 'Facture', style: 'label' }, context.invoiceNumber],
            [
              { text: 'Montant à payer', style: 'label' },
              { text: pdfMoney(request.amountMinor, request.currency), bold: true },
            ],
            [{ text: 'Valable jusqu’au', style: 'label' }, pdfDateTime(request.expiresAt, context.timeZone)],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: fatourati ? 'Référence' : 'Code', margin: [0, 24, 0, 4], style: 'label' },
      { text: groupDigits(request.reference), fontSize: 26, bold: true, characterSpacing: 2 },
      { text: how, margin: [0, 24, 0, 0] },
      {
        text: 'Le paiement est pris en compte dès que l’opérateur nous le confirme ; un reçu vous est alors délivré.',
        style: 'small',
        margin: [0, 12, 0, 0],
      },
    ],
    styles: documentStyles,
    footer: footer(context.issuer, docRef),
  })
}
