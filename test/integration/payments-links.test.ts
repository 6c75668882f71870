/**
 * Payment links sent by email (through the mail port to our SMTP sink) and SMS (through the SMS
 * port to our loopback SMS gateway), their state tracked, and the receipt of a settled gateway
 * payment: a PDF on the desk and one email with it attached, sent once.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import type { HubPaymentsConfig } from '../../hub/payments/config'
import { type RunningHub, startHub } from '../../hub/server'
import { httpSms } from '../../main/integrations/sms/httpSms'
import { SmsSandbox } from '../../main/integrations/sms/smsSandbox'
import { linkState } from '../../main/modules/payments/linkState'
import { PaymentBrowser } from '../helpers/paymentBrowser'
import { CMI_SANDBOX, createMarie, deskAtHub, MONETICO_SANDBOX, serviceInvoice } from '../helpers/paymentsHub'
import type { TestDesk } from '../helpers/tempCore'

const config: HubPaymentsConfig = {
  publicUrl: '',
  monetico: MONETICO_SANDBOX,
  cmi: CMI_SANDBOX,
}

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise
  const parts: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '))
  }
  return parts.join('\n').replace(/\s+/g, ' ')
}

describe('payment links by email and SMS, receipts of gateway payments', () => {
  let store: HubStore
  let hub: RunningHub
  let desk: TestDesk
  let customerId: string

  const invoice = async (grossMinor: number) => serviceInvoice(desk, 'P02', customerId, grossMinor)

  async function request(invoiceId: string, email?: string) {
    const made = await desk.ok('payments.requestCreate', {
      invoiceId,
      gateway: 'monetico',
      ...(email ? { email } : {}),
      idempotencyKey: `k-${invoiceId}`,
    })
    await desk.ok('sync.now', {})
    return made
  }

  const linkOf = async (requestId: string) =>
    (await desk.ok('payments.linksOfCustomer', { customerId })).find((l) => l.requestId === requestId)!

  beforeAll(async () => {
    store = await openHubStore({})
    hub = await startHub({ store, logLevel: 'silent', payments: config, paymentSandboxes: true })
    desk = await deskAtHub(store.db, hub.url, 'P02')
    customerId = await createMarie(desk, {
      email: 'marie.durand@example.org',
      phones: [{ type: 'mobile', number: '06 12 34 56 78' }],
    })
  })

  afterAll(async () => {
    desk.dispose()
    await hub.close()
    await store.close()
  })

  it('emails the link (sink reads it), texts it (sandbox reads it), then paid: receipt PDF and one receipt mail', async () => {
    const inv = await invoice(48000)
    const req = await request(inv.id, 'marie.pay@example.org')
    expect((await linkOf(req.id)).state).toBe('created')

    const sent = await desk.ok('payments.linkSend', { requestId: req.id, channel: 'email' })
    expect(sent.state).toBe('sent')
    const sink = (await desk.core.services.invoicing.mailer.demoSink())!
    const mail = await sink.waitFor('marie.pay@example.org')
    expect(mail.subject).toContain('480,00')
    expect(mail.text).toContain(`${hub.url}/pay/${req.id}`)

    const texted = await desk.ok('payments.linkSend', { requestId: req.id, channel: 'sms' })
    expect(texted.events.map((e) => [e.kind, e.channel, e.recipient])).toEqual([
      ['sent', 'email', 'marie.pay@example.org'],
      ['sent', 'sms', '+33612345678'],
    ])
    const sandbox = (await desk.core.services.payments.sms.demoSandbox())!
    const [sms] = sandbox.messages('+33612345678')
    expect(sms!.text).toContain(`${hub.url}/pay/${req.id}`)
    expect(sms!.text).toContain('480,00')

    const browser = new PaymentBrowser()
    await browser.open(sms!.text.match(/https?:\/\/\S+\/pay\/\w+/)![0])
    await browser.payWithCard('4970100000000022')
    await desk.ok('sync.now', {})
    const paid = await linkOf(req.id)
    expect(paid.state).toBe('paid')
    expect(paid.paymentId).toBeTruthy()

    expect(await desk.core.services.payments.links.mailReceipts()).toBe(1)
    const receiptMail = (await sink.messages('marie.pay@example.org')).find((m) =>
      m.subject.startsWith('Reçu'),
    )!
    expect(receiptMail.attachments).toHaveLength(1)
    expect(receiptMail.attachments[0]!.contentType).toBe('application/pdf')
    mkdirSync('test-results', { recursive: true })
    writeFileSync('test-results/payment-links-receipt.pdf', receiptMail.attachments[0]!.content)
    const mailedText = await pdfText(receiptMail.attachments[0]!.content)
    expect(mailedText).toContain('REÇU DE PAIEMENT')
    expect(mailedText).toContain('480,00')
    expect(mailedText).toContain(req.reference)
    expect(mailedText).toContain('Carte bancaire en ligne (Monetico)')
    expect(mailedText).toContain(
      'Ce reçu atteste le paiement reçu en ligne par carte bancaire (Monetico) ; il ne vaut pas facture.',
    )
    expect(mailedText).not.toContain('au guichet')

    // Sent once: later sweeps find nothing, the event is recorded.
    expect(await desk.core.services.payments.links.mailReceipts()).toBe(0)
    expect(sink.messages('marie.pay@example.org').filter((m) => m.subject.startsWith('Reçu'))).toHaveLength(1)
    expect((await linkOf(req.id)).events.at(-1)).toMatchObject({ kind: 'receipt_sent', channel: 'email' })

    // A paid link is not sent again.
    const again = await desk.call('payments.linkSend', { requestId: req.id, channel: 'sms' })
    expect(JSON.stringify(again)).toContain('validation.paymentLinkClosed')

    // The receipt downloadable from the panel is the same archived document as the one mailed.
    const download = await desk.ok('invoicing.payments.receipt', { id: paid.paymentId! })
    expect(Buffer.from(download.base64, 'base64').equals(receiptMail.attachments[0]!.content)).toBe(true)
  })

  it('refuses a bad address at the field, records an SMS the gateway refused', async () => {
    const inv = await invoice(6000)
    const req = await request(inv.id)
    const bad = await desk.call('payments.linkSend', {
      requestId: req.id,
      channel: 'email',
      to: 'not-an-email',
    })
    expect(bad.ok).toBe(false)
    expect(JSON.stringify(bad)).toContain('validation.email')
    // The customer's own address when the request has none.
    await desk.ok('payments.linkSend', { requestId: req.id, channel: 'email' })
    const sink = (await desk.core.services.invoicing.mailer.demoSink())!
    expect((await sink.waitFor('marie.durand@example.org')).text).toContain(`/pay/${req.id}`)

    const malformed = await desk.call('payments.linkSend', { requestId: req.id, channel: 'sms', to: '+3312' })
    expect(JSON.stringify(malformed)).toContain('validation.phone')
    // A number the SMS gateway refuses: the attempt is recorded as failed, the agent told at the field.
    const refused = await desk.call('payments.linkSend', {
      requestId: req.id,
      channel: 'sms',
      to: '+999 1234 5678',
    })
    expect(refused.ok).toBe(false)
    expect(JSON.stringify(refused)).toContain('validation.paymentLinkSendFailed')
    expect((await linkOf(req.id)).events.map((e) => [e.kind, e.channel, e.recipient])).toEqual([
      ['sent', 'email', 'marie.durand@example.org'],
      ['failed', 'sms', '+99912345678'],
    ])
    expect((await linkOf(req.id)).state).toBe('sent')
  })

  it('the SMS adapter speaks the sandbox API and reports its refusals', async () => {
    const sandbox = new SmsSandbox('s3cret')
    const url = await sandbox.start()
    try {
      const ok = await httpSms({ url, token: 's3cret', sender: 'Port' }).send({
        to: '+212612345678',
        text: 'Bonjour',
      })
      expect(sandbox.messages()).toEqual([
        expect.objectContaining({ id: ok.messageId, from: 'Port', to: '+212612345678', text: 'Bonjour' }),
      ])
      await expect(
        httpSms({ url, token: 'wrong', sender: 'Port' }).send({ to: '+212612345678', text: 'x' }),
      ).rejects.toThrow(/401/)
      await expect(
        httpSms({ url, token: 's3cret', sender: 'Port' }).send({ to: '0612', text: 'x' }),
      ).rejects.toThrow(/422/)
    } finally {
      await sandbox.close()
    }
  })

  it.each([
    ['pending', [], 'created'],
    ['pending', [{ kind: 'failed' }], 'failed'],
    ['pending', [{ kind: 'failed' }, { kind: 'sent' }], 'sent'],
    ['paid', [{ kind: 'sent' }], 'paid'],
    ['expired', [{ kind: 'sent' }], 'expired'],
    ['failed', [{ kind: 'sent' }], 'failed'],
  ] as const)('link state: request %s with sends %j is %s', (request, kinds, expected) => {
    expect(
      linkState(
        request,
        kinds.map((k) => ({ ...k, createdAt: '2026-11-22T09:00:00Z' })),
      ),
    ).toBe(expected)
  })
})
