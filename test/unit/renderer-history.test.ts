import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../preload/contract'
import { describeValue, fieldChanges } from '../../renderer/src/features/customers/customerHistory'
import { fr } from '../../renderer/src/i18n/fr'

const i18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, initAsync: false })
})

function entry(before: Record<string, unknown> | null, after: Record<string, unknown>): AuditEntry {
  return {
    id: '01J9Z8Y7X6W5V4T3S2R1Q0P9N8',
    at: '2026-11-22T09:00:00.000Z',
    staffId: null,
    staffName: null,
    deskId: 'C01',
    action: 'customer.update',
    entity: 'customer',
    entityId: '01J9Z8Y7X6W5V4T3S2R1Q0P9N7',
    before,
    after,
  }
}

describe('customer history', () => {
  it('lists changed fields in form order and leaves derived search keys out', () => {
    const changes = fieldChanges(
      entry(
        { city: 'La Rochelle', sortName: 'aubry anais', email: null, emailKey: null },
        { city: 'Rochefort', sortName: 'aubry anais x', email: 'a@b.fr', emailKey: 'a@b.fr' },
      ),
      i18n.t,
    )
    expect(changes).toEqual([
      { field: 'email', before: '—', after: 'a@b.fr' },
      { field: 'city', before: 'La Rochelle', after: 'Rochefort' },
    ])
  })

  it.each<[Parameters<typeof describeValue>[0], unknown, string]>([
    [
      'phones',
      '[{"type":"mobile","number":"+33612345678"},{"type":"work","number":"+212522000000"}]',
      '+33 6 12 34 56 78, +212 5 22 00 00 00',
    ],
    ['phones', '[]', '—'],
    [
      'billingAddress',
      '{"street":"1 quai","postalCode":"17000","city":"La Rochelle","country":"FR"}',
      '1 quai, 17000 La Rochelle, FR',
    ],
    ['identifiers', '{"siren":"732829320","ice":""}', 'SIREN 732829320'],
    ['kind', 'company', 'Société'],
    ['title', 'mrs', 'Mme'],
    ['language', 'nl', 'Néerlandais'],
    ['notes', null, '—'],
  ])('%s %j reads %s', (field, raw, expected) => {
    expect(describeValue(field, raw, i18n.t)).toBe(expected)
  })
})
