/**
 * The slip a customer takes away to pay a FATOURATI reference (banking app, ATM, agency) or an
 * AmanPay code (cash agency): the reference in large digits, the amount, the expiry, and how to pay.
 */
import type { PaymentRequestView } from '../../../preload/contract/payments'
import { type RenderedPdf, renderPdf } from '../../documents/pdf'
import { groupDigits } from '../../integrations/fatourati/reference'

const mad = (minor: number) =>
  `${String(Math.floor(minor / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(minor % 100).padStart(2, '0')} DH`

const when = (iso: string) => {
  const d = new Date(iso)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} à ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`
}

export function referenceSlip(
  request: PaymentRequestView,
  context: { customerName: string; invoiceNumber: string; organisation: string },
): Promise<RenderedPdf> {
  const fatourati = request.gateway === 'fatourati'
  const title = fatourati ? 'Paiement par référence FATOURATI' : 'Paiement en espèces par code AmanPay'
  const how = fatourati
    ? [
        'Payez depuis votre application bancaire, un guichet automatique, la banque en ligne ou une agence : ',
        'choisissez « FATOURATI », le facturier, puis saisissez la référence ci-dessus. Le montant dû s’affiche avant le paiement.',
      ].join('')
    : 'Présentez ce code dans une agence partenaire AmanPay et réglez le montant en espèces. Gardez le reçu de l’agence.'
  return renderPdf({
    info: { title: `${title} ${request.reference}` },
    content: [
      { text: context.organisation, style: 'muted' },
      { text: title, fontSize: 16, bold: true, margin: [0, 8, 0, 16] },
      {
        table: {
          widths: [140, '*'],
          body: [
            ['Client', context.customerName],
            ['Facture', context.invoiceNumber],
            ['Montant à payer', { text: mad(request.amountMinor), bold: true }],
            ['Valable jusqu’au', when(request.expiresAt)],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: fatourati ? 'Référence' : 'Code', margin: [0, 24, 0, 4], style: 'muted' },
      { text: groupDigits(request.reference), fontSize: 26, bold: true, characterSpacing: 2 },
      { text: how, margin: [0, 24, 0, 0] },
      {
        text: 'Le paiement est pris en compte dès que l’opérateur nous le confirme ; un reçu vous est alors délivré.',
        style: 'muted',
        margin: [0, 12, 0, 0],
      },
    ],
    styles: { muted: { color: '#666666' } },
  })
}
