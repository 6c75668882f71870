import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { rejectReasons } from '../../hub/protocol'
import { mayCall } from '../../renderer/src/app/access'
import { formatRoute, isDeskRoute, parseHash, type Route } from '../../renderer/src/app/routes'
import {
  changedFieldNames,
  conflictEditor,
  conflictFields,
  describeConflictValue,
  editInitialText,
  editValueIssue,
  editValueToSend,
  entityKey,
  fieldLabel,
  opKindKey,
  reasonKey,
  recordLabelFromFields,
  recordLabelText,
  rejectReasonKeys,
  relativeTime,
  shortValue,
} from '../../renderer/src/features/sync/syncText'
import { en } from '../../renderer/src/i18n/en'
import { fr } from '../../renderer/src/i18n/fr'

const i18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({
    lng: 'fr',
    resources: { fr: { translation: fr }, en: { translation: en } },
    initAsync: false,
  })
})

const NOW = Date.parse('2026-11-22T12:00:00Z')
const ago = (ms: number) => new Date(NOW - ms).toISOString()

describe('relative times', () => {
  it.each([
    [0, 'maintenant', 'now'],
    [59_000, 'maintenant', 'now'],
    [60_000, 'il y a 1 minute', '1 minute ago'],
    [5 * 60_000 + 59_000, 'il y a 5 minutes', '5 minutes ago'],
    [90 * 60_000, 'il y a 1 heure', '1 hour ago'],
    [25 * 3_600_000, 'il y a 25 heures', '25 hours ago'],
    [3 * 86_400_000, 'il y a 3 jours', '3 days ago'],
  ])('%i ms ago', (ms, french, english) => {
    expect(relativeTime(ago(ms), NOW, 'fr')).toBe(french)
    expect(relativeTime(ago(ms), NOW, 'en')).toBe(english)
  })

  it('reads a few seconds in the future (two machines’ clocks) as now, and leaves bad input as is', () => {
    expect(relativeTime(ago(-20_000), NOW, 'fr')).toBe('maintenant')
    expect(relativeTime(ago(-2 * 3_600_000), NOW, 'en')).toBe('in 2 hours')
    expect(relativeTime('not a date', NOW, 'fr')).toBe('not a date')
  })
})

describe('sync issues', () => {
  it('knows every reason the hub can give, and translates each in both languages', () => {
    expect([...rejectReasonKeys].sort()).toEqual([...rejectReasons].sort())
    for (const reason of [...rejectReasonKeys, 'UNKNOWN'] as const) {
      expect(fr.syncIssues.reasons[reason]).toBeTruthy()
      expect(en.syncIssues.reasons[reason]).toBeTruthy()
    }
    expect(reasonKey('NOT_FOUND')).toBe('NOT_FOUND')
    expect(reasonKey('SOMETHING_NEW')).toBe('UNKNOWN')
  })

  it('names entities and operation kinds, with a fallback for unknown ones', () => {
    expect(entityKey('customer')).toBe('customer')
    expect(entityKey('boat')).toBe('other')
    expect(opKindKey('append')).toBe('append')
    expect(opKindKey('merge')).toBe('other')
    expect(i18n.t(`syncIssues.entities.${entityKey('boat')}`, { entity: 'boat' })).toBe('Élément « boat »')
  })

  it('lists the fields an update changes, in words, without the bookkeeping ones', () => {
    expect(changedFieldNames('update', { city: 'Royan', email: null, updatedAt: 'x' }, i18n.t)).toBe(
      'Ville, E-mail',
    )
    expect(changedFieldNames('update', { loyaltyTier: 'gold' }, i18n.t)).toBe('loyaltyTier')
    expect(changedFieldNames('create', { city: 'Royan' }, i18n.t)).toBe('')
  })

  it('names a record from the operation when it can', () => {
    const full = recordLabelFromFields({ displayName: 'Anaïs Aubry', customerNumber: 'C01-000012' })
    expect(full).toEqual({ name: 'Anaïs Aubry', number: 'C01-000012' })
    expect(recordLabelText(full!)).toBe('Anaïs Aubry · C01-000012')
    expect(recordLabelFromFields({ invoiceNumber: '2026-C01-000123' })).toEqual({
      name: '2026-C01-000123',
      number: null,
    })
    expect(recordLabelFromFields({ city: 'Royan' })).toBeNull()
  })
})

describe('conflict values', () => {
  const describe_ = (field: string, value: unknown) => describeConflictValue(field, value, i18n.t, 'fr')

  it('shows plain texts as they are, and empty values as a dash', () => {
    expect(describe_('city', 'Rochefort')).toBe('Rochefort')
    expect(describe_('email', null)).toBe('—')
    expect(describe_('notes', '')).toBe('—')
  })

  it('reads JSON text: phones, addresses, identifiers', () => {
    const phones = JSON.stringify([
      { type: 'mobile', number: '+33641279358' },
      { type: 'work', number: '+212522123456' },
    ])
    expect(describe_('phones', phones)).toBe('+33 6 41 27 93 58, +212 5 22 12 34 56')
    expect(describe_('phones', '[]')).toBe('—')
    const address = JSON.stringify({
      street: '12 quai Duperré',
      postalCode: '17000',
      city: 'La Rochelle',
      country: 'FR',
    })
    expect(describe_('billingAddress', address)).toBe('12 quai Duperré, 17000 La Rochelle, FR')
    expect(describe_('identifiers', JSON.stringify({ siren: '732829320', ice: '' }))).toBe('SIREN 732829320')
  })

  it('translates enumerated values and dates', () => {
    expect(describe_('title', 'mrs')).toBe('Mme')
    expect(describe_('language', 'nl')).toBe('Néerlandais')
    expect(describe_('kind', 'company')).toBe('Société')
    expect(describe_('updatedAt', '2026-11-22T09:30:00.000Z')).toMatch(/^22\/11\/2026 \d{2}:30$/)
  })

  it('says what "deleted on one desk, edited on another" means on each side', () => {
    expect(describe_('_deleted', true)).toBe('Supprimé')
    expect(describe_('_deleted', false)).toBe('Conservé')
    expect(describe_('_deleted', { city: 'Royan', updatedAt: 'x' })).toBe('Modifié (Ville)')
    expect(describe_('_deleted', {})).toBe('Modifié')
  })

  it('shows an unknown field or structure readably rather than as raw JSON', () => {
    expect(describe_('loyalty', '{"tier":"gold","points":12}')).toBe('tier : gold, points : 12')
    expect(describe_('loyalty', [1, 2])).toBe('1, 2')
    expect(describe_('loyalty', '{not json')).toBe('{not json')
  })

  it('labels every field a conflict can be about, in both languages', () => {
    for (const field of conflictFields) {
      expect(fr.conflicts.fields[field]).toBeTruthy()
      expect(en.conflicts.fields[field]).toBeTruthy()
    }
    expect(fieldLabel('postalCode', i18n.t)).toBe('Code postal')
    expect(fieldLabel('loyaltyTier', i18n.t)).toBe('loyaltyTier')
  })

  it('shortens long values for a button label', () => {
    expect(shortValue('Rochefort')).toBe('Rochefort')
    expect(shortValue('Résidence Al Manar, Appt 16, boulevard Moulay Youssef', 20)).toBe(
      'Résidence Al Manar,…',
    )
    expect([...shortValue('x'.repeat(100))].length).toBe(28)
  })
})

describe('typing the value to keep', () => {
  it('offers a box for texts, a list for choices, and nothing for structured values', () => {
    expect(conflictEditor('customer', 'city')).toEqual({ kind: 'text', required: true })
    expect(conflictEditor('customer', 'email')).toEqual({ kind: 'text', required: false })
    expect(conflictEditor('customer', 'notes')).toEqual({ kind: 'textarea', required: false })
    expect(conflictEditor('customer', 'title')).toMatchObject({ kind: 'select', optionKey: 'customerTitle' })
    expect(conflictEditor('customer', 'phones')).toBeNull()
    expect(conflictEditor('customer', '_deleted')).toBeNull()
    expect(conflictEditor('invoice', 'label')).toBeNull()
  })

  it('checks the value with the contract’s own rules', () => {
    expect(editValueIssue('city', 'Royan')).toBeNull()
    expect(editValueIssue('city', '  ')).toEqual({ path: 'value', key: 'validation.required' })
    expect(editValueIssue('email', 'not-an-email')).toEqual({ path: 'value', key: 'validation.email' })
    expect(editValueIssue('email', '')).toBeNull()
    expect(editValueIssue('country', 'France')).toEqual({ path: 'value', key: 'validation.country' })
    expect(editValueIssue('lastName', 'x'.repeat(101))).toEqual({ path: 'value', key: 'validation.tooLong' })
  })

  it('sends the value in the column’s own form', () => {
    expect(editValueToSend('city', '  Royan ')).toBe('Royan')
    expect(editValueToSend('email', ' ')).toBeNull()
    expect(editValueToSend('notes', '')).toBeNull()
    expect(editValueToSend('country', 'fr')).toBe('FR')
    expect(editValueToSend('title', 'none')).toBeNull()
    expect(editValueToSend('title', 'mr')).toBe('mr')
    expect(editInitialText('title', null)).toBe('none')
    expect(editInitialText('city', 'Royan')).toBe('Royan')
    expect(editInitialText('email', null)).toBe('')
  })
})

describe('desk routes', () => {
  it.each<[string, Route]>([
    ['#/harbour/desk/sync', { name: 'sync', workspace: 'harbour' }],
    ['#/telecom/desk/conflicts', { name: 'conflicts', workspace: 'telecom', tab: 'open' }],
    ['#/harbour/desk/conflicts?tab=resolved', { name: 'conflicts', workspace: 'harbour', tab: 'resolved' }],
    ['#/harbour/desk/settings', { name: 'settings', workspace: 'harbour' }],
    ['#/telecom/desk/staff', { name: 'staff', workspace: 'telecom' }],
    [
      '#/harbour/customers/01J9Z8Y7X6W5V4T3S2R1Q0P9N8/edit?from=sync',
      { name: 'customerEdit', workspace: 'harbour', id: '01J9Z8Y7X6W5V4T3S2R1Q0P9N8', from: 'sync' },
    ],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route)
    expect(formatRoute(route)).toBe(hash)
    expect(isDeskRoute(route)).toBe(route.name !== 'customerEdit')
  })

  it('leaves unknown desk screens as not found', () => {
    expect(parseHash('#/harbour/desk')).toEqual({ name: 'notFound', path: '/harbour/desk' })
    expect(parseHash('#/harbour/desk/backup')).toEqual({ name: 'notFound', path: '/harbour/desk/backup' })
    expect(parseHash('#/harbour/desk/sync/now')).toEqual({ name: 'notFound', path: '/harbour/desk/sync/now' })
  })
})

describe('who sees which action', () => {
  it('follows the contract’s access lists', () => {
    expect(mayCall('counter', 'sync.issues')).toBe(true)
    expect(mayCall('counter', 'sync.discard')).toBe(false)
    expect(mayCall('supervisor', 'sync.discard')).toBe(true)
    expect(mayCall('agent', 'conflicts.list')).toBe(false)
    expect(mayCall('supervisor', 'staff.list')).toBe(true)
    expect(mayCall('supervisor', 'staff.create')).toBe(false)
    expect(mayCall('supervisor', 'settings.update')).toBe(false)
    expect(mayCall('admin', 'sync.connect')).toBe(true)
  })
})
