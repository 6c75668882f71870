/**
 * Pure rules of payment links and gateway receipts: the receipt's closing statement per method,
 * which fetches of a link are not the customer opening it, and the link's state once opened.
 */
import { describe, expect, it } from 'vitest'
import { isLinkPreview } from '../../hub/payments/linkOpenings'
import { type ReceiptPdfModel, receiptDefinition, receiptStatement } from '../../main/documents/receiptPdf'
import { storedMethodLines } from '../../main/modules/invoicing/counterPayments'
import { linkState } from '../../main/modules/payments/linkState'

describe('receipt statement: counter or the channel the payment came through', () => {
  it.each([
    ['cash', 'Ce reçu atteste la somme reçue au guichet ; il ne vaut pas facture.'],
    ['cheque', 'Ce reçu atteste la somme reçue au guichet ; il ne vaut pas facture.'],
    ['card_terminal', 'Ce reçu atteste la somme reçue au guichet ; il ne vaut pas facture.'],
    ['transfer', 'Ce reçu atteste le paiement reçu par virement bancaire ; il ne vaut pas facture.'],
    [
      'card_monetico',
      'Ce reçu atteste le paiement reçu en ligne par carte bancaire (Monetico) ; il ne vaut pas facture.',
    ],
    [
      'card_cmi',
      'Ce reçu atteste le paiement reçu en ligne par carte bancaire (CMI) ; il ne vaut pas facture.',
    ],
    [
      'fatourati',
      'Ce reçu atteste le paiement reçu par le service de paiement FATOURATI ; il ne vaut pas facture.',
    ],
    ['amanpay', 'Ce reçu atteste le paiement reçu en espèces en agence AmanPay ; il ne vaut pas facture.'],
    ['something_new', 'Ce reçu atteste la somme reçue au guichet ; il ne vaut pas facture.'],
  ])('%s', (method, statement) => {
    expect(receiptStatement(method)).toBe(statement)
  })

  it('the PDF definition carries the statement of its method', () => {
    const model: ReceiptPdfModel = {
      issuer: {
        name: 'Port Sainte Marie',
        addressLines: ['Capitainerie', '17000 La Rochelle'],
        currency: 'EUR',
        defaultVatRateBp: 2000,
      },
      paymentId: '01JABCDEFGHJKMNPQRSTVWXYZ0',
      receivedAt: '2026-11-22T10:00:00.000Z',
      timeZone: 'Europe/Paris',
      deskId: 'P01',
      staffName: null,
      customer: { title: 'Client', lines: ['Marie Durand'], customerNumber: 'C-1' },
      invoiceNumber: '2026-P01-000001',
      invoiceDate: '2026-11-22',
      invoiceTotalMinor: 85000,
      currency: 'EUR',
      method: 'card_monetico',
      methodLabel: 'Carte bancaire en ligne (Monetico)',
      methodLines: [],
      amountMinor: 85000,
      dueAfterMinor: 0,
    }
    const text = JSON.stringify(receiptDefinition(model).content)
    expect(text).toContain('reçu en ligne par carte bancaire (Monetico)')
    expect(text).not.toContain('au guichet')
    expect(JSON.stringify(receiptDefinition({ ...model, method: 'cash' }).content)).toContain(
      'la somme reçue au guichet',
    )
  })

  it('a card gateway payment shows the masked card and the authorisation, never more', () => {
    const p = {
      method: 'card_monetico',
      reference: 'AB12CD34EF56/123456',
      details: JSON.stringify({
        gateway: 'monetico',
        maskedPan: '4970XXXXXXXX0022',
        authorisation: '123456',
      }),
    } as Parameters<typeof storedMethodLines>[0]
    expect(storedMethodLines(p, 'EUR')).toEqual([
      'Référence AB12CD34EF56/123456',
      'Carte 4970XXXXXXXX0022 — autorisation n° 123456',
    ])
    expect(storedMethodLines({ ...p, details: null }, 'EUR')).toEqual(['Référence AB12CD34EF56/123456'])
  })
})

describe('opening a link: the customer, not a preview', () => {
  it.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148', false],
    ['Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36', false],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120 Safari/537.36', false],
    [undefined, false],
    ['facebookexternalhit/1.1 Facebot Twitterbot/1.0', true],
    ['WhatsApp/2.23.20.0', true],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', true],
    ['TelegramBot (like TwitterBot)', true],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true],
    ['Mozilla/5.0 (Windows NT 10.0) SkypeUriPreview Preview/0.5', true],
  ])('%s → preview %s', (agent, preview) => {
    expect(isLinkPreview(agent)).toBe(preview)
  })
})

describe('link state once opened', () => {
  const at = '2026-11-22T09:00:00Z'
  it.each([
    ['pending', [], true, 'opened'],
    ['pending', [{ kind: 'sent' }], true, 'opened'],
    ['pending', [{ kind: 'failed' }], true, 'opened'],
    ['pending', [{ kind: 'sent' }], false, 'sent'],
    ['paid', [{ kind: 'sent' }], true, 'paid'],
    ['failed', [{ kind: 'sent' }], true, 'failed'],
    ['expired', [], true, 'expired'],
  ] as const)('request %s, sends %j, opened %s → %s', (request, kinds, opened, expected) => {
    expect(
      linkState(
        request,
        kinds.map((k) => ({ ...k, createdAt: at })),
        opened,
      ),
    ).toBe(expected)
  })
})
