/**
 * The harbour services through the real router (tempDesk): boats, the berth rules, tariffs,
 * contracts, the three signature steps, the archived signed PDF and what invoicing gets.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoCustomers } from '../../main/demo/seedDemo'
import { seedHarbour } from '../../main/demo/seedHarbour'
import { sha256Hex } from '../../main/documents/pdf'
import type { Boat, HarbourContract } from '../../preload/contract'
import { personInput } from '../helpers/customers'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

async function pdfText(base64: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')) }).promise
  let text = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const content = await page.getTextContent()
    text += `${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`
  }
  // pdfjs puts runs of spaces between words and breaks long words after a hyphen.
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/- /g, '-')
}

function outboxCount(desk: TestDesk): number {
  return (desk.core.database.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n
}

let desk: TestDesk
let customerId: string
let boat: Boat
/** A free C-pontoon berth (10 m × 3,5 m) for 2027. */
let berthId: string
let contract: HarbourContract

const annual2027 = () => ({
  customerId,
  boatId: boat.id,
  berthId,
  contractType: 'annual' as const,
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  homePort: 'La Rochelle',
  paymentMethod: 'cheque' as const,
})

beforeAll(async () => {
  desk = await tempDesk()
  seedDemoCustomers(desk.core, { scale: 1, seed: 1 })
  seedHarbour(desk.core, { seed: 1 })
  await desk.login('marie')
  customerId = (
    await desk.ok('customers.create', personInput({ lastName: 'Marin', email: 'p.marin@example.fr' }))
  ).customer.id
})
afterAll(() => desk.dispose())

describe('boats', () => {
  it('creates a boat for a customer, dimensions in whole centimetres; warns when the insurance expired', async () => {
    boat = await desk.ok('harbour.boats.create', {
      customerId,
      name: 'Fleur de sel',
      registration: 'lr 123456',
      boatType: 'sail',
      lengthCm: 850,
      beamCm: 320,
      draughtCm: 150,
      insuranceExpiry: '2026-03-31',
    })
    expect(boat).toMatchObject({ registration: 'LR 123456', lengthCm: 850, insuranceExpired: true })
    const list = await desk.ok('harbour.boats.list', { customerId })
    expect(list.map((b) => b.name)).toEqual(['Fleur de sel'])
  })

  it('refuses half centimetres and unknown owners at the field', async () => {
    const half = await desk.call('harbour.boats.create', {
      ...boat,
      insuranceExpiry: '',
      lengthCm: 850.5,
    } as never)
    expect(half.ok).toBe(false)
  })
})

describe('berths and the plan', () => {
  it('offers only berths the boat fits (length AND beam) and free for the whole period, tightest first', async () => {
    const candidates = await desk.ok('harbour.berths.candidates', {
      boatId: boat.id,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    })
    expect(candidates.length).toBeGreaterThan(0)
    for (const c of candidates) {
      expect(c.maxLengthCm).toBeGreaterThanOrEqual(850)
      expect(c.maxBeamCm).toBeGreaterThanOrEqual(320)
      expect(c.status).not.toBe('out_of_service')
    }
    expect(candidates[0]!.maxLengthCm).toBe(1000)
    berthId = candidates[0]!.id
  })

  it('draws pontoons × berths for a date, with the counts for the legend', async () => {
    const plan = await desk.ok('harbour.berths.plan', { date: '2026-11-22' })
    expect(plan.pontoons.map((p) => p.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
    expect(plan.pontoons.every((p) => p.berths.length === 30)).toBe(true)
    expect(plan.counts.out_of_service).toBe(2)
    expect(plan.counts.contract).toBeGreaterThan(100)
    expect(plan.counts.visitor).toBeGreaterThan(0)
    const c07 = plan.pontoons[2]!.berths[6]!
    expect(c07).toMatchObject({ code: 'C07', occupancy: 'out_of_service' })
  })

  it('pages pontoons by keyset', async () => {
    const first = await desk.ok('harbour.berths.plan', { date: '2026-11-22', limit: 4 })
    expect(first.pontoons.map((p) => p.code)).toEqual(['A', 'B', 'C', 'D'])
    const second = await desk.ok('harbour.berths.plan', {
      date: '2026-11-22',
      limit: 4,
      cursor: first.nextCursor!,
    })
    expect(second.pontoons.map((p) => p.code)).toEqual(['E', 'F'])
    expect(second.nextCursor).toBeNull()
  })
})

describe('contracts: refusals at the field, nothing written', () => {
  it.each([
    ['a berth too short', { berthCode: 'B02' }, 'berthId', 'validation.boatTooLong'],
    ['a berth out of service', { berthCode: 'C07' }, 'berthId', 'validation.berthOutOfService'],
  ])('%s', async (_what, { berthCode }, path, key) => {
    const berth = (await desk.ok('harbour.berths.plan', { date: '2027-01-01' })).pontoons
      .flatMap((p) => p.berths)
      .find((b) => b.code === berthCode)!
    const before = outboxCount(desk)
    const result = await desk.call('harbour.contracts.create', { ...annual2027(), berthId: berth.id })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.details?.fields).toEqual([expect.objectContaining({ path, key })])
    expect(outboxCount(desk)).toBe(before)
  })

  it('a berth too narrow (beam) is refused even when the length fits', async () => {
    const narrow = await desk.ok('harbour.boats.create', {
      customerId,
      name: 'Large',
      registration: 'LR 999',
      boatType: 'catamaran',
      lengthCm: 900,
      beamCm: 420,
      draughtCm: 100,
    })
    const result = await desk.call('harbour.contracts.create', { ...annual2027(), boatId: narrow.id })
    expect(!result.ok && result.error.details?.fields?.[0]).toMatchObject({
      path: 'berthId',
      key: 'validation.boatTooWide',
    })
  })

  it('end before start is refused at the end date', async () => {
    const result = await desk.call('harbour.contracts.create', { ...annual2027(), endDate: '2026-12-31' })
    expect(!result.ok && result.error.details?.fields?.[0]).toMatchObject({
      path: 'endDate',
      key: 'validation.endBeforeStart',
    })
  })

  it('a berth held by another contract on one night of the period is refused', async () => {
    const plan = await desk.ok('harbour.berths.plan', { date: '2026-06-15' })
    const taken = plan.pontoons[2]!.berths.find((b) => b.occupancy === 'contract')!
    const result = await desk.call('harbour.contracts.create', {
      ...annual2027(),
      berthId: taken.id,
      startDate: '2026-12-31',
    })
    expect(!result.ok && result.error.details?.fields?.[0]).toMatchObject({
      path: 'berthId',
      key: 'validation.berthTaken',
    })
  })
})

describe('an annual contract, signed in three steps', () => {
  it('freezes its price: 1 266,67 € HT + 20 % = 1 520,00 € TTC for an 8,5 m boat', async () => {
    contract = await desk.ok('harbour.contracts.create', annual2027())
    expect(contract).toMatchObject({
      status: 'draft',
      kind: 'contract',
      totalNetMinor: 126667,
      totalVatMinor: 25333,
      totalGrossMinor: 152000,
      currency: 'EUR',
      homePort: 'La Rochelle',
      paymentMethod: 'cheque',
    })
    expect(contract.contractNumber).toMatch(/^CT-2027-T01-\d{5}$/)
    const plan = await desk.ok('harbour.berths.plan', { date: '2027-05-01' })
    const berth = plan.pontoons.flatMap((p) => p.berths).find((b) => b.id === berthId)!
    expect(berth).toMatchObject({ occupancy: 'reserved', contractId: contract.id, boatName: 'Fleur de sel' })
  })

  it('the same berth cannot be promised twice', async () => {
    const result = await desk.call('harbour.contracts.create', {
      ...annual2027(),
      startDate: '2027-06-01',
      endDate: '2027-06-03',
      contractType: 'passage',
    })
    expect(!result.ok && result.error.details?.fields?.[0]).toMatchObject({
      key: expect.stringMatching(/berthTaken|boatAlreadyBerthed/),
    })
  })

  it('prints a PDF with the harbour, the parties, the boat, the berth, the period and the amount', async () => {
    const file = await desk.ok('harbour.contracts.pdf', { id: contract.id })
    expect(file.mimeType).toBe('application/pdf')
    const text = await pdfText(file.base64)
    for (const expected of [
      'Port Sainte Marie',
      'SIRET 83214567600017',
      'TVA FR32832145676',
      contract.contractNumber,
      'Marin',
      'Fleur de sel',
      'LR 123456',
      'La Rochelle',
      'du 01/01/2027 au 31/12/2027',
      '1 266,67 €',
      '253,33 €',
      '1 520,00 €',
      'chèque',
      'PROJET',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('takes the steps only in order', async () => {
    const early = await desk.call('harbour.contracts.signStep', { id: contract.id, step: 2 })
    expect(!early.ok && early.error.details?.fields?.[0]).toMatchObject({
      path: 'step2',
      key: 'validation.signatureOutOfOrder',
    })
    const one = await desk.ok('harbour.contracts.signStep', { id: contract.id, step: 1 })
    expect(one.signatureSteps).toEqual([
      expect.objectContaining({ step: 1, staffName: 'Marie Lefèvre', deskId: 'T01' }),
    ])
    const again = await desk.call('harbour.contracts.signStep', { id: contract.id, step: 1 })
    expect(again.ok).toBe(false)
    await desk.ok('harbour.contracts.signStep', { id: contract.id, step: 2 })
  })

  it('the third step signs: the signed PDF is archived with its SHA-256 and comes back byte-identical', async () => {
    const signed = await desk.ok('harbour.contracts.signStep', { id: contract.id, step: 3 })
    expect(signed.status).toBe('signed')
    expect(signed.signatureSteps.map((s) => s.step)).toEqual([1, 2, 3])
    const first = await desk.ok('harbour.contracts.signedPdf', { id: contract.id })
    const again = await desk.ok('harbour.contracts.signedPdf', { id: contract.id })
    const viaPdf = await desk.ok('harbour.contracts.pdf', { id: contract.id })
    expect(again.base64).toBe(first.base64)
    expect(viaPdf.base64).toBe(first.base64)
    expect(sha256Hex(Buffer.from(first.base64, 'base64'))).toBe(signed.signedSha256)
    // Kept for a look (pdftoppm -png -r 60 test-results/harbour/contract-signed.pdf).
    mkdirSync('test-results/harbour', { recursive: true })
    writeFileSync('test-results/harbour/contract-signed.pdf', Buffer.from(first.base64, 'base64'))
    const text = await pdfText(first.base64)
    // 09:00 UTC on 22 Nov 2026 is 10:00 in Paris (the test clock advances a second per reading).
    expect(text).toMatch(/Contrat signé le 22-11-2026 à 10:0\d/)
    expect(text).toContain('accepte les termes du contrat')
    expect(text).not.toContain('PROJET')
    const plan = await desk.ok('harbour.berths.plan', { date: '2027-05-01' })
    expect(plan.pontoons.flatMap((p) => p.berths).find((b) => b.id === berthId)?.occupancy).toBe('contract')
  })

  it('a signed contract is never edited nor cancelled', async () => {
    const before = outboxCount(desk)
    const edit = await desk.call('harbour.contracts.update', {
      id: contract.id,
      contract: { ...annual2027(), homePort: 'Royan' },
    })
    expect(!edit.ok && edit.error.code).toBe('CONFLICT')
    const cancel = await desk.call('harbour.contracts.cancel', { id: contract.id })
    expect(!cancel.ok && cancel.error.code).toBe('CONFLICT')
    const step = await desk.call('harbour.contracts.signStep', { id: contract.id, step: 3 })
    expect(!step.ok && step.error.code).toBe('CONFLICT')
    expect(outboxCount(desk)).toBe(before)
  })

  it('gives invoicing its lines, VAT rate, label and instalments', () => {
    const basis = desk.core.services.harbour.contractInvoiceBasis(contract.id)
    expect(basis).toMatchObject({
      contractId: contract.id,
      customerId,
      currency: 'EUR',
      label: 'Facture de contrat Annuel',
      instalments: 1,
      lines: [{ quantity: 1, unitNetMinor: 126667, vatRateBp: 2000 }],
    })
    expect(basis.lines[0]!.label).toContain(contract.contractNumber)
    expect(() => desk.core.services.harbour.contractInvoiceBasis('01J0000000000000000000000Z')).toThrow()
    expect(desk.core.services.harbour.issuer()).toMatchObject({
      name: 'Port Sainte Marie',
      currency: 'EUR',
      defaultVatRateBp: 2000,
    })
  })

  it('a termination is a new record: the berth is free from its date, the contract unchanged', async () => {
    const termination = await desk.ok('harbour.contracts.terminate', {
      id: contract.id,
      effectiveDate: '2027-07-01',
      reason: 'Vente du bateau',
    })
    expect(termination).toMatchObject({
      kind: 'termination',
      referencesId: contract.id,
      status: 'signed',
      berthId: null,
    })
    const original = await desk.ok('harbour.contracts.get', { id: contract.id })
    expect(original).toMatchObject({
      status: 'signed',
      endDate: '2027-12-31',
      effectiveEndDate: '2027-06-30',
      signedSha256: contract.signedSha256 ?? original.signedSha256,
    })
    expect(original.followers.map((f) => f.id)).toEqual([termination.id])
    const plan = await desk.ok('harbour.berths.plan', { date: '2027-07-01' })
    expect(plan.pontoons.flatMap((p) => p.berths).find((b) => b.id === berthId)?.occupancy).toBe('free')
    const june = await desk.ok('harbour.berths.occupant', { berthId, date: '2027-06-30' })
    expect(june.contract?.id).toBe(contract.id)
  })
})

describe('tariffs are versioned', () => {
  it('a counter clerk cannot change a price; a supervisor revises from a date, old contracts keep theirs', async () => {
    const grid = await desk.ok('harbour.tariffs.list', { date: '2026-11-22' })
    const annual = grid.find((t) => t.contractType === 'annual' && t.lengthFromCm === 800)!
    expect(annual).toMatchObject({ netMinor: 126667, vatRateBp: 2000, lengthToCm: 1000 })
    const refused = await desk.call('harbour.tariffs.revise', {
      id: annual.id,
      netMinor: 130000,
      vatRateBp: 2000,
      validFrom: '2028-01-01',
    })
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN')

    await desk.login('claire', 'sup')
    const backwards = await desk.call(
      'harbour.tariffs.revise',
      { id: annual.id, netMinor: 130000, vatRateBp: 2000, validFrom: '2025-06-01' },
      'sup',
    )
    expect(!backwards.ok && backwards.error.details?.fields?.[0]).toMatchObject({
      path: 'validFrom',
      key: 'validation.tariffNotAfterLatest',
    })
    const revised = await desk.ok(
      'harbour.tariffs.revise',
      { id: annual.id, netMinor: 130000, vatRateBp: 2000, validFrom: '2028-01-01' },
      'sup',
    )
    expect(revised.previousId).toBe(annual.id)
    const history = await desk.ok('harbour.tariffs.history', { id: annual.id }, 'sup')
    expect(history.map((t) => [t.netMinor, t.validFrom, t.supersededFrom])).toEqual([
      [126667, '2026-01-01', '2028-01-01'],
      [130000, '2028-01-01', null],
    ])
    expect((await desk.ok('harbour.contracts.get', { id: contract.id })).totalNetMinor).toBe(126667)
    const q2027 = await desk.ok('harbour.contracts.quote', {
      boatId: boat.id,
      contractType: 'annual',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    })
    const q2028 = await desk.ok('harbour.contracts.quote', {
      boatId: boat.id,
      contractType: 'annual',
      startDate: '2028-01-01',
      endDate: '2028-12-31',
    })
    expect([q2027.totalNetMinor, q2028.totalNetMinor]).toEqual([126667, 130000])
  })
})

describe('sync', () => {
  it('every harbour write is in the outbox, with its audit entry', () => {
    const rows = desk.core.database.sqlite
      .prepare(
        `SELECT entity, kind, count(*) AS n FROM outbox WHERE entity LIKE 'harbour_%' GROUP BY entity, kind ORDER BY entity, kind`,
      )
      .all() as { entity: string; kind: string; n: number }[]
    const kinds = rows.map((r) => `${r.entity}:${r.kind}`)
    for (const k of [
      'harbour_boat:create',
      'harbour_berth:create',
      'harbour_pontoon:create',
      'harbour_tariff:append',
      'harbour_contract:create',
      'harbour_contract:update',
      'harbour_signature_step:append',
    ])
      expect(kinds).toContain(k)
    const audit = desk.core.database.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id`)
      .all(contract.id) as { action: string }[]
    expect(audit.map((a) => a.action)).toEqual(['harbour.contract.create', 'harbour.contract.sign'])
  })
})
