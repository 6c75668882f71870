/**
 * Card payments end to end: a desk asks for an invoice's balance, the request syncs to a real hub
 * (PGlite), the customer pays on the sandbox bank page (Monetico or CMI, 3-D Secure), the sandbox
 * notifies the hub server to server, and after the next sync the desk sees the invoice settled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubStore, openHubStore } from '../../hub/db/open'
import { createEnrolmentCode, enrolDesk } from '../../hub/enrolment'
import type { HubPaymentsConfig } from '../../hub/payments/config'
import { operatorDateTime } from '../../hub/payments/sandbox/sandboxes'
import { type RunningHub, startHub } from '../../hub/server'
import { pdfDateTime } from '../../main/documents/invoicePdfParts'
import { hashVer3 } from '../../main/integrations/cmi/hash'
import { signBody } from '../../main/integrations/fatourati/notification'
import { computeSeal, sealFields } from '../../main/integrations/monetico/seal'
import { httpTransport } from '../../main/sync/hubTransport'
import { PaymentBrowser } from '../helpers/paymentBrowser'
import { createMarie, deskAtHub, serviceInvoice } from '../helpers/paymentsHub'
import { type TestDesk, tempDesk } from '../helpers/tempCore'
import { pdfText } from './invoicing-helpers'

const MONETICO_KEY = '12345678901234567890123456789012345678P0'
const CMI_STORE_KEY = 'TEST1234'
const config: HubPaymentsConfig = {
  publicUrl: '',
  monetico: {
    tpe: '1234567',
    key: MONETICO_KEY,
    company: 'portsaintemarie',
    paymentUrl: '/sandbox/monetico/paiement.cgi',
  },
  cmi: { clientId: '600002599', storeKey: CMI_STORE_KEY, gatewayUrl: '/sandbox/cmi/fim/est3Dgate' },
}

describe('card payments through the sandboxes and the hub', () => {
  let store: HubStore
  let hub: RunningHub
  let desk: TestDesk
  let customerId: string
  const lines: string[] = []

  const control = (body: { copies?: number; delayMs?: number }) =>
    fetch(`${hub.url}/sandbox/control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  const invoice = async (currency: 'EUR' | 'MAD', grossMinor: number) =>
    serviceInvoice(desk, 'P01', customerId, grossMinor, currency)

  async function request(invoiceId: string, gateway: 'monetico' | 'cmi') {
    const made = await desk.ok('payments.requestCreate', {
      invoiceId,
      gateway,
      email: 'marie@example.org',
      idempotencyKey: `k-${invoiceId}`,
    })
    await desk.ok('sync.now', {})
    return made
  }

  const due = (invoiceId: string) => desk.core.services.billing.balance(invoiceId).dueMinor
  const security = async () =>
    (
      (await store.db.execute(
        'SELECT kind, reference FROM security_events ORDER BY id' as never,
      )) as unknown as {
        rows: { kind: string; reference: string }[]
      }
    ).rows

  beforeAll(async () => {
    store = await openHubStore({})
    hub = await startHub({
      store,
      logLevel: 'info',
      logStream: { write: (line) => void lines.push(line) },
      payments: config,
      paymentSandboxes: true,
    })
    desk = await deskAtHub(store.db, hub.url, 'P01')
    customerId = await createMarie(desk)
  })

  afterAll(async () => {
    desk.dispose()
    await hub.close()
    await store.close()
  })

  it('Monetico, 3-D Secure approved: notified, settled once on the desk after sync', async () => {
    const inv = await invoice('EUR', 152000)
    desk.core.services.billing.recordPayment(
      { staffId: null, deskId: 'P01' },
      { invoiceId: inv.id, method: 'cash', amountMinor: 67000 },
    )
    const req = await request(inv.id, 'monetico')
    expect(req).toMatchObject({ amountMinor: 85000, currency: 'EUR', state: 'pending' })
    expect(req.payUrl).toBe(`${hub.url}/pay/${req.id}`)

    const browser = new PaymentBrowser()
    const card = await browser.open(req.payUrl!)
    expect(card.html).toContain('850,00 €')
    expect(card.html).toContain('Abandonner')
    const challenge = await browser.payWithCard('4970 1000 0000 0014')
    expect(challenge.html).toContain('3-D Secure')
    const back = await browser.submit('/challenge', { code: '123456' })
    expect(back.url).toContain(`/pay/${req.id}/result`)
    expect(back.html).toContain('Paiement reçu')

    expect(due(inv.id)).toBe(85000) // not before the desk syncs
    await desk.ok('sync.now', {})
    expect(due(inv.id)).toBe(0)
    const [seen] = await desk.ok('payments.requestsOfInvoice', { invoiceId: inv.id })
    expect(seen).toMatchObject({
      state: 'paid',
      outcomes: [{ outcome: 'paid', amountMinor: 85000, maskedPan: '4970XXXXXXXX0014' }],
    })
    const log = (await (await fetch(`${hub.url}/sandbox/log`)).json()) as {
      reference: string
      answers: string[]
    }[]
    expect(log.find((l) => l.reference === req.reference)?.answers).toEqual(['version=2\ncdr=0\n'])
    // The merchant key never reaches a log line nor a page.
    expect(lines.join('\n')).not.toContain(MONETICO_KEY)
    expect(card.html).not.toContain(MONETICO_KEY)
  })

  it('Monetico declined, then the same link paid: a refusal may precede the payment', async () => {
    const inv = await invoice('EUR', 12000)
    const req = await request(inv.id, 'monetico')
    const browser = new PaymentBrowser()
    await browser.open(req.payUrl!)
    const refused = await browser.payWithCard('4970100000000006')
    expect(refused.html).toContain('non abouti')
    await desk.ok('sync.now', {})
    expect((await desk.ok('payments.requestsOfInvoice', { invoiceId: inv.id }))[0]!.state).toBe('failed')
    expect(due(inv.id)).toBe(12000)

    await browser.open(req.payUrl!)
    await browser.payWithCard('4970100000000022')
    await desk.ok('sync.now', {})
    expect(due(inv.id)).toBe(0)
  })

  it('abandoned on the bank page: back to the hub, nothing notified, nothing settled', async () => {
    const inv = await invoice('EUR', 5000)
    const req = await request(inv.id, 'monetico')
    const browser = new PaymentBrowser()
    await browser.open(req.payUrl!)
    const back = await browser.submit('/abandon')
    expect(back.html).toContain('Paiement non abouti')
    await desk.ok('sync.now', {})
    expect(due(inv.id)).toBe(5000)
    expect((await desk.ok('payments.requestsOfInvoice', { invoiceId: inv.id }))[0]!.state).toBe('pending')
  })

  it('duplicate and late notifications settle once', async () => {
    const inv = await invoice('EUR', 30000)
    const req = await request(inv.id, 'monetico')
    await control({ copies: 3, delayMs: 300 })
    try {
      const browser = new PaymentBrowser()
      await browser.open(req.payUrl!)
      const back = await browser.payWithCard('4970100000000022')
      // The customer is back before the bank's message: the page says so.
      expect(back.html).toContain('en cours de confirmation')
      await new Promise((r) => setTimeout(r, 900))
    } finally {
      await control({ copies: 1, delayMs: 0 })
    }
    await desk.ok('sync.now', {})
    expect(due(inv.id)).toBe(0)
    const paidRows = desk.core.services.repo.sqlite
      .prepare('SELECT count(*) AS n FROM payments WHERE invoice_id = ?')
      .get(inv.id) as { n: number }
    expect(paidRows.n).toBe(1)
    const log = (await (await fetch(`${hub.url}/sandbox/log`)).json()) as {
      reference: string
      answers: string[]
    }[]
    expect(log.find((l) => l.reference === req.reference)?.answers).toEqual(
      Array(3).fill('version=2\ncdr=0\n'),
    )
  })

  it('forged seal, unknown reference, other amount: refused, logged, nothing settled', async () => {
    const inv = await invoice('EUR', 40000)
    const req = await request(inv.id, 'monetico')
    const notify = (fields: Record<string, string>) =>
      fetch(`${hub.url}/v1/payments/monetico/return`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }).then((r) => r.text())
    const genuine = {
      TPE: '1234567',
      date: '22/11/2026_a_10:00:00',
      montant: '400.00EUR',
      reference: req.reference,
      'texte-libre': req.id,
      'code-retour': 'paiement',
      numauto: '123456',
    }
    const forgedKey = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF'
    expect(await notify(sealFields(forgedKey, genuine))).toBe('version=2\ncdr=1\n')
    expect(await notify({ ...genuine, MAC: computeSeal(MONETICO_KEY, 'x') })).toBe('version=2\ncdr=1\n')
    // Sealed with the right key but not what was asked: acknowledged (the seal is valid) and refused.
    expect(await notify(sealFields(MONETICO_KEY, { ...genuine, montant: '1.00EUR' }))).toBe(
      'version=2\ncdr=0\n',
    )
    expect(await notify(sealFields(MONETICO_KEY, { ...genuine, reference: 'NOSUCHREF001' }))).toBe(
      'version=2\ncdr=0\n',
    )
    await desk.ok('sync.now', {})
    expect(due(inv.id)).toBe(40000)
    const events = await security()
    expect(events.filter((e) => e.reference === req.reference).map((e) => e.kind)).toEqual([
      'forged_signature',
      'forged_signature',
      'amount_mismatch',
    ])
    expect(events.some((e) => e.kind === 'unknown_reference' && e.reference === 'NOSUCHREF001')).toBe(true)
    expect(lines.some((l) => l.includes('payment notification refused'))).toBe(true)
  })

  it('CMI (MAD), 3-D Secure: callback answered ACTION=POSTAUTH, invoice settled after sync', async () => {
    const inv = await invoice('MAD', 28500)
    const req = await request(inv.id, 'cmi')
    const browser = new PaymentBrowser()
    const card = await browser.open(req.payUrl!)
    expect(card.html).toContain('285,00 DH')
    await browser.payWithCard('5555555555554444')
    const wrong = await browser.submit('/challenge', { code: '000000' })
    expect(wrong.html).toContain('non abouti')
    await browser.open(req.payUrl!)
    await browser.payWithCard('5555555555554444')
    await browser.submit('/challenge', { code: '123456' })
    const log = (await (await fetch(`${hub.url}/sandbox/log`)).json()) as {
      reference: string
      answers: string[]
    }[]
    expect(log.filter((l) => l.reference === req.reference).map((l) => l.answers[0])).toEqual([
      'APPROVED',
      'ACTION=POSTAUTH',
    ])
    await desk.ok('sync.now', {})
    expect(due(inv.id)).toBe(0)

    // A forged callback is answered FAILURE.
    const forged = {
      clientid: '600002599',
      oid: req.reference,
      amount: '285.00',
      currency: '504',
      ProcReturnCode: '00',
    }
    const answer = await fetch(`${hub.url}/v1/payments/cmi/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...forged, HASH: hashVer3(forged, 'wrong') }).toString(),
    }).then((r) => r.text())
    expect(answer).toBe('FAILURE')
  })

  it('a payment for an invoice settled meanwhile at the counter becomes a customer credit', async () => {
    const inv = await invoice('EUR', 20000)
    const req = await request(inv.id, 'monetico')
    desk.core.services.billing.recordPayment(
      { staffId: null, deskId: 'P01' },
      { invoiceId: inv.id, method: 'cash', amountMinor: 15000 },
    )
    await desk.ok('sync.now', {})
    const browser = new PaymentBrowser()
    await browser.open(req.payUrl!)
    await browser.payWithCard('4970100000000022')
    await desk.ok('sync.now', {})
    expect(due(inv.id)).toBe(0)
    const credits = await desk.ok('payments.credits', {})
    expect(credits.items.find((c) => c.invoiceId === inv.id)).toMatchObject({
      amountMinor: 15000,
      reason: 'overpaid',
    })
  })

  it('the same idempotency key gives the same request; nothing due is refused at the field', async () => {
    const inv = await invoice('EUR', 1000)
    const a = await desk.ok('payments.requestCreate', {
      invoiceId: inv.id,
      gateway: 'monetico',
      idempotencyKey: 'same-key-1',
    })
    const b = await desk.ok('payments.requestCreate', {
      invoiceId: inv.id,
      gateway: 'monetico',
      idempotencyKey: 'same-key-1',
    })
    expect(b.id).toBe(a.id)
    const wrongCurrency = await desk.call('payments.requestCreate', {
      invoiceId: inv.id,
      gateway: 'cmi',
      idempotencyKey: 'other-key-1',
    })
    expect(wrongCurrency).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    desk.core.services.billing.recordPayment(
      { staffId: null, deskId: 'P01' },
      { invoiceId: inv.id, method: 'cash', amountMinor: 1000 },
    )
    const nothing = await desk.call('payments.requestCreate', {
      invoiceId: inv.id,
      gateway: 'monetico',
      idempotencyKey: 'other-key-2',
    })
    expect(JSON.stringify(nothing)).toContain('validation.paymentNothingDue')
  })
})

describe('FATOURATI references and AmanPay codes through the operator sandbox', () => {
  let store: HubStore
  let hub: RunningHub
  let desk: TestDesk
  const secrets = { fatourati: 'fatourati-test-secret', amanpay: 'amanpay-test-secret' }

  beforeAll(async () => {
    store = await openHubStore({})
    hub = await startHub({
      store,
      logLevel: false,
      payments: {
        publicUrl: '',
        fatourati: { secret: secrets.fatourati },
        amanpay: { secret: secrets.amanpay },
      },
      paymentSandboxes: true,
    })
    desk = await tempDesk({ deskId: 'M01' })
    const { code } = await createEnrolmentCode(store.db, 'M01', 'site')
    const { credential } = await enrolDesk(store.db, code, 'M01')
    desk.core.services.sync.attach(
      'hub',
      { hubUrl: hub.url, site: 'site' },
      httpTransport(hub.url, credential),
    )
    await desk.login('claire')
  })

  afterAll(async () => {
    desk.dispose()
    await hub.close()
    await store.close()
  })

  async function madInvoice(gross: number) {
    const { customer } = await desk.ok('customers.create', {
      kind: 'company',
      companyName: 'Transit Atlas SARL',
      address: { street: '12 bd Zerktouni', postalCode: '20000', city: 'Casablanca', country: 'MA' },
    })
    return desk.core.services.billing.issueInvoice(
      { staffId: null, deskId: 'M01' },
      {
        customerId: customer.id,
        kind: 'service',
        label: 'Forfait PORTNET annuel',
        issueDate: '2026-11-22',
        currency: 'MAD',
        totalNetMinor: Math.round(gross / 1.2),
        totalVatMinor: gross - Math.round(gross / 1.2),
      },
    )
  }

  it.each(['fatourati', 'amanpay'] as const)(
    '%s: issued, printed, paid at the operator, settled once after sync',
    async (gateway) => {
      const inv = await madInvoice(600000)
      const req = await desk.ok('payments.requestCreate', {
        invoiceId: inv.id,
        gateway,
        idempotencyKey: `k-${gateway}-1`,
      })
      expect(req.reference).toMatch(gateway === 'fatourati' ? /^742101\d{10}$/ : /^\d{12}$/)
      expect(req.payUrl).toBeNull()
      const slip = await desk.ok('payments.requestSlip', { id: req.id })
      expect(Buffer.from(slip.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
      // The issuer as on the invoice and receipt, the dirham as customers read it, the expiry in the desk's zone.
      const slipText = await pdfText(slip)
      expect(slipText).toContain(desk.core.services.invoicing.issuers.of(inv.id).name)
      expect(slipText).not.toContain('Guichet —')
      expect(slipText).toContain('6 000,00 DH')
      expect(slipText).toContain(pdfDateTime(req.expiresAt, desk.core.services.billing.timeZone))
      expect(slipText).not.toContain('UTC')
      await desk.ok('sync.now', {})

      const browser = new PaymentBrowser()
      browser.page = {
        url: `${hub.url}/sandbox/${gateway}`,
        status: 200,
        html: await (await fetch(`${hub.url}/sandbox/${gateway}`)).text(),
      }
      const found = await browser.submit('/inquiry', { reference: req.reference })
      expect(found.html).toContain('6 000,00 DH')
      // The expiry reads as a French date-time, not an ISO instant.
      expect(found.html).toContain(`Valable jusqu’au</dt><dd>${operatorDateTime(req.expiresAt)}</dd>`)
      expect(found.html).toMatch(/\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(heure du Maroc\)/)
      expect(found.html).not.toContain(req.expiresAt)
      await fetch(`${hub.url}/sandbox/control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ copies: 2 }),
      })
      const paid = await browser.submit('/pay')
      await fetch(`${hub.url}/sandbox/control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ copies: 1 }),
      })
      expect(paid.html).toContain('Paiement effectué')
      const log = (await (await fetch(`${hub.url}/sandbox/log`)).json()) as {
        reference: string
        answers: string[]
      }[]
      expect(log.find((l) => l.reference === req.reference)?.answers).toEqual([
        '200 ACCEPTED',
        '200 DUPLICATE',
      ])

      await desk.ok('sync.now', {})
      expect(desk.core.services.billing.balance(inv.id).dueMinor).toBe(0)
      expect((await desk.ok('payments.requestsOfInvoice', { invoiceId: inv.id }))[0]!.state).toBe('paid')
      const method = desk.core.services.repo.sqlite
        .prepare('SELECT method FROM payments WHERE invoice_id = ?')
        .all(inv.id)
      expect(method).toEqual([{ method: gateway }])

      // Paid: the operator's channel is told so.
      const again = await (await fetch(`${hub.url}/sandbox/${gateway}`)).text()
      browser.page = { url: `${hub.url}/sandbox/${gateway}`, status: 200, html: again }
      expect((await browser.submit('/inquiry', { reference: req.reference })).html).toContain('Déjà payée')
    },
  )

  it('a settlement with a bad signature or another amount is refused and settles nothing', async () => {
    const inv = await madInvoice(12000)
    const req = await desk.ok('payments.requestCreate', {
      invoiceId: inv.id,
      gateway: 'fatourati',
      idempotencyKey: 'k-fat-forged',
    })
    await desk.ok('sync.now', {})
    const send = (body: object, secret: string) => {
      const raw = JSON.stringify(body)
      return fetch(`${hub.url}/v1/payments/fatourati/notify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guichet-signature': signBody(secret, raw) },
        body: raw,
      }).then(async (r) => [r.status, ((await r.json()) as { status: string }).status])
    }
    const notice = {
      reference: req.reference,
      amount: '120.00',
      currency: 'MAD',
      status: 'PAID',
      transactionId: 'T1',
      paidAt: 'now',
    }
    expect(await send(notice, 'wrong')).toEqual([401, 'BAD_SIGNATURE'])
    expect(await send({ ...notice, amount: '1.00' }, secrets.fatourati)).toEqual([409, 'REFUSED'])
    await desk.ok('sync.now', {})
    expect(desk.core.services.billing.balance(inv.id).dueMinor).toBe(12000)
  })
})
