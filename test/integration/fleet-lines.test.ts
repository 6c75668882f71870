import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FleetSeedReport, seedFleet } from '../../main/demo/seedFleet'
import { LineQueries } from '../../main/modules/fleet/lineQueries'
import { withCheckDigit } from '../../main/modules/fleet/lineRules'
import type { ProvisioningOutcome } from '../../main/modules/fleet/provisioning/provisioningPort'
import type { LineCreateInput } from '../../preload/contract/fleet'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

let desk: TestDesk
let report: FleetSeedReport
let customerId: string
let serial = 0
const newIccid = () => withCheckDigit(`89320399${String(++serial).padStart(10, '0')}`)

interface RequestRow {
  id: string
  lineId: string
  action: ProvisioningOutcome['action']
  payload: string
  effectiveDate: string | null
  state: string
}

function requestsOf(lineId: string): RequestRow[] {
  return desk.core.database.sqlite
    .prepare(
      'SELECT id, line_id AS lineId, action, payload, effective_date AS effectiveDate, state FROM provisioning_requests WHERE line_id = ? ORDER BY created_at, id',
    )
    .all(lineId) as RequestRow[]
}

/** What the operator's confirmation does (the provisioning worker calls the same handler). */
function confirm(request: RequestRow, status: 'done' | 'failed' = 'done') {
  const fleet = desk.core.services.fleet
  desk.core.services.repo.write({ staffId: null, deskId: 'T01' }, 'provisioning.outcome', (unit) =>
    fleet.lines.applyOutcome(unit, {
      requestId: request.id,
      lineId: request.lineId,
      action: request.action,
      payload: JSON.parse(request.payload),
      status,
    }),
  )
  // As the worker does in the same write: the request is finished and no longer waiting.
  desk.core.database.sqlite
    .prepare('UPDATE provisioning_requests SET state = ? WHERE id = ?')
    .run(status, request.id)
}

async function wizardInput(patch: Partial<LineCreateInput> = {}): Promise<LineCreateInput> {
  const billing = await desk.ok('fleet.billingAccounts.list', { customerId })
  const [free] = await desk.ok('fleet.numbers.free', { limit: 1 })
  return {
    customerId,
    iccid: newIccid(),
    splitBillProfileId: null,
    user: {
      description: 'Commercial Namur',
      title: 'mrs',
      firstName: 'Amélie',
      lastName: 'Verhoeven',
      birthDate: '1988-04-12',
      email: 'amelie.verhoeven@example.be',
      phone: '',
      language: 'fr',
    },
    planCode: 'MOBILE_START',
    options: ['VOICE_NATIONAL_100'],
    billingAccountId: billing[0]!.id,
    number: { source: 'new', phoneNumber: free! },
    ...patch,
  }
}

beforeAll(async () => {
  desk = await tempDesk()
  // The tests play the operator themselves (confirm()): the worker must not race them.
  desk.core.services.fleet.provisioning.stop()
  report = seedFleet(desk.core, { seed: 1 })
  customerId = report.accounts[0]!.customerId
  await desk.login('youssef')
}, 60_000)
afterAll(() => desk.dispose())

describe('inventory', () => {
  it('seeds three Belgian accounts and pages an account by keyset', async () => {
    expect(report.lines).toBe(380)
    const accounts = await desk.ok('fleet.accounts.list', { limit: 50 })
    expect(accounts.items.map((a) => a.name)).toEqual([
      'Atelier Numérique Gent BV',
      'Brasserie Vandenbroucke SA',
      'Logistique Meuse-Escaut SRL',
    ])
    const input = { customerId, limit: 50, sort: 'phoneNumber', direction: 'asc' } as const
    const first = await desk.ok('fleet.lines.list', input)
    expect(first.total).toBe(220)
    const seen = first.items.map((l) => l.phoneNumber)
    let cursor = first.nextCursor
    while (cursor) {
      const page = await desk.ok('fleet.lines.list', { ...input, cursor })
      seen.push(...page.items.map((l) => l.phoneNumber))
      cursor = page.nextCursor
    }
    expect(seen).toHaveLength(220)
    expect([...seen].sort()).toEqual(seen)
    expect(desk.core.services.fleet.linesOf(customerId, 5)).toHaveLength(5)
  })

  it('filters by status and searches by number, description or name', async () => {
    const stopped = await desk.ok('fleet.lines.list', {
      customerId,
      status: 'STOPPED',
      limit: 200,
      sort: 'phoneNumber',
      direction: 'asc',
    })
    expect(stopped.items.every((l) => l.status === 'STOPPED')).toBe(true)
    expect(stopped.total).toBe(stopped.items.length)
    const some = (
      await desk.ok('fleet.lines.list', { customerId, limit: 1, sort: 'phoneNumber', direction: 'asc' })
    ).items[0]!
    const local = `0${some.phoneNumber.slice(3, 6)} ${some.phoneNumber.slice(6, 8)}`
    const byNumber = await desk.ok('fleet.lines.list', {
      customerId,
      query: local,
      limit: 50,
      sort: 'phoneNumber',
      direction: 'asc',
    })
    expect(byNumber.items.map((l) => l.id)).toContain(some.id)
    const byName = await desk.ok('fleet.lines.list', {
      customerId,
      query: some.userName.split(' ')[0]!.toUpperCase(),
      limit: 200,
      sort: 'description',
      direction: 'desc',
    })
    expect(byName.items.map((l) => l.id)).toContain(some.id)
  })

  it('the search index answers exactly what a scan of every line would, and follows edits', async () => {
    const sqlite = desk.core.database.sqlite
    const keys = sqlite
      .prepare('SELECT id, search_key AS key, status FROM fleet_lines WHERE customer_id = ?')
      .all(customerId) as { id: string; key: string; status: string }[]
    const sample = keys[7]!.key
    const queries = [
      sample.slice(0, 4), // digits of a number
      sample.split(' ').at(-1)!, // a last name
      sample.split(' ')[2]!.slice(1, 6), // inside a description word
      'ÉLIE', // accents and case are ignored
      'ch', // shorter than a trigram: scanned
      '100%', // LIKE's wildcards are literal
      '"x', // FTS syntax is literal
    ]
    for (const query of queries) {
      const text = query
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
      const expected = keys
        .filter((k) => k.key.includes(text))
        .map((k) => k.id)
        .sort()
      const found = await desk.ok('fleet.lines.ids', {
        selection: { filter: { customerId, query }, excludeIds: [] },
      })
      expect([...found.ids].sort(), query).toEqual(expected)
      // With a status, the count (answered from the index's id table) and the page agree too.
      const active = keys.filter((k) => k.status === 'ACTIVE' && k.key.includes(text)).map((k) => k.id)
      const page = await desk.ok('fleet.lines.list', {
        customerId,
        status: 'ACTIVE',
        query,
        limit: 200,
        sort: 'phoneNumber',
        direction: 'asc',
      })
      expect(page.total, query).toBe(active.length)
      expect(page.items, query).toHaveLength(Math.min(active.length, 200))
      const wanted = new Set(active)
      expect(
        page.items.every((l) => wanted.has(l.id)),
        query,
      ).toBe(true)
      // Both ways of answering (from the matches, or walking the account) give the same pages.
      const filter = { customerId, status: 'ACTIVE' as const, query }
      const fromMatches = new LineQueries(sqlite, 1_000_000)
      const walking = new LineQueries(sqlite, 0)
      for (const sort of ['phoneNumber', 'description'] as const) {
        const a = fromMatches.page(filter, sort, 'asc', 20)
        const b = walking.page(filter, sort, 'asc', 20)
        expect(
          b.items.map((l) => l.id),
          query,
        ).toEqual(a.items.map((l) => l.id))
        expect(b.total, query).toBe(a.total)
        if (a.nextCursor) {
          const a2 = fromMatches.page(filter, sort, 'asc', 20, a.nextCursor)
          const b2 = walking.page(filter, sort, 'asc', 20, a.nextCursor)
          expect(
            b2.items.map((l) => l.id),
            query,
          ).toEqual(a2.items.map((l) => l.id))
        }
      }
      expect(walking.ids(filter)).toEqual(fromMatches.ids(filter))
    }

    const line = await desk.ok('fleet.lines.create', await wizardInput())
    await desk.ok('fleet.lines.updateUser', {
      id: line.id,
      user: {
        ...line.user,
        birthDate: line.user.birthDate ?? '',
        email: line.user.email ?? '',
        phone: '',
        description: 'Grutier Zeebrugge',
      },
      address: null,
      expectedVersion: line.version,
    })
    const search = (query: string) =>
      desk.ok('fleet.lines.ids', { selection: { filter: { customerId, query }, excludeIds: [] } })
    expect((await search('zeebrug')).ids).toEqual([line.id])
    expect((await search('commercial namur')).ids).not.toContain(line.id)
    // The index follows the line's status as the operator confirms it.
    const byStatus = (status: 'PENDING' | 'ACTIVE') =>
      desk.ok('fleet.lines.list', {
        customerId,
        status,
        query: 'zeebrug',
        limit: 10,
        sort: 'phoneNumber',
        direction: 'asc',
      })
    expect((await byStatus('PENDING')).total).toBe(1)
    await desk.ok('fleet.lines.activate', { id: line.id, date: '2026-11-30' })
    confirm(requestsOf(line.id).at(-1)!)
    expect((await byStatus('PENDING')).total).toBe(0)
    expect((await byStatus('ACTIVE')).items.map((l) => l.id)).toEqual([line.id])
  })

  it('"select all" stands for every line matching the filter, minus the ones unticked', async () => {
    const filter = { customerId, status: 'ACTIVE' as const }
    const all = await desk.ok('fleet.lines.ids', { selection: { filter, excludeIds: [] } })
    const count = (
      await desk.ok('fleet.lines.list', { ...filter, limit: 1, sort: 'phoneNumber', direction: 'asc' })
    ).total
    expect(all.ids).toHaveLength(count)
    const minus = await desk.ok('fleet.lines.ids', { selection: { filter, excludeIds: all.ids.slice(0, 3) } })
    expect(minus.ids).toHaveLength(count - 3)
  })
})

describe('Add-SIM wizard and life cycle', () => {
  it('refuses bad input at the field and creates the line PENDING', async () => {
    const bad = await desk.call('fleet.lines.create', await wizardInput({ iccid: '8932031000000000018' }))
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.error.details?.fields?.[0]).toMatchObject({
        path: 'iccid',
        key: 'validation.iccidCheckDigit',
      })

    const na = await desk.call('fleet.lines.create', await wizardInput({ options: ['DATA_ASIA_TECH_3GB'] }))
    expect(na.ok).toBe(false)
    if (!na.ok)
      expect(na.error.details?.fields?.[0]).toMatchObject({
        path: 'options',
        key: 'validation.fleetOptionNotForPlan',
      })

    const taken = desk.core.services.fleet.linesOf(customerId, 1)[0]!.phoneNumber
    const notFree = await desk.call(
      'fleet.lines.create',
      await wizardInput({ number: { source: 'new', phoneNumber: taken } }),
    )
    expect(notFree.ok).toBe(false)
    if (!notFree.ok) expect(notFree.error.details?.fields?.[0]?.path).toBe('number.phoneNumber')

    const input = await wizardInput()
    const line = await desk.ok('fleet.lines.create', input)
    expect(line).toMatchObject({
      status: 'PENDING',
      tariffPlanCode: 'MOBILE_START',
      options: ['VOICE_NATIONAL_100'],
    })
    expect(line.iccid).toBe(input.iccid)
    expect(line.puk).toMatch(/^\d{8}$/)
    // The same card can never be used again.
    const again = await desk.call('fleet.lines.create', await wizardInput({ iccid: input.iccid }))
    expect(!again.ok && again.error.details?.fields?.[0]?.key).toBe('validation.iccidUsed')
  })

  it('activates on a date, swaps, suspends, reactivates and stops only when the operator confirms', async () => {
    const line = await desk.ok('fleet.lines.create', await wizardInput())
    const past = await desk.call('fleet.lines.activate', { id: line.id, date: '2026-11-01' })
    expect(!past.ok && past.error.details?.fields?.[0]?.key).toBe('validation.fleetDateInPast')

    const requested = await desk.ok('fleet.lines.activate', { id: line.id, date: '2026-11-30' })
    expect(requested).toMatchObject({ status: 'PENDING', activationDate: '2026-11-30' })
    const [activation] = requestsOf(line.id)
    expect(activation).toMatchObject({ action: 'activate', effectiveDate: '2026-11-30', state: 'queued' })
    expect(JSON.parse(activation!.payload)).toMatchObject({
      iccid: line.iccid,
      phoneNumber: line.phoneNumber,
    })

    confirm(activation!, 'failed')
    expect((await desk.ok('fleet.lines.get', { id: line.id })).status).toBe('PENDING')
    confirm(activation!)
    expect((await desk.ok('fleet.lines.get', { id: line.id })).status).toBe('ACTIVE')

    const card = newIccid()
    await desk.ok('fleet.lines.swap', { id: line.id, iccid: card })
    expect((await desk.ok('fleet.lines.get', { id: line.id })).iccid).toBe(line.iccid)
    confirm(requestsOf(line.id).at(-1)!)
    const swapped = await desk.ok('fleet.lines.get', { id: line.id })
    expect(swapped.iccid).toBe(card)
    expect(swapped.puk).not.toBe(line.puk)
    // Neither the old card nor the new one can be given to another line.
    for (const iccid of [line.iccid!, card]) {
      const reuse = await desk.call('fleet.lines.create', await wizardInput({ iccid }))
      expect(!reuse.ok && reuse.error.details?.fields?.[0]?.key).toBe('validation.iccidUsed')
    }

    // One change of status at a time: a second one waits until the operator answered the first.
    await desk.ok('fleet.lines.suspend', { id: line.id })
    const twice = await desk.call('fleet.lines.stop', { id: line.id })
    expect(!twice.ok && twice.error.details?.fields?.[0]).toMatchObject({
      path: 'status',
      key: 'validation.fleetRequestPending',
    })
    confirm(requestsOf(line.id).at(-1)!, 'failed')
    expect((await desk.ok('fleet.lines.get', { id: line.id })).status).toBe('ACTIVE')

    const reactivate = await desk.call('fleet.lines.reactivate', { id: line.id })
    expect(!reactivate.ok && reactivate.error.details?.fields?.[0]?.key).toBe(
      'validation.fleetTransition_reactivate',
    )
    await desk.ok('fleet.lines.suspend', { id: line.id })
    confirm(requestsOf(line.id).at(-1)!)
    expect((await desk.ok('fleet.lines.get', { id: line.id })).status).toBe('SUSPENDED')
    await desk.ok('fleet.lines.reactivate', { id: line.id })
    confirm(requestsOf(line.id).at(-1)!)
    expect((await desk.ok('fleet.lines.get', { id: line.id })).status).toBe('ACTIVE')

    await desk.ok('fleet.lines.stop', { id: line.id })
    confirm(requestsOf(line.id).at(-1)!)
    const stopped = await desk.ok('fleet.lines.get', { id: line.id })
    expect(stopped.status).toBe('STOPPED')
    expect(stopped.stoppedAt).not.toBeNull()
    const swapStopped = await desk.call('fleet.lines.swap', { id: line.id, iccid: newIccid() })
    expect(!swapStopped.ok && swapStopped.error.details?.fields?.[0]).toMatchObject({
      path: 'status',
      key: 'validation.fleetTransition_swap',
    })
    // The stopped line and its history stay readable.
    const history = await desk.ok('audit.history', { entity: 'fleet_line', entityId: line.id, limit: 50 })
    expect(history.length).toBeGreaterThanOrEqual(5)
  })

  it('sets barrings and the PayByMobile limit through the operator', async () => {
    const line = (
      await desk.ok('fleet.lines.list', {
        customerId,
        status: 'ACTIVE',
        limit: 1,
        sort: 'phoneNumber',
        direction: 'asc',
      })
    ).items[0]!
    await desk.ok('fleet.lines.setBarrings', { id: line.id, barrings: ['outgoingSms', 'abroadAll'] })
    await desk.ok('fleet.lines.setPayByMobile', { id: line.id, limitMinor: 25_00 })
    const tooMuch = await desk.call('fleet.lines.setPayByMobile', { id: line.id, limitMinor: 900_00 })
    expect(!tooMuch.ok && tooMuch.error.details?.fields?.[0]?.key).toBe('validation.fleetPayByMobile')
    for (const r of requestsOf(line.id).slice(-2)) confirm(r)
    const after = await desk.ok('fleet.lines.get', { id: line.id })
    expect(after.barrings).toEqual(['outgoingSms', 'abroadAll'])
    expect(after.payByMobileLimitMinor).toBe(25_00)
  })

  it('user data is editable only until the user confirms it; counters do not see ICCID and PUK', async () => {
    const confirmed = desk.core.database.sqlite
      .prepare(
        'SELECT id FROM fleet_lines WHERE customer_id = ? AND user_confirmed = 1 AND status = ? LIMIT 1',
      )
      .pluck()
      .get(customerId, 'ACTIVE') as string
    const line = await desk.ok('fleet.lines.get', { id: confirmed })
    const user = {
      ...line.user,
      birthDate: line.user.birthDate ?? '',
      email: line.user.email ?? '',
      phone: '',
    }
    const refused = await desk.call('fleet.lines.updateUser', {
      id: line.id,
      user,
      address: null,
      expectedVersion: line.version,
    })
    expect(!refused.ok && refused.error.details?.fields?.[0]?.key).toBe('validation.fleetUserConfirmed')

    const open = await desk.ok('fleet.lines.create', await wizardInput())
    const edited = await desk.ok('fleet.lines.updateUser', {
      id: open.id,
      user: { ...user, firstName: 'Marc', lastName: 'Lemaire', description: 'Chauffeur Wavre' },
      address: { street: 'Rue Haute 3', postalCode: '1300', city: 'Wavre', country: 'be' },
      expectedVersion: open.version,
    })
    expect(edited.userName).toBe('Marc Lemaire')
    expect(edited.address).toEqual({
      street: 'Rue Haute 3',
      postalCode: '1300',
      city: 'Wavre',
      country: 'BE',
    })

    await desk.login('marie', 'c2')
    const asCounter = await desk.ok('fleet.lines.get', { id: open.id }, 'c2')
    expect(asCounter.iccid).toBeNull()
    expect(asCounter.puk).toBeNull()
    const write = await desk.call('fleet.lines.suspend', { id: open.id }, 'c2')
    expect(!write.ok && write.error.code).toBe('FORBIDDEN')
  })
})

describe('bulk changes', () => {
  it('reviews a plan change, flags dropped options and refused lines, and queues one request per line', async () => {
    const lines = (
      await desk.ok('fleet.lines.list', { customerId, limit: 200, sort: 'phoneNumber', direction: 'asc' })
    ).items
    const withNational = lines
      .filter((l) => l.status !== 'STOPPED' && l.options.includes('DATA_NATIONAL_10GB'))
      .slice(0, 2)
    const stopped = lines.filter((l) => l.status === 'STOPPED').slice(0, 1)
    const plain = lines
      .filter(
        (l) => l.status === 'ACTIVE' && l.tariffPlanCode !== 'MOBILE_LIMITLESS' && l.options.length === 0,
      )
      .slice(0, 3)
    const ids = [...withNational, ...stopped, ...plain].map((l) => l.id)
    const change = { kind: 'plan', planCode: 'MOBILE_LIMITLESS' } as const
    const preview = await desk.ok('fleet.bulk.preview', { customerId, selection: { ids }, change, limit: 50 })
    expect(preview.total).toBe(ids.length)
    expect(preview.refused).toBe(stopped.length)
    expect(preview.flagged).toBe(withNational.length)
    const row = preview.rows.find((r) => r.id === withNational[0]!.id)!
    expect(row.flagged).toContain('DATA_NATIONAL_10GB')
    expect(row.newOptions).not.toContain('DATA_NATIONAL_10GB')

    const applied = await desk.ok('fleet.bulk.apply', { customerId, ids, change })
    expect(applied).toEqual({ queued: ids.length - stopped.length, skipped: stopped.length })
    for (const l of [...withNational, ...plain]) confirm(requestsOf(l.id).at(-1)!)
    const after = await desk.ok('fleet.lines.get', { id: withNational[0]!.id })
    expect(after.tariffPlanCode).toBe('MOBILE_LIMITLESS')
    expect(after.options).not.toContain('DATA_NATIONAL_10GB')
    expect(requestsOf(stopped[0]!.id)).toHaveLength(0)

    // A line whose plan change still waits for the operator is reviewed as such and left out.
    const again = { kind: 'plan', planCode: 'MOBILE_EUROPE' } as const
    await desk.ok('fleet.bulk.apply', { customerId, ids: [plain[0]!.id], change: again })
    const waitingPreview = await desk.ok('fleet.bulk.preview', {
      customerId,
      selection: { ids: plain.map((l) => l.id) },
      change: { kind: 'options', add: ['VOICE_NATIONAL_100'], remove: [] },
      limit: 50,
    })
    expect(waitingPreview.rows.find((r) => r.id === plain[0]!.id)?.refusal).toBe(
      'validation.fleetRequestPending',
    )
    const second = await desk.ok('fleet.bulk.apply', {
      customerId,
      ids: plain.map((l) => l.id),
      change: again,
    })
    expect(second).toEqual({ queued: plain.length - 1, skipped: 1 })
  })

  it('adds an option where it applies and flags it where it does not', async () => {
    const lines = (
      await desk.ok('fleet.lines.list', {
        customerId,
        status: 'ACTIVE',
        limit: 100,
        sort: 'phoneNumber',
        direction: 'asc',
      })
    ).items
    const start = lines.find(
      (l) => l.tariffPlanCode === 'MOBILE_START' && !l.options.includes('VOICE_NATIONAL_100'),
    )!
    const limitless = lines.find((l) => l.tariffPlanCode === 'MOBILE_LIMITLESS')!
    const change = { kind: 'options' as const, add: ['VOICE_NATIONAL_100'], remove: [] as string[] }
    const preview = await desk.ok('fleet.bulk.preview', {
      customerId,
      selection: { ids: [start.id, limitless.id] },
      change,
      limit: 10,
    })
    expect(preview.rows.find((r) => r.id === limitless.id)!.flagged).toEqual(['VOICE_NATIONAL_100'])
    const applied = await desk.ok('fleet.bulk.apply', { customerId, ids: [start.id, limitless.id], change })
    expect(applied.queued).toBe(1)
  })
})

describe('employees via CSV', () => {
  const header =
    'iccid;description;title;firstName;lastName;birthDate;email;phone;language;plan;options;billingAccount;splitBillProfile;number'

  it('previews every row with its errors and writes nothing while one row is wrong', async () => {
    const billing = (await desk.ok('fleet.billingAccounts.list', { customerId }))[0]!.number
    const good = newIccid()
    const csv = [
      header,
      `${good};Technicien Mons;mr;Jan;Peeters;1979-02-03;jan.peeters@example.be;;nl;MOBILE_1;ROAMING_WORLD_1GB;${billing};;new`,
      `${good};Doublon;mr;Jan;Peeters;;;;fr;MOBILE_1;;${billing};;new`,
      `8932031234;Carte courte;mrs;Ana;Silva;;pas-un-email;;fr;MOBILE_9;;BA99999999;Inconnu;0470`,
      `${newIccid()};Data Gent;none;Routeur;Atelier;;;;en;MOBILE_DATA_20;VOICE_NATIONAL_100;${billing};;0499 11 22 33`,
    ].join('\n')
    const before = (
      await desk.ok('fleet.lines.list', { customerId, limit: 1, sort: 'phoneNumber', direction: 'asc' })
    ).total
    const preview = await desk.ok('fleet.import.preview', { customerId, csv })
    expect(preview.valid).toBe(1)
    expect(preview.invalid).toBe(3)
    const issues = (row: number) =>
      preview.rows.find((r) => r.row === row)!.issues.map((i) => `${i.column}:${i.key}`)
    expect(issues(3)).toContain('iccid:validation.fleetImportDuplicate')
    expect(issues(4)).toEqual(
      expect.arrayContaining([
        'iccid:validation.iccidLength',
        'email:validation.email',
        'plan:validation.fleetUnknownPlan',
        'billingAccount:validation.fleetUnknownBillingAccount',
        'splitBillProfile:validation.fleetUnknownProfile',
        'number:validation.fleetMobileNumber',
      ]),
    )
    expect(issues(5)).toEqual(['options:validation.fleetOptionNotForPlan'])

    const refused = await desk.call('fleet.import.apply', { customerId, csv })
    expect(!refused.ok && refused.error.details?.fields?.[0]?.key).toBe('validation.fleetImportHasErrors')
    expect(
      (await desk.ok('fleet.lines.list', { customerId, limit: 1, sort: 'phoneNumber', direction: 'asc' }))
        .total,
    ).toBe(before)

    const fixed = [
      header,
      csv.split('\n')[1],
      csv.split('\n')[4]!.replace('VOICE_NATIONAL_100', 'DATA_ASIA_TECH_3GB'),
    ].join('\n')
    expect(await desk.ok('fleet.import.apply', { customerId, csv: fixed })).toEqual({ created: 2 })
    expect(
      (await desk.ok('fleet.lines.list', { customerId, limit: 1, sort: 'phoneNumber', direction: 'asc' }))
        .total,
    ).toBe(before + 2)
    const missing = await desk.ok('fleet.import.preview', { customerId, csv: 'iccid,description\n1,2' })
    expect(missing.fileIssues.map((i) => i.column)).toEqual([
      'firstName',
      'lastName',
      'plan',
      'billingAccount',
      'number',
    ])
  })
})

describe('Excel export', () => {
  it('writes every matching row (not the page) with the visible columns, readable by exceljs', async () => {
    const filter = { customerId, status: 'ACTIVE' as const }
    const total = (
      await desk.ok('fleet.lines.list', { ...filter, limit: 1, sort: 'phoneNumber', direction: 'asc' })
    ).total
    const file = await desk.ok('fleet.lines.export', {
      filter,
      sort: 'phoneNumber',
      direction: 'asc',
      columns: ['phoneNumber', 'description', 'tariffPlanCode', 'status', 'options'],
    })
    expect(file.fileName).toMatch(/^cartes-sim-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(total + 1)
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Numéro',
      'Description',
      'Plan tarifaire',
      'Statut',
      'Options',
    ])
    const numbers: string[] = []
    sheet.eachRow((row, n) => {
      if (n > 1) {
        numbers.push(String(row.getCell(1).value))
        expect(row.getCell(4).value).toBe('ACTIVE')
      }
    })
    expect([...numbers].sort()).toEqual(numbers)
    expect(String(sheet.getRow(2).getCell(3).value)).toMatch(/^Mobile /)
  })
})
