/**
 * The berth contract as PDF: harbour identity, parties, boat, berth, period, price, terms and,
 * once signed, the signing moment and the three steps recorded. The same data always gives the
 * same bytes (fixed creation date), and the signed copy is archived, never re-rendered.
 */
import type { Content, TableCell } from 'pdfmake/interfaces'
import { dateText, instantParts, metresText, moneyText, rateText, signedMention } from './contractText'
import type { PdfDefinition, RenderedPdf } from './pdf'
import { renderPdf } from './pdf'

export interface ContractPdfData {
  issuer: {
    name: string
    addressLines: string[]
    siret?: string | undefined
    ice?: string | undefined
    vatNumber?: string | undefined
    phone?: string | undefined
    email?: string | undefined
  }
  timeZone: string
  contractNumber: string
  kindLabel: string
  typeLabel: string
  createdAt: string
  customer: {
    number: string
    name: string
    addressLines: string[]
    email: string | null
    phone: string | null
  }
  boat: {
    name: string
    registration: string
    typeLabel: string
    lengthCm: number
    beamCm: number
    draughtCm: number
  }
  berth: { code: string; pontoon: string; maxLengthCm: number; maxBeamCm: number } | null
  startDate: string
  endDate: string
  homePort: string
  paymentLabel: string
  instalments: number
  currency: string
  lines: { label: string; quantity: number; unitNetMinor: number; vatRateBp: number }[]
  totalNetMinor: number
  totalVatMinor: number
  totalGrossMinor: number
  references: string | null
  notes: string | null
  signature: { signedAt: string; steps: { step: number; label: string; at: string; by: string }[] } | null
}

export const CONTRACT_TERMS = [
  "1. Objet. La capitainerie met à la disposition du titulaire l'emplacement désigné pour le bateau désigné, pour la période indiquée. Le contrat est personnel et ne peut être cédé ni sous-loué.",
  "2. Bateau. Seul le bateau désigné peut occuper l'emplacement. Ses dimensions ne dépassent pas celles de l'emplacement ; toute modification du bateau est déclarée à la capitainerie.",
  "3. Assurance. Le titulaire assure le bateau en responsabilité civile pour toute la durée du contrat et en présente l'attestation à jour.",
  '4. Redevance. Le montant est dû selon le mode de paiement choisi et les échéances indiquées ; il est arrêté à la signature et ne varie pas en cours de contrat.',
  '5. Règlement de police. Le titulaire respecte le règlement particulier de police du port et les consignes de la capitainerie.',
  '6. Fin du contrat. Toute modification ou résiliation fait l’objet d’un avenant ou d’un acte de résiliation distinct ; le présent contrat signé n’est jamais modifié.',
]

function row(label: string, value: string): TableCell[] {
  return [{ text: label, color: '#555555' }, { text: value }]
}

export function contractPdfDefinition(d: ContractPdfData): PdfDefinition {
  const issuerIds = [
    d.issuer.siret ? `SIRET ${d.issuer.siret}` : null,
    d.issuer.ice ? `ICE ${d.issuer.ice}` : null,
    d.issuer.vatNumber ? `TVA ${d.issuer.vatNumber}` : null,
  ].filter(Boolean) as string[]
  const contact = [d.issuer.phone, d.issuer.email].filter(Boolean) as string[]

  const priceRows: TableCell[][] = [
    [
      { text: 'Désignation', style: 'th' },
      { text: 'Qté', style: 'th', alignment: 'right' },
      { text: 'PU HT', style: 'th', alignment: 'right' },
      { text: 'TVA', style: 'th', alignment: 'right' },
      { text: 'Total HT', style: 'th', alignment: 'right' },
    ],
    ...d.lines.map((l) => [
      { text: l.label },
      { text: String(l.quantity), alignment: 'right' as const },
      { text: moneyText(l.unitNetMinor, d.currency), alignment: 'right' as const },
      { text: rateText(l.vatRateBp), alignment: 'right' as const },
      { text: moneyText(l.quantity * l.unitNetMinor, d.currency), alignment: 'right' as const },
    ]),
  ]

  const content: Content[] = [
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: d.issuer.name, style: 'issuer' },
            ...d.issuer.addressLines.map((l) => ({ text: l })),
            ...(contact.length ? [{ text: contact.join(' · ') }] : []),
            ...(issuerIds.length ? [{ text: issuerIds.join(' · '), color: '#555555' }] : []),
          ],
        },
        {
          width: 200,
          stack: [
            { text: `${d.kindLabel} ${d.typeLabel.toLowerCase()}`, style: 'title', alignment: 'right' },
            { text: `N° ${d.contractNumber}`, alignment: 'right' },
            { text: `Établi le ${dateText(d.createdAt.slice(0, 10))}`, alignment: 'right', color: '#555555' },
            ...(d.signature
              ? []
              : [{ text: 'PROJET — NON SIGNÉ', alignment: 'right' as const, bold: true, color: '#b45309' }]),
          ],
        },
      ],
    },
    { text: 'Titulaire', style: 'h2' },
    {
      table: {
        widths: [110, '*'],
        body: [
          row('Client', `${d.customer.name} (${d.customer.number})`),
          row('Adresse', d.customer.addressLines.join(', ')),
          ...(d.customer.email ? [row('E-mail', d.customer.email)] : []),
          ...(d.customer.phone ? [row('Téléphone', d.customer.phone)] : []),
        ],
      },
      layout: 'noBorders',
    },
    { text: 'Bateau', style: 'h2' },
    {
      table: {
        widths: [110, '*'],
        body: [
          row('Nom', d.boat.name),
          row('Immatriculation', d.boat.registration),
          row('Type', d.boat.typeLabel),
          row(
            'Dimensions',
            `longueur ${metresText(d.boat.lengthCm)} · largeur ${metresText(d.boat.beamCm)} · tirant d’eau ${metresText(d.boat.draughtCm)}`,
          ),
          row('Port d’attache', d.homePort),
        ],
      },
      layout: 'noBorders',
    },
    { text: 'Emplacement et période', style: 'h2' },
    {
      table: {
        widths: [110, '*'],
        body: [
          ...(d.berth
            ? [
                row('Emplacement', `${d.berth.code} (ponton ${d.berth.pontoon})`),
                row(
                  'Dimensions maximales',
                  `${metresText(d.berth.maxLengthCm)} × ${metresText(d.berth.maxBeamCm)}`,
                ),
              ]
            : []),
          row('Période', `du ${dateText(d.startDate)} au ${dateText(d.endDate)} inclus`),
          ...(d.references ? [row('Référence', d.references)] : []),
        ],
      },
      layout: 'noBorders',
    },
    ...(d.lines.length
      ? ([
          { text: 'Redevance', style: 'h2' },
          {
            table: { headerRows: 1, widths: ['*', 30, 70, 40, 75], body: priceRows },
            layout: 'lightHorizontalLines',
          },
          {
            margin: [0, 6, 0, 0],
            table: {
              widths: ['*', 90],
              body: [
                [
                  { text: 'Total HT', alignment: 'right' },
                  { text: moneyText(d.totalNetMinor, d.currency), alignment: 'right' },
                ],
                [
                  { text: 'TVA', alignment: 'right' },
                  { text: moneyText(d.totalVatMinor, d.currency), alignment: 'right' },
                ],
                [
                  { text: 'Total TTC', alignment: 'right', bold: true },
                  { text: moneyText(d.totalGrossMinor, d.currency), alignment: 'right', bold: true },
                ],
              ],
            },
            layout: 'noBorders',
          },
          {
            text: `Mode de paiement : ${d.paymentLabel}${d.instalments > 1 ? ` · en ${d.instalments} échéances` : ''}`,
            margin: [0, 4, 0, 0],
          },
        ] as Content[])
      : []),
    ...(d.notes ? [{ text: 'Observations', style: 'h2' }, { text: d.notes }] : []),
    { text: 'Conditions', style: 'h2' },
    ...CONTRACT_TERMS.map((t) => ({ text: t, margin: [0, 0, 0, 3] as [number, number, number, number] })),
    { text: 'Signature', style: 'h2' },
    d.signature
      ? {
          stack: [
            { text: signedMention(d.signature.signedAt, d.timeZone), bold: true, fontSize: 11 },
            ...(d.signature.steps.length === 0
              ? [{ text: 'Signé sur papier ; l’original est conservé à la capitainerie.', color: '#333333' }]
              : []),
            ...d.signature.steps.map((s) => {
              const { date, time } = instantParts(s.at, d.timeZone)
              return {
                text: `Étape ${s.step} : ${s.label} — le ${date} à ${time} (${s.by})`,
                color: '#333333',
              }
            }),
          ],
        }
      : {
          text: 'Le titulaire signe en trois étapes : il déclare avoir téléchargé le contrat et disposer d’un logiciel pour le lire, l’avoir lu, et en accepter les termes.',
          color: '#555555',
        },
  ]

  return {
    info: {
      title: `Contrat ${d.contractNumber}`,
      author: d.issuer.name,
      creator: 'Guichet',
      producer: 'Guichet',
      creationDate: new Date(d.signature?.signedAt ?? d.createdAt),
    },
    content,
    styles: {
      issuer: { fontSize: 13, bold: true },
      title: { fontSize: 13, bold: true },
      h2: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      th: { bold: true, color: '#333333' },
    },
    footer: (page: number, pages: number) => ({
      text: `${d.issuer.name} · Contrat ${d.contractNumber} · page ${page}/${pages}`,
      alignment: 'center',
      fontSize: 7,
      color: '#777777',
      margin: [0, 20, 0, 0],
    }),
  }
}

export function renderContractPdf(data: ContractPdfData): Promise<RenderedPdf> {
  return renderPdf(contractPdfDefinition(data))
}
