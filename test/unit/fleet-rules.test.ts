import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { entityRules } from '../../hub/sync/entityRules'
import { demoOptions, demoPlans } from '../../main/demo/seedFleet'
import { fleetEntities } from '../../main/modules/fleet/fleetEntities'
import {
  applyOptionChange,
  applyPlanChange,
  iccidProblem,
  lineSearchKey,
  luhnCheckDigit,
  normalizeBarrings,
  OptionMatrix,
  withCheckDigit,
} from '../../main/modules/fleet/lineRules'
import {
  allowedRequests,
  checkTransition,
  type LineRequest,
  type LineStatus,
} from '../../main/modules/fleet/lineStatus'
import { columnNames, deskEntities } from '../../main/sync/deskEntities'
import { fleetValidationEn } from '../../renderer/src/i18n/areas/fleet.en'
import { fleetValidationFr } from '../../renderer/src/i18n/areas/fleet.fr'

describe('line state machine', () => {
  // from, request → target state, or null when refused
  const table: [LineStatus, LineRequest, LineStatus | null][] = [
    ['PENDING', 'activate', 'ACTIVE'],
    ['ACTIVE', 'activate', null],
    ['SUSPENDED', 'activate', null],
    ['STOPPED', 'activate', null],
    ['PENDING', 'swap', 'PENDING'],
    ['ACTIVE', 'swap', 'ACTIVE'],
    ['SUSPENDED', 'swap', 'SUSPENDED'],
    ['STOPPED', 'swap', null],
    ['ACTIVE', 'suspend', 'SUSPENDED'],
    ['PENDING', 'suspend', null],
    ['SUSPENDED', 'suspend', null],
    ['STOPPED', 'suspend', null],
    ['SUSPENDED', 'reactivate', 'ACTIVE'],
    ['ACTIVE', 'reactivate', null],
    ['STOPPED', 'reactivate', null],
    ['PENDING', 'stop', 'STOPPED'],
    ['ACTIVE', 'stop', 'STOPPED'],
    ['SUSPENDED', 'stop', 'STOPPED'],
    ['STOPPED', 'stop', null],
    ['ACTIVE', 'plan', 'ACTIVE'],
    ['STOPPED', 'plan', null],
    ['SUSPENDED', 'options', 'SUSPENDED'],
    ['STOPPED', 'options', null],
    ['ACTIVE', 'barrings', 'ACTIVE'],
    ['STOPPED', 'barrings', null],
    ['PENDING', 'payByMobile', 'PENDING'],
    ['STOPPED', 'payByMobile', null],
    ['ACTIVE', 'editUser', 'ACTIVE'],
    ['STOPPED', 'editUser', null],
  ]
  it.each(table)('%s + %s → %s', (from, request, to) => {
    const verdict = checkTransition(from, request)
    if (to === null) {
      expect(verdict.ok).toBe(false)
      if (!verdict.ok) expect(verdict.key).toBe(`validation.fleetTransition_${request}`)
    } else expect(verdict).toEqual({ ok: true, to })
  })

  it('every refusal has a French and an English message', () => {
    for (const status of ['PENDING', 'ACTIVE', 'SUSPENDED', 'STOPPED'] as const)
      for (const request of [
        'activate',
        'swap',
        'suspend',
        'reactivate',
        'stop',
        'barrings',
        'plan',
        'options',
        'payByMobile',
        'editUser',
      ] as const) {
        const verdict = checkTransition(status, request)
        if (!verdict.ok) {
          const name = verdict.key.replace('validation.', '') as keyof typeof fleetValidationFr
          expect(fleetValidationFr[name], name).toBeTruthy()
          expect(fleetValidationEn[name], name).toBeTruthy()
        }
      }
    expect(fleetValidationFr.fleetTransition_swap).toMatch(/arrêtée/)
  })

  it('a stopped line allows nothing; a pending one cannot be suspended', () => {
    expect(allowedRequests('STOPPED')).toEqual([])
    expect(allowedRequests('PENDING')).not.toContain('suspend')
  })
})

describe('ICCID', () => {
  it('computes the Luhn check digit (known card numbers)', () => {
    // 8931 1000 0000 0000 001 (a textbook ICCID of 19 digits with its check digit)
    expect(luhnCheckDigit('7992739871')).toBe(3) // the classic Luhn example
    expect(luhnCheckDigit('893203100000000000')).toBe(Number(withCheckDigit('893203100000000000').at(-1)))
  })

  it.each([
    [withCheckDigit('893203100000000001'), null],
    [withCheckDigit('8932031000000000012'), null], // 20 digits
    [
      `${withCheckDigit('893203100000000001').slice(0, -1)}${(Number(withCheckDigit('893203100000000001').at(-1)) + 1) % 10}`,
      'iccidCheckDigit',
    ],
    ['89320310000000000A1', 'iccidDigits'],
    ['893203100000001', 'iccidLength'],
    ['893203100000000000012345', 'iccidLength'],
    [withCheckDigit('893303100000000001'), 'iccidPrefix'],
    [`8932 0310 0000 0000 01${luhnCheckDigit('893203100000000001')}`, null], // typed in groups
  ] as const)('%s → %s', (iccid, problem) => {
    expect(iccidProblem(iccid)).toBe(problem)
  })
})

describe('option/plan compatibility', () => {
  const matrix = new OptionMatrix(
    demoOptions.flatMap((o) =>
      demoPlans.map((p) => ({
        planCode: p.code,
        optionCode: o.code,
        available: (o.plans as readonly string[]).includes(p.code),
        monthlyPriceMinor: o.price,
      })),
    ),
  )

  it.each([
    ['MOBILE_START', 'VOICE_NATIONAL_100', true],
    ['MOBILE_LIMITLESS', 'VOICE_NATIONAL_100', false],
    ['MOBILE_DATA_20', 'DATA_ASIA_TECH_3GB', true],
    ['MOBILE_DATA_20', 'DATA_NATIONAL_10GB', false],
    ['MOBILE_CONTACT', 'DATA_ASIA_BUSINESS_600MB', false],
    ['MOBILE_1', 'DATA_ASIA_BUSINESS_600MB', true],
    ['MOBILE_1', 'UNKNOWN', false],
  ] as const)('%s × %s applies: %s', (plan, option, applies) => {
    expect(matrix.applies(plan, option)).toBe(applies)
    expect(matrix.price(plan, option) === null).toBe(!applies)
  })

  it('a plan change keeps the options of the new plan and drops the others', () => {
    expect(applyPlanChange(matrix, 'MOBILE_LIMITLESS', ['DATA_NATIONAL_10GB', 'ROAMING_WORLD_1GB'])).toEqual({
      options: ['ROAMING_WORLD_1GB'],
      dropped: ['DATA_NATIONAL_10GB'],
    })
  })

  it('an option change refuses what does not apply and removes what is asked', () => {
    expect(
      applyOptionChange(
        matrix,
        'MOBILE_DATA_12',
        ['ROAMING_WORLD_1GB'],
        ['DATA_ASIA_TECH_3GB', 'MULTI_SIM'],
        ['ROAMING_WORLD_1GB'],
      ),
    ).toEqual({ options: ['DATA_ASIA_TECH_3GB'], refused: ['MULTI_SIM'] })
    expect(applyOptionChange(matrix, 'MOBILE_1', ['MULTI_SIM'], ['MULTI_SIM'], [])).toEqual({
      options: ['MULTI_SIM'],
      refused: [],
    })
  })
})

describe('barrings and search keys', () => {
  it('keeps barrings in the seed order, once', () => {
    expect(normalizeBarrings(['abroadAll', 'mms', 'mms', 'bogus'])).toEqual(['mms', 'abroadAll'])
  })
  it('finds a line by its local number, description and names without accents', () => {
    const key = lineSearchKey({
      phoneNumber: '+32470123456',
      description: 'Dépôt Liège',
      userFirstName: 'Léa',
      userLastName: 'Dupont',
    })
    expect(key).toContain('0470123456')
    expect(key).toContain('depot liege')
    expect(key).toContain('lea')
  })
})

describe('fleet entities at the hub', () => {
  it.each(fleetEntities.map((e) => [e.name, e] as const))(
    '%s: the hub accepts exactly the synced columns',
    (_name, def) => {
      const skip = new Set(['id', 'version', 'clocks', ...(def.localFields ?? [])])
      const synced = [...columnNames(def.table)].filter((c) => !skip.has(c)).sort()
      const columns = getTableColumns(def.table) as Record<string, { notNull: boolean }>
      expect([...entityRules[def.name]!.fields].sort()).toEqual(synced)
      expect([...entityRules[def.name]!.required].sort()).toEqual(synced.filter((c) => columns[c]!.notNull))
      expect(deskEntities[def.name]?.table).toBe(def.table)
    },
  )
})
