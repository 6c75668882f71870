import { describe, expect, it } from 'vitest'
import { defaultListState, formatRoute, parseHash, type Route } from '../../renderer/src/app/routes'

const ID = '01J9Z8Y7X6W5V4T3S2R1Q0P9N8'

describe('hash routes', () => {
  it.each<[string, Route | null]>([
    ['', null],
    ['#/', null],
    // The browser host's launch token arrives in the hash before the bridge removes it.
    ['#token=abc', null],
    ['#/harbour', { name: 'home', workspace: 'harbour' }],
    ['#/telecom', { name: 'home', workspace: 'telecom' }],
    ['#/harbour/customers', { name: 'customers', workspace: 'harbour', list: defaultListState }],
    [
      '#/telecom/customers?q=dupont&kind=company&sort=createdAt&dir=desc',
      {
        name: 'customers',
        workspace: 'telecom',
        list: { query: 'dupont', kind: 'company', sort: 'createdAt', direction: 'desc' },
      },
    ],
    ['#/harbour/customers/new', { name: 'customerNew', workspace: 'harbour' }],
    [`#/harbour/customers/${ID}`, { name: 'customer', workspace: 'harbour', id: ID }],
    [`#/telecom/customers/${ID}/edit`, { name: 'customerEdit', workspace: 'telecom', id: ID }],
    ['#/fleet', { name: 'notFound', path: '/fleet' }],
    ['#/harbour/Invoices!', { name: 'notFound', path: '/harbour/Invoices!' }],
    [
      '#/harbour/berths/plan?date=2026-07-01',
      {
        name: 'area',
        workspace: 'harbour',
        section: 'berths',
        rest: ['plan'],
        params: { date: '2026-07-01' },
      },
    ],
    ['#/harbour/customers/not-an-id', { name: 'notFound', path: '/harbour/customers/not-an-id' }],
    [`#/harbour/customers/${ID}/delete`, { name: 'notFound', path: `/harbour/customers/${ID}/delete` }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route)
  })

  it('ignores unknown list parameters rather than failing', () => {
    expect(parseHash('#/harbour/customers?kind=robot&sort=weight&dir=up')).toEqual({
      name: 'customers',
      workspace: 'harbour',
      list: defaultListState,
    })
  })

  it.each<Route>([
    { name: 'home', workspace: 'telecom' },
    { name: 'customers', workspace: 'harbour', list: defaultListState },
    {
      name: 'customers',
      workspace: 'harbour',
      list: { query: 'é & co', kind: 'person', sort: 'name', direction: 'desc' },
    },
    { name: 'customerNew', workspace: 'telecom' },
    { name: 'customer', workspace: 'harbour', id: ID },
    { name: 'customerEdit', workspace: 'harbour', id: ID },
    {
      name: 'area',
      workspace: 'telecom',
      section: 'fleets',
      rest: [ID, 'lines', '+32 470'],
      params: { q: 'é&x' },
    },
  ])('formats and parses back %j', (route) => {
    expect(parseHash(formatRoute(route))).toEqual(route)
  })

  it('keeps default list settings out of the URL', () => {
    expect(formatRoute({ name: 'customers', workspace: 'harbour', list: defaultListState })).toBe(
      '#/harbour/customers',
    )
  })
})
