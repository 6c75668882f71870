import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shiftableClock } from '../helpers/clock'
import { type TestDesk, tempDesk } from '../helpers/tempCore'
import { errorOf, issueMarocTelecomBill, keepForEyes, newCustomer, pdfText } from './invoicing-helpers'

describe('cash-up (clôture de caisse): takings by method, counted cash, Z-report, the day locked', () => {
  let desk: TestDesk
  const clock = shiftableClock('2026-11-22T09:00:00Z', 1000)
  beforeAll(async () => {
    desk = await tempDesk({ clock })
    await desk.login('marie')
    await desk.login('claire', 'sup')
  })
  afterAll(() => desk.dispose())

  it('sums the day by method net of cancellations, records the count and locks the day', async () => {
    const customer = await newCustomer(desk)
    const issue = (price: string) =>
      desk.ok('invoicing.invoices.issueService', {
        customerId: customer.id,
        lines: [{ label: 'Grutage', quantity: '1', unitPrice: price, vatRate: '20' }],
      })
    const a = await issue('100') // 120,00
    const b = await issue('250') // 300,00
    await desk.ok('invoicing.payments.record', {
      invoiceId: a.id,
      method: 'cash',
      amount: '120',
      tendered: '150',
    })
    await desk.ok('invoicing.payments.record', {
      invoiceId: b.id,
      method: 'cheque',
      amount: '200',
      chequeNumber: '1112223',
      bank: 'LCL',
      drawer: 'Jean Dupont',
    })
    const card = await desk.ok('invoicing.payments.record', {
      invoiceId: b.id,
      method: 'card_terminal',
      amount: '100',
      authorisation: '123ABC',
    })
    await desk.ok(
      'invoicing.payments.cancel',
      { paymentId: card.payment.id, reason: 'Double passage TPE' },
      'sup',
    )

    const day = await desk.ok('invoicing.cashup.day', { day: '2026-11-22' })
    expect(day).toMatchObject({
      day: '2026-11-22',
      closed: null,
      expectedCashMinor: 12_000,
      totalMinor: 32_000,
      byMethod: {
        cash: { count: 1, amountMinor: 12_000 },
        cheque: { count: 1, amountMinor: 20_000 },
        card_terminal: { count: 0, amountMinor: 0 },
      },
    })
    const future = await desk.call('invoicing.cashup.close', { day: '2026-11-23', countedCash: '0' })
    expect(errorOf(future).details?.fields?.[0]).toMatchObject({ path: 'day', key: 'validation.dayInFuture' })
    const negative = await desk.call('invoicing.cashup.close', { day: '2026-11-22', countedCash: '-1' })
    expect(errorOf(negative).details?.fields?.[0]).toMatchObject({
      path: 'countedCash',
      key: 'validation.amountNotNegative',
    })

    const closed = await desk.ok('invoicing.cashup.close', {
      day: '2026-11-22',
      countedCash: '115,50',
      note: 'Pièce de 5 € manquante',
    })
    expect(closed.closed).toMatchObject({ countedCashMinor: 11_550, differenceMinor: -450 })
    const z = await pdfText(await desk.ok('invoicing.cashup.zReport', { id: closed.closed!.id }))
    for (const text of [
      'RAPPORT Z',
      '22/11/2026',
      'Espèces',
      '120,00 €',
      'Chèque',
      '200,00 €',
      '320,00 €',
      '115,50 €',
      '-4,50 €',
    ]) {
      expect(z).toContain(text)
    }

    const again = await desk.call('invoicing.cashup.close', { day: '2026-11-22', countedCash: '120' })
    expect(errorOf(again).details?.fields?.[0]?.key).toBe('validation.dayAlreadyClosed')
    const late = await desk.call('invoicing.payments.record', {
      invoiceId: b.id,
      method: 'cash',
      amount: '10',
    })
    expect(errorOf(late).details?.fields?.[0]).toMatchObject({ path: 'amount', key: 'validation.dayClosed' })
    const cheque = (await desk.ok('invoicing.invoices.get', { id: b.id })).payments[0]!
    const cancel = await desk.call(
      'invoicing.payments.cancel',
      { paymentId: cheque.id, reason: 'Chèque sans provision' },
      'sup',
    )
    expect(errorOf(cancel).details?.fields?.[0]?.key).toBe('validation.dayClosed')

    // The next business day (Paris) is open again; the closed day is not.
    clock.advance(22 * 3_600_000 + 30 * 60_000)
    await desk.login('marie')
    const next = await desk.ok('invoicing.payments.record', { invoiceId: b.id, method: 'cash', amount: '10' })
    expect(next.invoice.dueMinor).toBe(9_000)
    const history = await desk.ok('invoicing.cashup.list', { limit: 10 })
    expect(history.items.map((c) => c.day)).toEqual(['2026-11-22'])
  })
})

describe('cash-up in the desk currency: money of another currency is never added to it', () => {
  let desk: TestDesk
  const clock = shiftableClock('2026-11-22T09:00:00Z', 1000)
  beforeAll(async () => {
    desk = await tempDesk({ clock })
    await desk.login('marie')
  })
  afterAll(() => desk.dispose())

  it('EUR cash and MAD cash the same day: the EUR cash-up excludes the MAD, listed apart', async () => {
    const customer = await newCustomer(desk)
    const eur = await desk.ok('invoicing.invoices.issueService', {
      customerId: customer.id,
      lines: [{ label: 'Amarrage passage', quantity: '1', unitPrice: '100', vatRate: '20' }],
    })
    const mad = issueMarocTelecomBill(
      desk,
      { staffId: null, deskId: desk.core.services.repo.deskId },
      customer.id,
      'Facture mobile — octobre 2026',
      { label: 'Forfait mobile 20 Go', quantityMilli: 1000, unitNetMinor: 23_750, vatRateBp: 2000 },
    )
    await desk.ok('invoicing.payments.record', { invoiceId: eur.id, method: 'cash', amount: '120' })
    await desk.ok('invoicing.payments.record', { invoiceId: mad.id, method: 'cash', amount: '100' })

    const day = await desk.ok('invoicing.cashup.day', { day: '2026-11-22' })
    expect(day).toMatchObject({
      currency: 'EUR',
      byMethod: { cash: { count: 1, amountMinor: 12_000 } },
      totalMinor: 12_000,
      expectedCashMinor: 12_000,
      otherCurrencies: [{ currency: 'MAD', totalMinor: 10_000, count: 1 }],
    })
    expect(Object.keys(day.byMethod)).toEqual(['cash'])

    const closed = await desk.ok('invoicing.cashup.close', { day: '2026-11-22', countedCash: '120' })
    expect(closed).toMatchObject({
      totalMinor: 12_000,
      expectedCashMinor: 12_000,
      otherCurrencies: [{ currency: 'MAD', totalMinor: 10_000, count: 1 }],
      closed: { countedCashMinor: 12_000, differenceMinor: 0 },
    })
    // Only the desk currency's figures are stored with the closure.
    const row = desk.core.database.sqlite
      .prepare('SELECT currency, by_method AS byMethod, expected_cash_minor AS e FROM cashups WHERE id = ?')
      .get(closed.closed!.id) as { currency: string; byMethod: string; e: number }
    expect(row).toEqual({
      currency: 'EUR',
      byMethod: JSON.stringify({ cash: { count: 1, amountMinor: 12_000 } }),
      e: 12_000,
    })
    const history = await desk.ok('invoicing.cashup.list', { limit: 10 })
    expect(history.items[0]).toMatchObject({ totalMinor: 12_000, otherCurrencies: [{ currency: 'MAD' }] })

    const file = await desk.ok('invoicing.cashup.zReport', { id: closed.closed!.id })
    keepForEyes('rapport-z-deux-devises.pdf', file)
    const z = await pdfText(file)
    const split = z.indexOf('Autres devises (hors de cette caisse)')
    expect(split).toBeGreaterThan(0)
    const cashup = z.slice(0, split)
    const others = z.slice(split)
    expect(cashup).toContain('Total encaissé 1 120,00 €')
    expect(cashup).toContain('Espèces attendues 120,00 €')
    expect(cashup).not.toContain('DH')
    expect(cashup).not.toContain('MAD')
    expect(cashup).not.toContain('220,00')
    expect(others).toContain('MAD 1 100,00 DH')
    expect(others).toContain('à remettre séparément')
    expect(z.match(/100,00 DH/g)).toHaveLength(1)
  })
})

describe('portal access (seed 002, "Inscription") through the mail port and our local SMTP sink', () => {
  let desk: TestDesk
  beforeAll(async () => {
    desk = await tempDesk()
    await desk.login('marie')
  })
  afterAll(() => desk.dispose())

  it('with the email on file: login = email, a generated password by email, only its hash kept', async () => {
    const customer = await newCustomer(desk, {
      firstName: 'Hélène',
      lastName: 'Pontoise',
      email: 'helene.pontoise@example.fr',
    })
    expect((await desk.ok('invoicing.portal.status', { customerId: customer.id })).accesses).toEqual([])
    const status = await desk.ok('invoicing.portal.send', { customerId: customer.id })
    expect(status.accesses[0]).toMatchObject({
      login: 'helene.pontoise@example.fr',
      verifiedBy: 'email_on_file',
      activatedAt: null,
    })

    const sink = (await desk.core.services.invoicing.mailer.demoSink())!
    const mail = await sink.waitFor('helene.pontoise@example.fr')
    expect(mail.subject).toContain('vos accès à l’espace client')
    expect(mail.text).toContain('Identifiant : helene.pontoise@example.fr')
    const password = /Mot de passe : (\S+)/.exec(mail.text)![1]!
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/)

    const row = desk.core.database.sqlite
      .prepare('SELECT password_hash AS h FROM portal_accesses WHERE customer_id = ?')
      .get(customer.id) as { h: string }
    expect(row.h).toMatch(/^scrypt\$/)
    expect(row.h).not.toContain(password)
    const { verifyPassword } = await import('../../main/modules/auth/passwords')
    expect(await verifyPassword(password, row.h)).toBe(true)
    const audit = JSON.stringify(
      desk.core.database.sqlite
        .prepare("SELECT after FROM audit_log WHERE action = 'portal.access.send'")
        .all(),
    )
    expect(audit).not.toContain(row.h)
  })

  it('without an email: the caller proves who they are with an invoice of this year first', async () => {
    const customer = await newCustomer(desk, { firstName: 'Yann', lastName: 'Sansmail', email: '' })
    const invoice = await desk.ok('invoicing.invoices.issueService', {
      customerId: customer.id,
      lines: [{ label: 'Amarrage', quantity: '1', unitPrice: '1266,67', vatRate: '20' }],
    })
    const none = await desk.call('invoicing.portal.send', { customerId: customer.id })
    expect(errorOf(none).details?.fields?.[0]?.key).toBe('validation.portalCheckRequired')

    const check = {
      invoiceNumber: invoice.invoiceNumber,
      issueDate: invoice.issueDate,
      amount: '1520,00',
      email: 'yann@example.net',
    }
    for (const wrong of [
      { amount: '1520,01' },
      { issueDate: '2026-11-21' },
      { invoiceNumber: '2026-T01-999999' },
    ]) {
      const refused = await desk.call('invoicing.portal.send', {
        customerId: customer.id,
        check: { ...check, ...wrong },
      })
      expect(errorOf(refused).details?.fields?.[0]).toMatchObject({
        path: 'check.invoiceNumber',
        key: 'validation.portalCheckFailed',
      })
    }
    // Another customer's invoice proves nothing.
    const other = await newCustomer(desk, { firstName: 'Autre', lastName: 'Client', email: '' })
    const refused = await desk.call('invoicing.portal.send', { customerId: other.id, check })
    expect(errorOf(refused).details?.fields?.[0]?.key).toBe('validation.portalCheckFailed')

    const status = await desk.ok('invoicing.portal.send', { customerId: customer.id, check })
    expect(status.accesses[0]).toMatchObject({ login: 'yann@example.net', verifiedBy: 'invoice_check' })
    const sink = (await desk.core.services.invoicing.mailer.demoSink())!
    expect((await sink.waitFor('yann@example.net')).text).toContain('Identifiant : yann@example.net')
    expect(sink.messages('yann@example.net')).toHaveLength(1)
  })
})
