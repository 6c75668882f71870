/**
 * Demo fleets: the catalogue of the seed (plans × options, EUR, VAT 21 %), three Belgian business
 * accounts with billing accounts, split-bill profiles and a few hundred lines in every state, and
 * a pool of free numbers. Deterministic: a seeded id factory and a settable clock, like seedDemo.ts.
 *
 * Lines are written through LineService.insertLine (audit + outbox like a wizard's); the states of
 * the demo's older lines (active, suspended, stopped) are history the operator confirmed long ago,
 * so they are set directly rather than sent as provisioning requests.
 */
import { customerInput } from '../../preload/contract'
import type { LineCreateInput } from '../../preload/contract/fleet'
import type { Core } from '../app/core'
import { CustomerService } from '../modules/customers/customerService'
import { CatalogService } from '../modules/fleet/catalogService'
import { fleetNumberEntity, fleetSplitBillEntity } from '../modules/fleet/fleetEntities'
import { LineQueries } from '../modules/fleet/lineQueries'
import { withCheckDigit } from '../modules/fleet/lineRules'
import { LineService } from '../modules/fleet/lineService'
import { type Actor, Repository, type UnitOfWork } from '../repo/repository'
import { SettableClock } from './demoTimeline'
import { seededUlidFactory } from './seededIds'
import { SeededRandom } from './seededRandom'

/** The seed's catalogue: monthly prices excl. VAT in euro cents. */
export const demoPlans = [
  { code: 'MOBILE_1', name: 'Mobile 1', kind: 'voice', monthlyPriceMinor: 12_40 },
  { code: 'MOBILE_EUROPE', name: 'Mobile Europe', kind: 'voice', monthlyPriceMinor: 30_99 },
  { code: 'MOBILE_START', name: 'Mobile Start', kind: 'voice', monthlyPriceMinor: 8_26 },
  { code: 'MOBILE_START_PLUS', name: 'Mobile Start +', kind: 'voice', monthlyPriceMinor: 16_53 },
  { code: 'MOBILE_CONTACT', name: 'Mobile Contact', kind: 'voice', monthlyPriceMinor: 4_13 },
  { code: 'MOBILE_LIMITLESS', name: 'Mobile Limitless', kind: 'voice', monthlyPriceMinor: 41_32 },
  { code: 'MOBILE_DATA_12', name: 'Mobile Data 12', kind: 'data', monthlyPriceMinor: 12_40 },
  { code: 'MOBILE_DATA_20', name: 'Mobile Data 20', kind: 'data', monthlyPriceMinor: 20_66 },
  { code: 'MOBILE_DATA_50', name: 'Mobile Data 50', kind: 'data', monthlyPriceMinor: 33_06 },
] as const

const VOICE = [
  'MOBILE_1',
  'MOBILE_EUROPE',
  'MOBILE_START',
  'MOBILE_START_PLUS',
  'MOBILE_CONTACT',
  'MOBILE_LIMITLESS',
]
const DATA = ['MOBILE_DATA_12', 'MOBILE_DATA_20', 'MOBILE_DATA_50']

/** Options, their price and the plans they apply to (the others: "n/a"). */
export const demoOptions = [
  {
    code: 'DATA_ASIA_BUSINESS_600MB',
    name: 'Data Asia business 600 MB',
    price: 9_92,
    plans: ['MOBILE_1', 'MOBILE_EUROPE', 'MOBILE_START_PLUS', 'MOBILE_LIMITLESS'],
  },
  {
    code: 'VOICE_NATIONAL_100',
    name: 'Voice National 100 min',
    price: 4_96,
    plans: ['MOBILE_CONTACT', 'MOBILE_START'],
  },
  {
    code: 'DATA_ASIA_TECH_3GB',
    name: 'Data Asia tech 3 GB',
    price: 24_79,
    plans: ['MOBILE_EUROPE', 'MOBILE_LIMITLESS', ...DATA],
  },
  {
    code: 'DATA_NATIONAL_10GB',
    name: 'Data National 10 GB',
    price: 8_26,
    plans: ['MOBILE_1', 'MOBILE_START', 'MOBILE_START_PLUS', 'MOBILE_CONTACT'],
  },
  { code: 'ROAMING_WORLD_1GB', name: 'Roaming World 1 GB', price: 14_88, plans: [...VOICE, ...DATA] },
  { code: 'MULTI_SIM', name: 'Multi-SIM (carte supplémentaire)', price: 4_13, plans: VOICE },
] as const

const COMPANIES = [
  {
    name: 'Brasserie Vandenbroucke SA',
    street: 'Rue des Brasseurs 14',
    postalCode: '5000',
    city: 'Namur',
    phone: '+3281223344',
    email: 'flotte@vandenbroucke.be',
    lines: 220,
  },
  {
    name: 'Logistique Meuse-Escaut SRL',
    street: 'Quai de Rome 52',
    postalCode: '4000',
    city: 'Liège',
    phone: '+3242540011',
    email: 'it@meuse-escaut.be',
    lines: 120,
  },
  {
    name: 'Atelier Numérique Gent BV',
    street: 'Korenmarkt 8',
    postalCode: '9000',
    city: 'Gent',
    phone: '+3292251010',
    email: 'admin@ateliernumerique.be',
    lines: 40,
  },
]

const FIRST = [
  'Lucas',
  'Emma',
  'Noah',
  'Louise',
  'Arthur',
  'Olivia',
  'Louis',
  'Mila',
  'Jules',
  'Alice',
  'Adam',
  'Léa',
  'Victor',
  'Elena',
  'Thomas',
  'Sarah',
  'Mathis',
  'Nora',
  'Hugo',
  'Lina',
  'Wout',
  'Fien',
  'Pieter',
  'Anke',
]
const LAST = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Dubois',
  'Lambert',
  'Dupont',
  'Martin',
  'Simon',
  'Leclercq',
  'Lejeune',
  'Renard',
  'Van Damme',
  'Declercq',
]
const ROLES = [
  'Commercial',
  'Technicien',
  'Chauffeur',
  'Responsable dépôt',
  'Comptable',
  'Direction',
  'Support IT',
  'Magasinier',
  'Acheteur',
  'Routeur 4G',
]
const SITES = ['Namur', 'Liège', 'Gent', 'Bruxelles', 'Charleroi', 'Antwerpen', 'Mons', 'Wavre']

export interface FleetSeedOptions {
  seed: number
  /** Override the demo's accounts (the benchmark: one account with 50 000 lines). */
  accounts?: { name: string; lines: number }[]
  /** Free numbers left in the pool after the lines are made. */
  freeNumbers?: number
  /** When the demo's history starts (ms). */
  start?: number
}

export interface FleetSeedReport {
  accounts: { customerId: string; name: string; lines: number; billingAccounts: string[] }[]
  lines: number
  ms: number
}

/** Writes the catalogue (once) through the catalogue service, in one write. */
export function seedFleetCatalog(catalog: CatalogService, repo: Repository, actor: Actor): void {
  repo.write(actor, 'fleet.catalog.seed', (unit) => {
    for (const plan of demoPlans) catalog.putPlan(unit, { ...plan, active: true })
    for (const option of demoOptions)
      catalog.putOption(unit, { code: option.code, name: option.name, active: true })
    for (const option of demoOptions)
      for (const plan of demoPlans) {
        const applies = (option.plans as readonly string[]).includes(plan.code)
        if (applies)
          catalog.putCell(unit, {
            planCode: plan.code,
            optionCode: option.code,
            available: true,
            monthlyPriceMinor: option.price,
          })
      }
  })
}

export function seedFleet(core: Core, options: FleetSeedOptions): FleetSeedReport {
  const started = performance.now()
  const { sqlite, db } = core.database
  const deskId = core.services.repo.deskId
  const clock = new SettableClock(options.start ?? Date.UTC(2024, 0, 8, 8))
  const repo = new Repository(db, sqlite, clock, deskId, seededUlidFactory(options.seed + 400, clock))
  const random = new SeededRandom(options.seed + 400, 7)
  const actor: Actor = { staffId: null, deskId }
  const catalog = new CatalogService(repo, sqlite)
  const customers = new CustomerService(repo)
  const lines = new LineService(repo, clock, catalog, new LineQueries(sqlite), () => {
    throw new Error('the demo seeder sends no provisioning request')
  })
  const tick = () => clock.set(clock.now().getTime() + 61_000)

  if (catalog.catalog().plans.length === 0) seedFleetCatalog(catalog, repo, actor)

  const accounts = options.accounts
    ? options.accounts.map((a, i) => ({ ...COMPANIES[i % COMPANIES.length]!, ...a }))
    : COMPANIES
  const totalLines = accounts.reduce((n, a) => n + a.lines, 0)
  const poolSize = totalLines + (options.freeNumbers ?? 200)
  const report: FleetSeedReport = { accounts: [], lines: 0, ms: 0 }

  // Numbers: +32 47x xx xx xx, a shuffled walk so that neighbouring lines do not get neighbouring numbers.
  const numbers: string[] = []
  const base = 470_000_000 + random.int(0, 9) * 1_000_000
  const stride = 7919
  for (let i = 0; i < poolSize; i++) numbers.push(`+32${base + ((i * stride) % 9_000_000)}`)

  const BATCH = 1000
  const pool: { id: string; phoneNumber: string }[] = []
  for (let i = 0; i < numbers.length; i += BATCH) {
    repo.write(actor, 'fleet.numbers.seed', (unit) => {
      for (const phoneNumber of numbers.slice(i, i + BATCH)) {
        const id = repo.newId()
        unit.insert(fleetNumberEntity, { id, phoneNumber } as never)
        pool.push({ id, phoneNumber })
      }
    })
  }

  let iccidSeq = random.int(1000, 9000) * 1_000_000
  let next = 0
  for (const account of accounts) {
    tick()
    const { customer } = customers.create(
      actor,
      customerInput.parse({
        kind: 'company',
        companyName: account.name,
        email: account.email,
        phones: [{ type: 'work', number: account.phone }],
        language: 'fr',
        address: {
          street: account.street,
          postalCode: account.postalCode,
          city: account.city,
          country: 'BE',
        },
      }),
    )
    const billing = repo.write(actor, 'fleet.billingAccounts.create', (unit) =>
      ['Siège', 'Flotte terrain', 'Direction'].map(
        (label) =>
          catalog.insertBillingAccount(unit, customer.id, `${account.name} — ${label}`, {
            street: account.street,
            postalCode: account.postalCode,
            city: account.city,
            country: 'BE',
          }).id,
      ),
    )
    const profiles = repo.write(actor, 'fleet.splitBill.create', (unit) => [
      unit.insert(fleetSplitBillEntity, {
        id: repo.newId(),
        customerId: customer.id,
        name: 'Forfait pris en charge',
        employerPays: 'plan',
        ceilingMinor: null,
      } as never).id,
      unit.insert(fleetSplitBillEntity, {
        id: repo.newId(),
        customerId: customer.id,
        name: 'Plafond 25 €',
        employerPays: 'ceiling',
        ceilingMinor: 25_00,
      } as never).id,
    ])
    const made = { customerId: customer.id, name: account.name, lines: 0, billingAccounts: billing }
    for (let i = 0; i < account.lines; i += BATCH) {
      tick()
      repo.write(actor, 'fleet.lines.seed', (unit) => {
        for (let j = i; j < Math.min(account.lines, i + BATCH); j++) {
          const slot = pool[next++]!
          seedLine(unit, lines, random, {
            customerId: customer.id,
            billingAccountId: billing[j % 7 === 0 ? 2 : j % 3 === 0 ? 1 : 0]!,
            splitBillProfileId: j % 5 === 0 ? profiles[j % 2]! : null,
            slot,
            iccid: withCheckDigit(`89320310${String(iccidSeq++).padStart(10, '0')}`),
          })
          made.lines++
        }
      })
    }
    report.accounts.push(made)
    report.lines += made.lines
  }
  report.ms = performance.now() - started
  return report
}

function seedLine(
  unit: UnitOfWork,
  lines: LineService,
  random: SeededRandom,
  at: {
    customerId: string
    billingAccountId: string
    splitBillProfileId: string | null
    slot: { id: string; phoneNumber: string }
    iccid: string
  },
): void {
  const data = random.chance(0.15)
  const plan = data ? random.pick(DATA) : random.pick(VOICE)
  const options = demoOptions
    .filter((o) => (o.plans as readonly string[]).includes(plan) && random.chance(0.18))
    .map((o) => o.code)
  const first = random.pick(FIRST)
  const last = random.pick(LAST)
  const description = data
    ? `${random.pick(['Routeur 4G', 'Tablette', 'Borne'])} ${random.pick(SITES)}`
    : `${random.pick(ROLES)} ${random.pick(SITES)}`
  const input: LineCreateInput = {
    customerId: at.customerId,
    iccid: at.iccid,
    splitBillProfileId: at.splitBillProfileId,
    user: {
      description,
      title: random.pick(['mr', 'mrs'] as const),
      firstName: first,
      lastName: last,
      birthDate: `19${random.int(60, 99)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      email: `${`${first}.${last}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/\s+/g, '')}@example.be`,
      phone: '',
      language: random.weighted([
        ['fr', 55],
        ['nl', 35],
        ['en', 10],
      ] as const),
    },
    planCode: plan,
    options,
    billingAccountId: at.billingAccountId,
    number: { source: 'new', phoneNumber: at.slot.phoneNumber },
  }
  const status = random.weighted([
    ['ACTIVE', 75],
    ['PENDING', 8],
    ['SUSPENDED', 10],
    ['STOPPED', 7],
  ] as const)
  const barrings = random.chance(0.1)
    ? ['abroadAll']
    : random.chance(0.05)
      ? ['mms', 'callsBelgiumToAbroad']
      : []
  lines.insertLine(unit, input, at.slot.phoneNumber, at.slot.id, {
    status,
    activatedAt: status === 'PENDING' ? null : unit.now,
    stoppedAt: status === 'STOPPED' ? unit.now : null,
    userConfirmed: status !== 'PENDING' && random.chance(0.6),
    barrings: JSON.stringify(barrings),
    payByMobileLimitMinor: random.pick([0, 0, 25_00, 50_00]),
  })
}
