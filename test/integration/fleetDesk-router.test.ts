/**
 * The fleet desk through the real router (validation, roles, services, SQLite): group packs and
 * their consumption, tickets with attachments, blank SIM orders, fleet-manager users.
 * The desk's clock starts on Sunday 22 November 2026, 09:00 UTC.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputOf } from '../../preload/contract'
import type { WireError, WireResult } from '../../preload/errors'
import { fr } from '../../renderer/src/i18n/fr'
import { companyInput, personInput } from '../helpers/customers'
import { businessAccountWithLines, type TestLine } from '../helpers/fleetDeskAccount'
import { FILES } from '../helpers/fleetDeskFiles'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

function errorOf(result: WireResult<unknown>): WireError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`)
  return result.error
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const count = (desk: TestDesk, table: string) =>
  (desk.core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

let desk: TestDesk
let customerId: string
let lines: TestLine[]
let otherLine: TestLine
let personId: string

beforeAll(async () => {
  desk = await tempDesk()
  await desk.login('youssef')
  await desk.login('claire', 'sup')
  ;({ customerId, lines } = await businessAccountWithLines(desk, 6))
  otherLine = (await businessAccountWithLines(desk, 1, 'Autre Société SRL')).lines[0]!
  personId = (await desk.ok('customers.create', personInput())).customer.id
})
afterAll(() => desk.dispose())

describe('fleetDesk.lines', () => {
  it('lists the account lines and finds one by its national number', async () => {
    expect((await desk.ok('fleetDesk.lines', { customerId })).map((l) => l.id)).toEqual(
      lines.map((l) => l.id),
    )
    const national = `0${lines[2]!.phoneNumber.slice(3)}`
    const found = await desk.ok('fleetDesk.lines', { customerId, query: national })
    expect(found.map((l) => l.id)).toEqual([lines[2]!.id])
  })

  it('refuses a person: fleets are for business accounts', async () => {
    const error = errorOf(await desk.call('fleetDesk.lines', { customerId: personId }))
    expect(error.details?.fields).toEqual([{ path: 'customerId', key: 'validation.businessAccountOnly' }])
  })
})

describe('group packs', () => {
  let packId: string

  it('orders a pack from the catalogue, copying its terms', async () => {
    const catalogue = await desk.ok('fleetDesk.packs.catalogue', {})
    expect(catalogue.map((p) => p.code)).toContain('DATA_POOL_20GB')
    const pack = await desk.ok('fleetDesk.packs.order', { customerId, packCode: 'DATA_POOL_20GB' })
    expect(pack).toMatchObject({
      unit: 'MB',
      allowance: 20480,
      monthlyPriceMinor: 2500,
      overUnitPriceMinor: 1,
      currency: 'EUR',
      startDate: '2026-11-22',
      notifyEnabled: false,
      currentMonth: { month: '2026-11', used: 0, overAmountMinor: 0, thresholdCrossedOn: null },
    })
    packId = pack.id
  })

  it('refuses a second data pool, an unknown type, and a change to another kind of pool', async () => {
    expect(
      errorOf(await desk.call('fleetDesk.packs.order', { customerId, packCode: 'DATA_POOL_50GB' })).details
        ?.fields,
    ).toEqual([{ path: 'packCode', key: 'validation.packUnitTaken' }])
    expect(
      errorOf(await desk.call('fleetDesk.packs.order', { customerId, packCode: 'NOPE' })).details?.fields,
    ).toEqual([{ path: 'packCode', key: 'validation.packType' }])
    expect(
      errorOf(await desk.call('fleetDesk.packs.modify', { id: packId, packCode: 'VOICE_POOL_1000' })).details
        ?.fields,
    ).toEqual([{ path: 'packCode', key: 'validation.packUnitChange' }])
  })

  it('modifies the pack and sets the out-of-bundle notification', async () => {
    const modified = await desk.ok('fleetDesk.packs.modify', { id: packId, packCode: 'DATA_POOL_50GB' })
    expect(modified).toMatchObject({ packCode: 'DATA_POOL_50GB', allowance: 51200, monthlyPriceMinor: 5500 })
    const notified = await desk.ok('fleetDesk.packs.notifications', {
      id: packId,
      enabled: true,
      thresholdMinor: 5000,
    })
    expect(notified).toMatchObject({ notifyEnabled: true, notifyThresholdMinor: 5000 })
    const low = errorOf(
      await desk.call('fleetDesk.packs.notifications', { id: packId, enabled: true, thresholdMinor: 50 }),
    )
    expect(low.details?.fields).toEqual([{ path: 'thresholdMinor', key: 'validation.thresholdTooSmall' }])
  })

  it('records usage only from a supervisor, only for the account lines, all or nothing', async () => {
    const records = [{ lineId: lines[0]!.id, date: '2026-11-22', quantity: 100 }]
    expect(errorOf(await desk.call('fleetDesk.packs.recordUsage', { packId, records })).code).toBe(
      'FORBIDDEN',
    )
    const before = count(desk, 'fleet_pack_usage')
    const mixed = errorOf(
      await desk.call(
        'fleetDesk.packs.recordUsage',
        { packId, records: [...records, { lineId: otherLine.id, date: '2026-11-22', quantity: 5 }] },
        'sup',
      ),
    )
    expect(mixed.details?.fields).toEqual([{ path: 'records.1.lineId', key: 'validation.lineOfAccount' }])
    const early = errorOf(
      await desk.call(
        'fleetDesk.packs.recordUsage',
        { packId, records: [{ ...records[0]!, date: '2026-11-01' }] },
        'sup',
      ),
    )
    expect(early.details?.fields).toEqual([{ path: 'records.0.date', key: 'validation.beforePackStart' }])
    expect(count(desk, 'fleet_pack_usage')).toBe(before)
  })

  it('sums consumption per day and per line, and flags the day the threshold is crossed', async () => {
    // 50 GB allowance = 51 200 MB at 1 cent per MB beyond: a 50 € threshold is crossed at 56 200 MB.
    const records = [
      { lineId: lines[0]!.id, date: '2026-11-22', quantity: 30_000 },
      { lineId: lines[1]!.id, date: '2026-11-22', quantity: 20_000 },
      { lineId: lines[0]!.id, date: '2026-11-23', quantity: 5_000 },
      { lineId: lines[2]!.id, date: '2026-11-24', quantity: 2_000 },
      { lineId: lines[1]!.id, date: '2026-11-24', quantity: -500 },
      { lineId: lines[3]!.id, date: '2026-12-01', quantity: 9_999 },
    ]
    expect(await desk.ok('fleetDesk.packs.recordUsage', { packId, records }, 'sup')).toEqual({ recorded: 6 })
    const c = await desk.ok('fleetDesk.packs.consumption', { packId, month: '2026-11', lineLimit: 2 })
    expect(c.used).toBe(56_500)
    expect(c.over).toBe(5_300)
    expect(c.overAmountMinor).toBe(5_300)
    expect(c.thresholdCrossedOn).toBe('2026-11-24')
    expect(c.alert).toBe(true)
    expect(c.daily).toHaveLength(30)
    expect(c.daily.find((d) => d.date === '2026-11-23')).toEqual({
      date: '2026-11-23',
      quantity: 5000,
      cumulative: 55000,
    })
    expect(c.lines).toEqual([
      { lineId: lines[0]!.id, phoneNumber: lines[0]!.phoneNumber, quantity: 35_000 },
      { lineId: lines[1]!.id, phoneNumber: lines[1]!.phoneNumber, quantity: 19_500 },
    ])
    expect(c.lineCount).toBe(3)
    const december = await desk.ok('fleetDesk.packs.consumption', { packId, month: '2026-12' })
    expect(december).toMatchObject({ used: 9_999, overAmountMinor: 0, alert: false, lineCount: 1 })
    const [listed] = await desk.ok('fleetDesk.packs.list', { customerId })
    expect(listed!.currentMonth).toEqual({
      month: '2026-11',
      used: 56_500,
      overAmountMinor: 5_300,
      thresholdCrossedOn: '2026-11-24',
    })
  })
})

describe('tickets', () => {
  const ticket = (
    overrides: Partial<InputOf<'fleetDesk.tickets.create'>> = {},
  ): InputOf<'fleetDesk.tickets.create'> => ({
    customerId,
    subject: 'sim_options',
    detail: 'reactivate_paused_sims',
    lineId: lines[0]!.id,
    actionDate: '2026-11-25',
    message: 'Merci de réactiver la carte SIM de notre commercial.',
    contactEmail: 'margaux.sastre@example.be',
    contactMobile: '0488 33 94 85',
    ...overrides,
  })

  it('opens a ticket with two attachments, kept byte for byte and downloadable', async () => {
    const created = await desk.ok(
      'fleetDesk.tickets.create',
      ticket({
        attachments: [
          { fileName: 'bon-de-commande.pdf', base64: b64(FILES.pdf) },
          { fileName: 'capture.png', base64: b64(FILES.png) },
        ],
      }),
    )
    expect(created).toMatchObject({
      ticketNumber: 'TK-T01-000001',
      status: 'open',
      phoneNumber: lines[0]!.phoneNumber,
      contactMobile: '+32488339485',
      attachmentCount: 2,
      nextStatuses: ['in_progress', 'waiting_customer', 'resolved', 'closed'],
    })
    expect(created.attachments.map((a) => [a.fileName, a.mimeType, a.sha256])).toEqual([
      ['bon-de-commande.pdf', 'application/pdf', sha(FILES.pdf)],
      ['capture.png', 'image/png', sha(FILES.png)],
    ])
    expect(created.history).toMatchObject([
      { fromStatus: null, toStatus: 'open', staffName: 'Youssef El Amrani' },
    ])
    const file = await desk.ok('fleetDesk.tickets.attachment', {
      ticketId: created.id,
      attachmentId: created.attachments[1]!.id,
    })
    expect(file.fileName).toBe('capture.png')
    expect(Buffer.from(file.base64, 'base64').equals(Buffer.from(FILES.png))).toBe(true)
  })

  it.each([
    ['a PNG named .pdf', 'contrat.pdf', FILES.png, 'validation.fileExtensionMismatch'],
    ['a program named .pdf', 'facture.pdf', FILES.exe, 'validation.fileType'],
    ['a program', 'outil.exe', FILES.exe, 'validation.fileType'],
  ])('refuses %s at that attachment, and writes nothing', async (_what, fileName, bytes, key) => {
    const tickets = count(desk, 'fleet_tickets')
    const docs = count(desk, 'stored_documents')
    const outbox = count(desk, 'outbox')
    const error = errorOf(
      await desk.call(
        'fleetDesk.tickets.create',
        ticket({
          attachments: [
            { fileName: 'ok.pdf', base64: b64(FILES.pdf) },
            { fileName, base64: b64(bytes) },
          ],
        }),
      ),
    )
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.fields?.[0]).toMatchObject({ path: 'attachments.1', key })
    expect([count(desk, 'fleet_tickets'), count(desk, 'stored_documents'), count(desk, 'outbox')]).toEqual([
      tickets,
      docs,
      outbox,
    ])
  })

  it('refuses a fifth attachment, a line of another account, a date in the past', async () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ fileName: `p${i}.pdf`, base64: b64(FILES.pdf) }))
    expect(
      errorOf(await desk.call('fleetDesk.tickets.create', ticket({ attachments: five }))).details?.fields,
    ).toEqual([{ path: 'attachments', key: 'validation.tooManyAttachments' }])
    expect(
      errorOf(await desk.call('fleetDesk.tickets.create', ticket({ lineId: otherLine.id }))).details?.fields,
    ).toEqual([{ path: 'lineId', key: 'validation.lineOfAccount' }])
    expect(
      errorOf(await desk.call('fleetDesk.tickets.create', ticket({ actionDate: '2026-11-21' }))).details
        ?.fields,
    ).toEqual([{ path: 'actionDate', key: 'validation.dateInPast' }])
  })

  it('needs the employees file to add employees via CSV', async () => {
    const csv = ticket({ detail: 'add_employees_csv', lineId: undefined })
    expect(errorOf(await desk.call('fleetDesk.tickets.create', csv)).details?.fields).toEqual([
      { path: 'attachments', key: 'validation.employeeFileRequired' },
    ])
    const ok = await desk.ok('fleetDesk.tickets.create', {
      ...csv,
      attachments: [{ fileName: 'salaries.csv', base64: b64(FILES.csv) }],
    })
    expect(ok.attachments[0]!.mimeType).toBe('text/csv')
  })

  it('moves through its statuses, recording who and when; a closed ticket stays closed', async () => {
    const { id } = await desk.ok('fleetDesk.tickets.create', ticket())
    await desk.ok('fleetDesk.tickets.setStatus', { id, status: 'in_progress' })
    await desk.ok('fleetDesk.tickets.setStatus', { id, status: 'waiting_customer', note: 'Date à confirmer' })
    await desk.ok('fleetDesk.tickets.setStatus', { id, status: 'resolved' }, 'sup')
    const closed = await desk.ok('fleetDesk.tickets.setStatus', { id, status: 'closed' })
    expect(closed.history.map((e) => [e.fromStatus, e.toStatus, e.staffName])).toEqual([
      [null, 'open', 'Youssef El Amrani'],
      ['open', 'in_progress', 'Youssef El Amrani'],
      ['in_progress', 'waiting_customer', 'Youssef El Amrani'],
      ['waiting_customer', 'resolved', 'Claire Dubois'],
      ['resolved', 'closed', 'Youssef El Amrani'],
    ])
    expect(closed.history[2]!.note).toBe('Date à confirmer')
    expect(closed.nextStatuses).toEqual([])
    const reopen = errorOf(await desk.call('fleetDesk.tickets.setStatus', { id, status: 'in_progress' }))
    expect(reopen.details?.fields).toEqual([{ path: 'status', key: 'validation.ticketTransition' }])
  })

  it('lists newest first, by keyset pages, filtered by status', async () => {
    const all = await desk.ok('fleetDesk.tickets.list', { customerId, limit: 100 })
    expect(all.items.length).toBe(3)
    const first = await desk.ok('fleetDesk.tickets.list', { customerId, limit: 2 })
    const second = await desk.ok('fleetDesk.tickets.list', {
      customerId,
      limit: 2,
      cursor: first.nextCursor!,
    })
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(all.items.map((t) => t.id))
    expect(second.nextCursor).toBeNull()
    const closed = await desk.ok('fleetDesk.tickets.list', { customerId, status: 'closed' })
    expect(closed.items.map((t) => t.status)).toEqual(['closed'])
  })
})

describe('blank SIM orders', () => {
  const address = {
    country: 'be',
    postalCode: '2050',
    city: 'Antwerpen',
    street: 'Katwilgweg',
    houseNumber: '2',
  }

  it('quotes delivery two business days after today (Sunday → Tuesday)', async () => {
    expect(await desk.ok('fleetDesk.blankSims.quote', {})).toEqual({
      orderedOn: '2026-11-22',
      expectedDelivery: '2026-11-24',
    })
  })

  it('refuses a quantity that is not a multiple of 10, at the quantity field', async () => {
    const error = errorOf(await desk.call('fleetDesk.blankSims.order', { customerId, quantity: 25, address }))
    expect(error.details?.fields).toEqual([
      { path: 'quantity', key: 'validation.multipleOfTen', params: { step: 10, maximum: 1000 } },
    ])
  })

  it('orders 30 blank SIMs, then ships and delivers them', async () => {
    const order = await desk.ok('fleetDesk.blankSims.order', {
      customerId,
      quantity: 30,
      address: { ...address, box: 'B3' },
      message: 'Livraison à l’accueil',
      contactMobile: '0488339485',
    })
    expect(order).toMatchObject({
      orderNumber: 'SIM-T01-000001',
      quantity: 30,
      address: {
        country: 'BE',
        postalCode: '2050',
        city: 'Antwerpen',
        street: 'Katwilgweg',
        houseNumber: '2',
        box: 'B3',
      },
      orderedOn: '2026-11-22',
      expectedDelivery: '2026-11-24',
      status: 'ordered',
      contactMobile: '+32488339485',
    })
    await desk.ok('fleetDesk.blankSims.setStatus', { id: order.id, status: 'shipped' })
    expect(
      (await desk.ok('fleetDesk.blankSims.setStatus', { id: order.id, status: 'delivered' })).status,
    ).toBe('delivered')
    const back = errorOf(
      await desk.call('fleetDesk.blankSims.setStatus', { id: order.id, status: 'cancelled' }),
    )
    expect(back.details?.fields).toEqual([{ path: 'status', key: 'validation.blankSimTransition' }])
    const page = await desk.ok('fleetDesk.blankSims.list', { customerId })
    expect(page.items.map((o) => o.orderNumber)).toEqual(['SIM-T01-000001'])
  })
})

describe('fleet-manager users', () => {
  it('creates an invited user, resends while invited, refuses once validated (in French)', async () => {
    const user = await desk.ok('fleetDesk.users.create', {
      customerId,
      description: 'Malina',
      email: 'malina@example.be',
      role: 'MEMBER',
      lineIds: [lines[4]!.id],
    })
    expect(user).toMatchObject({
      status: 'INVITED',
      role: 'MEMBER',
      invitationsSent: 1,
      phoneNumbers: [{ lineId: lines[4]!.id, phoneNumber: lines[4]!.phoneNumber }],
    })
    const again = await desk.ok('fleetDesk.users.resendInvitation', { id: user.id })
    expect(again.invitationsSent).toBe(2)
    expect(again.lastInvitedAt! > user.lastInvitedAt!).toBe(true)
    const invitations = await desk.ok('fleetDesk.users.invitations', { id: user.id })
    expect(invitations.map((i) => [i.email, i.delivery])).toEqual([
      ['malina@example.be', 'recorded'],
      ['malina@example.be', 'recorded'],
    ])

    const validated = await desk.ok('fleetDesk.users.markValidated', { id: user.id })
    expect(validated.status).toBe('VALIDATED')
    const refused = errorOf(await desk.call('fleetDesk.users.resendInvitation', { id: user.id }))
    expect(refused.details?.fields).toEqual([
      { path: 'status', key: 'validation.invitationAlreadyValidated' },
    ])
    expect(fr.validation.invitationAlreadyValidated).toMatch(/déjà validé/)
    expect(await desk.ok('fleetDesk.users.invitations', { id: user.id })).toHaveLength(2)
  })

  it('refuses a line of another account, and lists users by description with keyset pages', async () => {
    const bad = errorOf(
      await desk.call('fleetDesk.users.create', {
        customerId,
        description: 'Intrus',
        email: 'intrus@example.be',
        role: 'MANAGER',
        lineIds: [lines[0]!.id, otherLine.id],
      }),
    )
    expect(bad.details?.fields).toEqual([{ path: 'lineIds.1', key: 'validation.lineOfAccount' }])
    await desk.ok('fleetDesk.users.create', {
      customerId,
      description: 'Margaux',
      email: 'margaux@example.be',
      role: 'MANAGER',
    })
    await desk.ok('fleetDesk.users.create', {
      customerId,
      description: 'Arno',
      email: 'arno@example.be',
      role: 'MEMBER',
    })
    const first = await desk.ok('fleetDesk.users.list', { customerId, limit: 2 })
    const second = await desk.ok('fleetDesk.users.list', { customerId, limit: 2, cursor: first.nextCursor! })
    expect([...first.items, ...second.items].map((u) => u.description)).toEqual(['Arno', 'Malina', 'Margaux'])
  })
})

describe('sync', () => {
  it('every fleet-desk write went to the outbox with its entity', () => {
    const entities = desk.core.database.sqlite
      .prepare(
        "SELECT DISTINCT entity FROM outbox WHERE entity LIKE 'fleet\\_%' ESCAPE '\\' AND entity <> 'fleet_line' ORDER BY entity",
      )
      .all()
      .map((r) => (r as { entity: string }).entity)
    expect(entities).toEqual([
      'fleet_blank_sim_order',
      'fleet_group_pack',
      'fleet_pack_usage',
      'fleet_ticket',
      'fleet_ticket_event',
      'fleet_user',
      'fleet_user_invitation',
    ])
  })

  it('a company customer is needed for every list', async () => {
    const { customer } = await desk.ok('customers.create', companyInput({ companyName: 'Sans Flotte SA' }))
    expect((await desk.ok('fleetDesk.tickets.list', { customerId: customer.id })).items).toEqual([])
    expect(errorOf(await desk.call('fleetDesk.packs.list', { customerId: personId })).code).toBe('VALIDATION')
  })
})
