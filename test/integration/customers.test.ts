import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Customer, CustomerListItem, CustomerSort, InputOf } from '../../preload/contract'
import type { WireError, WireResult } from '../../preload/errors'
import { shiftableClock } from '../helpers/clock'
import { companyInput, personInput } from '../helpers/customers'
import { dbState } from '../helpers/db'
import { type TestDesk, tempDesk } from '../helpers/tempCore'

type CustomerIn = InputOf<'customers.create'>

function errorOf(result: WireResult<unknown>): WireError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`)
  return result.error
}

/** Lower case without accents: an independent fold to compute expected search results. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

describe('customers: create, get, update', () => {
  let desk: TestDesk
  beforeAll(async () => {
    desk = await tempDesk()
    await desk.login('marie')
  })
  afterAll(() => desk.dispose())

  it('creates a person, numbered in the desk series, phones in E.164', async () => {
    const { customer, duplicates } = await desk.ok(
      'customers.create',
      personInput({
        firstName: ' Éloïse ',
        lastName: "D'Arc",
        email: ' Eloise.DArc@Example.fr ',
        phones: [
          { type: 'mobile', number: '06 12 34 56 78' },
          { type: 'landline', number: '+32 2 512 34 56' },
        ],
        identifiers: { siren: '', vatNumber: 'fr 40 303 265 045' },
      }),
    )
    expect(duplicates).toEqual([])
    expect(customer).toMatchObject({
      customerNumber: 'T01-000001',
      kind: 'person',
      firstName: 'Éloïse',
      lastName: "D'Arc",
      companyName: null,
      displayName: "Éloïse D'Arc",
      email: 'Eloise.DArc@Example.fr',
      phones: [
        { type: 'mobile', number: '+33612345678' },
        { type: 'landline', number: '+3225123456' },
      ],
      language: 'fr',
      address: { street: '12 rue du Port', postalCode: '13002', city: 'Marseille', country: 'FR' },
      billingAddress: null,
      identifiers: { vatNumber: 'FR40303265045' },
      notes: null,
    })
    expect(customer.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(customer.createdAt).toBe(customer.updatedAt)
    expect(await desk.ok('customers.get', { id: customer.id })).toEqual(customer)
  })

  it('numbers customers one after the other', async () => {
    const numbers: string[] = []
    for (let i = 0; i < 3; i++) {
      numbers.push(
        (await desk.ok('customers.create', companyInput({ companyName: `Société ${i}` }))).customer
          .customerNumber,
      )
    }
    expect(numbers).toEqual(['T01-000002', 'T01-000003', 'T01-000004'])
  })

  it.each([
    ['FR', '06 12 34 56 78', '+33612345678'],
    ['FR', '0033 6 12 34 56 78', '+33612345678'],
    ['MA', '0661234567', '+212661234567'],
    ['MA', '+33 6 12 34 56 78', '+33612345678'], // an international number is kept as such
    ['BE', '0470 12 34 56', '+32470123456'],
    ['BE', '02 512 34 56', '+3225123456'],
  ])('stores a %s phone typed %j as %s', async (country, number, e164) => {
    const { customer } = await desk.ok(
      'customers.create',
      personInput({
        email: '',
        phones: [{ type: 'mobile', number }],
        address: { street: '1 rue', postalCode: '1000', city: 'Ville', country },
      }),
    )
    expect(customer.phones).toEqual([{ type: 'mobile', number: e164 }])
    expect(customer.email).toBeNull()
  })

  it('a company keeps its name and no person fields', async () => {
    const { customer } = await desk.ok(
      'customers.create',
      companyInput({
        firstName: 'Ignoré',
        lastName: 'Ignoré',
        title: 'mrs',
        identifiers: { ice: '001 525 309 000 096' },
      }),
    )
    expect(customer).toMatchObject({
      kind: 'company',
      displayName: 'Transports Atlas SARL',
      companyName: 'Transports Atlas SARL',
      firstName: null,
      lastName: null,
      title: null,
      identifiers: { ice: '001525309000096' },
    })
  })

  it('updates a customer: new version, same number, audit and outbox written', async () => {
    const { customer } = await desk.ok('customers.create', personInput({ lastName: 'Bernard' }))
    const before = dbState(desk.core.database.sqlite)
    const { customer: updated } = await desk.ok('customers.update', {
      id: customer.id,
      expectedVersion: customer.version,
      customer: personInput({
        lastName: 'Bernard',
        email: 'nouveau@example.fr',
        notes: 'Préfère le courriel',
      }),
    })
    expect(updated).toMatchObject({
      id: customer.id,
      customerNumber: customer.customerNumber,
      email: 'nouveau@example.fr',
      notes: 'Préfère le courriel',
      createdAt: customer.createdAt,
    })
    expect(updated.version > customer.version).toBe(true)
    expect(updated.updatedAt > customer.updatedAt).toBe(true)
    const after = dbState(desk.core.database.sqlite)
    expect([
      after.audit_log - before.audit_log,
      after.outbox - before.outbox,
      after.customers - before.customers,
    ]).toEqual([1, 1, 0])
    const history = await desk.ok('audit.history', { entity: 'customer', entityId: customer.id })
    expect(history.map((h) => h.action)).toEqual(['customer.update', 'customer.create'])
    expect(history[0]).toMatchObject({ staffName: 'Marie Lefèvre', deskId: 'T01' })
    expect(history[0]!.after).toMatchObject({ email: 'nouveau@example.fr' })
  })

  it('an update with a stale version is a CONFLICT and writes nothing', async () => {
    const { customer } = await desk.ok('customers.create', personInput({ lastName: 'Conflit' }))
    await desk.ok('customers.update', {
      id: customer.id,
      customer: personInput({ lastName: 'Conflit', notes: 'a' }),
    })
    const before = dbState(desk.core.database.sqlite)
    const error = errorOf(
      await desk.call('customers.update', {
        id: customer.id,
        expectedVersion: customer.version,
        customer: personInput({ lastName: 'Conflit', notes: 'b' }),
      }),
    )
    expect(error.code).toBe('CONFLICT')
    expect(dbState(desk.core.database.sqlite)).toEqual(before)
    expect((await desk.ok('customers.get', { id: customer.id })).notes).toBe('a')
  })

  it('an update that changes nothing writes nothing', async () => {
    const input = personInput({ lastName: 'Stable' })
    const { customer } = await desk.ok('customers.create', input)
    const before = dbState(desk.core.database.sqlite)
    const { customer: same } = await desk.ok('customers.update', { id: customer.id, customer: input })
    expect(same.version).toBe(customer.version)
    expect(dbState(desk.core.database.sqlite)).toEqual(before)
  })

  it('changing phones re-indexes them for search', async () => {
    const { customer } = await desk.ok(
      'customers.create',
      personInput({ lastName: 'Reindex', email: '', phones: [{ type: 'mobile', number: '07 11 22 33 44' }] }),
    )
    await desk.ok('customers.update', {
      id: customer.id,
      customer: personInput({
        lastName: 'Reindex',
        email: '',
        phones: [{ type: 'mobile', number: '07 55 66 77 88' }],
      }),
    })
    expect(await desk.ok('customers.search', { query: '07 11 22 33 44' })).toEqual([])
    expect((await desk.ok('customers.search', { query: '07 55 66 77 88' })).map((c) => c.id)).toEqual([
      customer.id,
    ])
  })

  describe('field errors, with nothing written', () => {
    const cases: [string, CustomerIn, { path: string; key: string }[]][] = [
      [
        'a company without name',
        companyInput({ companyName: '  ' }),
        [{ path: 'companyName', key: 'validation.required' }],
      ],
      [
        'a person without last name',
        personInput({ lastName: undefined }),
        [{ path: 'lastName', key: 'validation.required' }],
      ],
      [
        'a phone that does not exist in the country',
        personInput({
          phones: [{ type: 'mobile', number: '06 12 34 56 78' }],
          address: { ...personInput().address, country: 'BE' },
        }),
        [{ path: 'phones.0.number', key: 'validation.phone' }],
      ],
      [
        'a second phone too short',
        personInput({
          phones: [
            { type: 'mobile', number: '06 12 34 56 78' },
            { type: 'work', number: '01 23' },
          ],
        }),
        [{ path: 'phones.1.number', key: 'validation.phone' }],
      ],
      [
        'a bad SIREN',
        companyInput({ identifiers: { siren: '732 829 321' } }),
        [{ path: 'identifiers.siren', key: 'validation.siren' }],
      ],
      [
        'a bad SIRET',
        companyInput({ identifiers: { siret: '73282932000079' } }),
        [{ path: 'identifiers.siret', key: 'validation.siret' }],
      ],
      [
        'a bad ICE',
        companyInput({ identifiers: { ice: '12345' } }),
        [{ path: 'identifiers.ice', key: 'validation.ice' }],
      ],
      [
        'a bad VAT number',
        companyInput({ identifiers: { vatNumber: 'BE0202239952' } }),
        [{ path: 'identifiers.vatNumber', key: 'validation.vatNumber' }],
      ],
      ['a bad email', personInput({ email: 'jean.dupont@' }), [{ path: 'email', key: 'validation.email' }]],
      [
        'five phones',
        personInput({
          phones: Array.from({ length: 5 }, () => ({ type: 'mobile' as const, number: '06 12 34 56 78' })),
        }),
        [{ path: 'phones', key: 'validation.tooMany' }],
      ],
    ]
    it.each(cases)('%s', async (_name, input, fields) => {
      const before = dbState(desk.core.database.sqlite)
      const error = errorOf(await desk.call('customers.create', input))
      expect(error.code).toBe('VALIDATION')
      expect(error.details?.fields).toEqual(fields)
      expect(dbState(desk.core.database.sqlite)).toEqual(before)
    })
  })
})

describe('customer numbers belong to the desk', () => {
  it('another desk starts its own series', async () => {
    const desk = await tempDesk({ deskId: 'C02' })
    try {
      await desk.login('youssef')
      const first = await desk.ok('customers.create', personInput())
      const second = await desk.ok('customers.create', companyInput())
      expect([first.customer.customerNumber, second.customer.customerNumber]).toEqual([
        'C02-000001',
        'C02-000002',
      ])
    } finally {
      desk.dispose()
    }
  })
})

describe('customers: list, search, duplicates', () => {
  let desk: TestDesk
  const created: Customer[] = []
  const people: [string, string][] = [
    ['Jean', 'Dupont'],
    ['Éloïse', "D'Arc"],
    ['Marie', 'Martin'],
    ['Jean', 'Martin'],
    ['Jean', 'Martin'], // same name: the id breaks the tie
    ['Jean', 'Martin'],
    ['Youssef', 'El Amrani'],
    ['Fatima', 'Zahra Benali'],
    ['Pieter', 'Van den Berg'],
    ['Émile', 'Zola'],
    ['Anaïs', 'Lefèvre'],
    ['Marc', 'Lefebvre'],
    ['Chloé', 'Martinez'],
    ['Mehdi', 'Alaoui'],
  ]
  const companies = [
    'Marrakech Trading',
    'Atlas Logistique',
    'Brasserie du Port',
    'Café des Marins',
    'Zénith Télécom',
    'Martin & Fils',
  ]

  beforeAll(async () => {
    // A clock that stands still between jumps: many customers share a creation instant.
    const clock = shiftableClock('2026-11-22T09:00:00Z', 0)
    desk = await tempDesk({ clock })
    await desk.login('claire')
    let n = 0
    for (const [firstName, lastName] of people) {
      if (n++ % 3 === 0) clock.advance(60_000)
      const input = personInput({
        firstName,
        lastName,
        email: `${fold(firstName)}.${fold(lastName).replace(/[^a-z]/g, '')}${n}@example.fr`,
        phones: [
          {
            type: 'mobile',
            number: `06 ${String(10 + n).padStart(2, '0')} 00 00 ${String(n).padStart(2, '0')}`,
          },
        ],
      })
      created.push((await desk.ok('customers.create', input)).customer)
    }
    for (const companyName of companies) {
      if (n++ % 3 === 0) clock.advance(60_000)
      const input = companyInput({
        companyName,
        email: `contact${n}@${fold(companyName).replace(/[^a-z]/g, '')}.ma`,
        phones: [
          {
            type: 'work',
            number: `0522 ${String(10 + n).padStart(2, '0')} 00 ${String(n).padStart(2, '0')}`,
          },
        ],
      })
      created.push((await desk.ok('customers.create', input)).customer)
    }
  })
  afterAll(() => desk.dispose())

  /** Every page of a list, walked with its cursor. */
  async function walk(input: InputOf<'customers.list'>): Promise<CustomerListItem[][]> {
    const pages: CustomerListItem[][] = []
    let cursor: string | undefined
    for (let guard = 0; guard < 100; guard++) {
      const page = await desk.ok('customers.list', { ...input, ...(cursor ? { cursor } : {}) })
      pages.push(page.items)
      if (!page.nextCursor) return pages
      cursor = page.nextCursor
    }
    throw new Error('pagination does not end')
  }

  /** The order a list must have, computed from the customers themselves. */
  function expectedOrder(all: Customer[], sort: CustomerSort, direction: 'asc' | 'desc'): string[] {
    const key = (c: Customer) =>
      sort === 'customerNumber'
        ? c.customerNumber
        : sort === 'createdAt'
          ? c.createdAt
          : fold(c.kind === 'company' ? c.companyName! : `${c.lastName} ${c.firstName}`)
              .replace(/[^a-z0-9 -]+/g, ' ')
              .replace(/ +/g, ' ')
              .trim()
    const sorted = [...all].sort((a, b) => {
      const ka = key(a)
      const kb = key(b)
      if (ka !== kb) return ka < kb ? -1 : 1
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    })
    if (direction === 'desc') sorted.reverse()
    return sorted.map((c) => c.id)
  }

  const matchesName = (c: Customer, prefix: string) => {
    const names =
      c.kind === 'company'
        ? [c.companyName!]
        : [`${c.lastName} ${c.firstName}`, `${c.firstName} ${c.lastName}`]
    return names.some((n) => fold(n).startsWith(prefix))
  }

  const filters: [string, Partial<InputOf<'customers.list'>>, (c: Customer) => boolean][] = [
    ['everyone', {}, () => true],
    ['persons', { kind: 'person' }, (c) => c.kind === 'person'],
    ['companies', { kind: 'company' }, (c) => c.kind === 'company'],
    ['name prefix "mar"', { query: 'mar' }, (c) => matchesName(c, 'mar')],
    [
      'persons named "mar…"',
      { query: 'Mar', kind: 'person' },
      (c) => c.kind === 'person' && matchesName(c, 'mar'),
    ],
  ]
  const sorts: CustomerSort[] = ['name', 'customerNumber', 'createdAt']
  const cases = filters.flatMap(([name, filter, keep]) =>
    sorts.flatMap((sort) =>
      (['asc', 'desc'] as const).map((direction) => [name, sort, direction, filter, keep] as const),
    ),
  )

  it.each(cases)(
    'walks %s by %s %s: every row exactly once, in order',
    async (_name, sort, direction, filter, keep) => {
      const expected = expectedOrder(created.filter(keep), sort, direction)
      expect(expected.length).toBeGreaterThan(2)
      const pages = await walk({ ...filter, sort, direction, limit: 4 })
      const ids = pages.flat().map((c) => c.id)
      expect(ids).toEqual(expected)
      expect(new Set(ids).size).toBe(ids.length)
      pages.forEach((page, i) => {
        if (i < pages.length - 1) expect(page).toHaveLength(4)
        else expect(page.length).toBeGreaterThan(0)
      })
    },
  )

  it('a page of exactly the remaining rows has no next cursor', async () => {
    const page = await desk.ok('customers.list', { kind: 'company', limit: companies.length })
    expect(page.items).toHaveLength(companies.length)
    expect(page.nextCursor).toBeNull()
  })

  it('list items carry what the table shows', async () => {
    const first = created[0]!
    const page = await desk.ok('customers.list', { query: first.customerNumber })
    expect(page.items).toEqual([
      {
        id: first.id,
        customerNumber: first.customerNumber,
        kind: 'person',
        displayName: 'Jean Dupont',
        email: first.email,
        phone: first.phones[0]!.number,
        city: 'Marseille',
        country: 'FR',
        createdAt: first.createdAt,
      },
    ])
  })

  it('a row added while paging does not shift or repeat pages', async () => {
    const firstPage = await desk.ok('customers.list', { sort: 'customerNumber', limit: 5 })
    const { customer: late } = await desk.ok('customers.create', personInput({ lastName: 'Retardataire' }))
    try {
      const rest = await walk({ sort: 'customerNumber', limit: 5, cursor: firstPage.nextCursor! })
      const ids = [...firstPage.items, ...rest.flat()].map((c) => c.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toEqual([...created.map((c) => c.id), late.id])
    } finally {
      desk.core.database.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(late.id)
    }
  })

  it.each([
    'garbage',
    'e30',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('a bad cursor (%j) is a VALIDATION error', async (cursor) => {
    const error = errorOf(await desk.call('customers.list', { cursor }))
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.fields).toEqual([{ path: 'cursor', key: 'validation.cursor' }])
  })

  const names = (items: CustomerListItem[]) => items.map((c) => c.displayName)

  describe('search', () => {
    it.each([
      ['dupont', ['Jean Dupont']],
      ['DUPONT J', ['Jean Dupont']], // last-first
      ['jean dup', ['Jean Dupont']], // first-last
      ['eloise', ["Éloïse D'Arc"]], // accents folded in the query...
      ['ÉLOÏSE D’', ["Éloïse D'Arc"]], // ...and typographic apostrophes
      ["d'arc", ["Éloïse D'Arc"]],
      ['lefev', ['Anaïs Lefèvre']],
      ['lefe', ['Marc Lefebvre', 'Anaïs Lefèvre']],
      ['lefeb', ['Marc Lefebvre']],
      ['emile zo', ['Émile Zola']],
      ['zenith', ['Zénith Télécom']],
      ['el amrani', ['Youssef El Amrani']],
      ['van den', ['Pieter Van den Berg']],
      [
        'martin',
        ['Martin & Fils', 'Jean Martin', 'Jean Martin', 'Jean Martin', 'Marie Martin', 'Chloé Martinez'],
      ],
      ['nobody', []],
    ])('by name %j', async (query, want) => {
      expect(names(await desk.ok('customers.search', { query }))).toEqual(want)
    })

    it('by phone, national or international form', async () => {
      const dupont = created[0]!
      const national = dupont.phones[0]!.number.replace('+33', '0')
      const forms = [
        dupont.phones[0]!.number,
        national,
        national.replace(/(\d{2})(?=\d)/g, '$1 '),
        `0033${national.slice(1)}`,
      ]
      for (const query of forms) {
        expect([query, (await desk.ok('customers.search', { query })).map((c) => c.id)]).toEqual([
          query,
          [dupont.id],
        ])
      }
      const atlas = created.find((c) => c.companyName === 'Atlas Logistique')!
      const moroccan = atlas.phones[0]!.number // +2125…
      for (const query of [moroccan, `0${moroccan.slice(4)}`, `00212 ${moroccan.slice(4)}`]) {
        expect([query, (await desk.ok('customers.search', { query })).map((c) => c.id)]).toEqual([
          query,
          [atlas.id],
        ])
      }
    })

    it('by email prefix, whatever the case', async () => {
      const zola = created.find((c) => c.lastName === 'Zola')!
      for (const query of [
        zola.email!,
        zola.email!.toUpperCase(),
        zola.email!.slice(0, zola.email!.indexOf('@') + 3),
      ]) {
        expect(names(await desk.ok('customers.search', { query }))).toEqual(['Émile Zola'])
      }
      expect(names(await desk.ok('customers.search', { query: 'contact' }))).toEqual([]) // no @: a name
    })

    it('by customer number, whole or prefix', async () => {
      expect(
        (await desk.ok('customers.search', { query: 'T01-000003' })).map((c) => c.customerNumber),
      ).toEqual(['T01-000003'])
      expect(
        (await desk.ok('customers.search', { query: 't01-000003' })).map((c) => c.customerNumber),
      ).toEqual(['T01-000003'])
      const prefix = await desk.ok('customers.search', { query: 'T01-00001', limit: 50 })
      expect(prefix.map((c) => c.customerNumber).sort()).toEqual(
        created.map((c) => c.customerNumber).filter((n) => n.startsWith('T01-00001')),
      )
    })

    it('returns at most `limit` matches', async () => {
      expect(await desk.ok('customers.search', { query: 'T01-', limit: 3 })).toHaveLength(3)
      expect(await desk.ok('customers.search', { query: 'T01-' })).toHaveLength(10)
    })
  })

  describe('duplicates', () => {
    it('warns about the same email (any case) and the same phone, never about the customer itself', async () => {
      const original = created.find((c) => c.lastName === 'Zola')!
      const phone = original.phones[0]!.number
      const copy = await desk.ok(
        'customers.create',
        personInput({
          firstName: 'E.',
          lastName: 'Zola',
          email: original.email!.toUpperCase(),
          phones: [{ type: 'work', number: phone.replace('+33', '0') }],
        }),
      )
      try {
        expect(copy.duplicates).toEqual([
          {
            id: original.id,
            customerNumber: original.customerNumber,
            displayName: 'Émile Zola',
            matchedOn: 'email',
            value: original.email,
          },
          {
            id: original.id,
            customerNumber: original.customerNumber,
            displayName: 'Émile Zola',
            matchedOn: 'phone',
            value: phone,
          },
        ])
        // Saving the original again names the copy, not itself.
        const again = await desk.ok('customers.update', {
          id: original.id,
          customer: personInput({
            firstName: 'Émile',
            lastName: 'Zola',
            email: original.email!,
            notes: 'vu',
            phones: [{ type: 'mobile', number: phone }],
          }),
        })
        expect(again.duplicates.map((d) => [d.id, d.matchedOn])).toEqual([
          [copy.customer.id, 'email'],
          [copy.customer.id, 'phone'],
        ])

        // The channel the form calls while typing.
        const hints = await desk.ok('customers.duplicates', {
          email: ` ${original.email!.toUpperCase()} `,
          phones: [phone.replace('+33', '0')],
          country: 'FR',
        })
        expect(hints.map((d) => [d.id, d.matchedOn]).sort()).toEqual(
          [
            [original.id, 'email'],
            [original.id, 'phone'],
            [copy.customer.id, 'email'],
            [copy.customer.id, 'phone'],
          ].sort(),
        )
        const excluded = await desk.ok('customers.duplicates', {
          email: original.email!,
          phones: [phone],
          excludeId: original.id,
        })
        expect(excluded.map((d) => d.id)).toEqual([copy.customer.id, copy.customer.id])
      } finally {
        desk.core.database.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(copy.customer.id)
      }
    })

    it('a number with the same last 8 digits in another country is not a duplicate', async () => {
      const dupont = created[0]!
      const french = dupont.phones[0]!.number // +33 6 11 00 00 01
      const moroccan = `+212${french.slice(3)}`
      expect(await desk.ok('customers.duplicates', { phones: [moroccan], country: 'MA' })).toEqual([])
      expect((await desk.ok('customers.duplicates', { phones: [french] })).map((d) => d.id)).toEqual([
        dupont.id,
      ])
      // the search by phone, on the other hand, shows both candidates' common tail
      expect((await desk.ok('customers.search', { query: moroccan })).map((c) => c.id)).toEqual([dupont.id])
    })

    it('no hints for an unknown email or phone, or none given', async () => {
      expect(
        await desk.ok('customers.duplicates', { email: 'personne@example.fr', phones: ['06 99 99 99 99'] }),
      ).toEqual([])
      expect(await desk.ok('customers.duplicates', {})).toEqual([])
    })
  })
})
