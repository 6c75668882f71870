/**
 * The demo marina: Port Sainte Marie (seed 002), six pontoons of thirty berths, the 2026 tariff
 * grid for the three contract types, boats for some demo customers and their contracts, so that
 * the berth plan looks like a real harbour in autumn 2026 (annual contracts, winter seasonal
 * contracts, visitors on the last pontoon, a few drafts being signed, two berths out of service).
 *
 * Deterministic like the customer seeder: its own Repository with a seeded ULID factory and a
 * clock it sets before each record. Everything goes through the harbour services (checks, audit,
 * outbox). Contracts already running are "taken over from paper" (signed, no archived PDF): the
 * signed PDFs of Guichet come from the three steps, which a clerk does on screen.
 */
import type { Core } from '../app/core'
import { DocumentStore } from '../documents/documentStore'
import { BerthService } from '../modules/harbour/berthService'
import { BoatService } from '../modules/harbour/boatService'
import { ContractService } from '../modules/harbour/contractService'
import { IssuerStore } from '../modules/harbour/issuerStore'
import { TariffService } from '../modules/harbour/tariffService'
import { type Actor, Repository } from '../repo/repository'
import { SettableClock } from './demoTimeline'
import { seededUlidFactory } from './seededIds'
import { SeededRandom } from './seededRandom'

const HARBOUR_STREAM = 7
/** Ids of this seeder come from a seed apart from the customers' so they never collide. */
const ID_SEED_OFFSET = 0x4861

export const demoIssuer = {
  name: 'Port Sainte Marie',
  addressLines: ['Capitainerie, quai Bernard Moitessier', '17000 La Rochelle'],
  siret: '83214567600017',
  vatNumber: 'FR32832145676',
  phone: '+33 5 46 00 12 34',
  email: 'capitainerie@port-sainte-marie.fr',
  currency: 'EUR',
  defaultVatRateBp: 2000,
  timeZone: 'Europe/Paris',
}

/** Pontoon code, name, berth length × beam (cm). Pontoon C holds the seed's 8–10 m boats. */
const PONTOONS = [
  { code: 'A', name: 'Ponton A — petites unités', length: 600, beam: 250 },
  { code: 'B', name: 'Ponton B', length: 800, beam: 300 },
  { code: 'C', name: 'Ponton C', length: 1000, beam: 350 },
  { code: 'D', name: 'Ponton D', length: 1000, beam: 400 },
  { code: 'E', name: 'Ponton E', length: 1200, beam: 450 },
  { code: 'F', name: 'Ponton F — visiteurs', length: 1500, beam: 500 },
] as const
export const BERTHS_PER_PONTOON = 30

/** Length classes (cm) and 2026 net prices: annual, seasonal high/low, passage per night high/low. */
const GRID: {
  from: number
  to: number
  annual: number
  high: number
  low: number
  nightHigh: number
  nightLow: number
}[] = [
  { from: 0, to: 600, annual: 72000, high: 42000, low: 31000, nightHigh: 2200, nightLow: 1500 },
  { from: 600, to: 800, annual: 98000, high: 56000, low: 41000, nightHigh: 2900, nightLow: 2000 },
  { from: 800, to: 1000, annual: 126667, high: 72000, low: 52000, nightHigh: 3600, nightLow: 2500 },
  { from: 1000, to: 1200, annual: 158000, high: 90000, low: 65000, nightHigh: 4400, nightLow: 3000 },
  { from: 1200, to: 1500, annual: 205000, high: 117000, low: 84000, nightHigh: 5600, nightLow: 3800 },
  { from: 1500, to: 2500, annual: 289000, high: 165000, low: 118000, nightHigh: 7800, nightLow: 5200 },
]

const BOAT_NAMES = [
  'Alizé',
  'Belle-Île',
  'Cormoran',
  'Dériveur',
  'Écume',
  'Farniente',
  'Goéland',
  'Hermine',
  'Iroise',
  'Jolie Brise',
  'Kerguelen',
  'Lorient',
  'Mistral',
  'Noroît',
  'Ondine',
  'Pen Duick',
  'Quiberon',
  'Ré la Blanche',
  'Sirocco',
  'Tramontane',
  'Ulysse',
  'Vent d’Ouest',
  'Wahoo',
  'Yole',
  'Zéphyr',
  'Albatros',
  'Brigantine',
  'Calypso',
  'Dauphin',
  'Étoile de mer',
  'Fleur de sel',
  'Grand Largue',
]
const REGISTRY = ['LR', 'RO', 'SN', 'BR', 'AR', 'MA', 'LS', 'CC']

export interface HarbourSeedReport {
  berths: number
  boats: number
  contracts: number
  ms: number
}

/** Fills the demo harbour (call after the demo customers). `today` places visitors and drafts. */
export function seedHarbour(core: Core, options: { seed: number }): HarbourSeedReport {
  const started = performance.now()
  const { db, sqlite } = core.database
  const deskId = core.services.repo.deskId
  const clock = new SettableClock(Date.UTC(2025, 11, 1, 8))
  const repo = new Repository(
    db,
    sqlite,
    clock,
    deskId,
    seededUlidFactory(options.seed + ID_SEED_OFFSET, clock),
  )
  const issuer = new IssuerStore(repo)
  const boats = new BoatService(repo, clock)
  const berths = new BerthService(repo)
  const tariffs = new TariffService(repo)
  const contracts = new ContractService({
    repo,
    clock,
    customers: core.services.customers,
    documents: new DocumentStore(repo),
    boats,
    berths,
    tariffs,
    issuer,
  })
  const random = new SeededRandom(options.seed, HARBOUR_STREAM)
  const actor: Actor = { staffId: null, deskId }
  const tick = (ms = 60_000) => clock.set(clock.now().getTime() + ms)
  const report: HarbourSeedReport = { berths: 0, boats: 0, contracts: 0, ms: 0 }

  const run = sqlite.transaction(() => {
    issuer.set(actor, demoIssuer)
    for (const g of GRID) {
      const cell = {
        lengthFromCm: g.from,
        lengthToCm: g.to,
        currency: 'EUR',
        vatRateBp: 2000,
        validFrom: '2026-01-01',
      }
      tariffs.create(actor, { ...cell, contractType: 'annual', season: 'year', netMinor: g.annual })
      tariffs.create(actor, { ...cell, contractType: 'seasonal', season: 'high', netMinor: g.high })
      tariffs.create(actor, { ...cell, contractType: 'seasonal', season: 'low', netMinor: g.low })
      tariffs.create(actor, { ...cell, contractType: 'passage', season: 'high', netMinor: g.nightHigh })
      tariffs.create(actor, { ...cell, contractType: 'passage', season: 'low', netMinor: g.nightLow })
      tick()
    }

    const berthIds: { id: string; code: string; pontoon: string; length: number; beam: number }[] = []
    for (const p of PONTOONS) {
      const pontoon = berths.createPontoon(actor, { code: p.code, name: p.name })
      for (let i = 1; i <= BERTHS_PER_PONTOON; i++) {
        const code = `${p.code}${String(i).padStart(2, '0')}`
        const status =
          code === 'C07' || code === 'D19'
            ? 'out_of_service'
            : code === 'A01' || code === 'F30'
              ? 'reserved'
              : 'in_service'
        const b = berths.createBerth(actor, {
          pontoonId: pontoon.id,
          code,
          position: i,
          maxLengthCm: p.length,
          maxBeamCm: p.beam,
          status,
        })
        berthIds.push({ id: b.id, code, pontoon: p.code, length: p.length, beam: p.beam })
        report.berths++
      }
      tick()
    }

    const owners = sqlite.prepare('SELECT id FROM customers ORDER BY customer_number LIMIT 170').all() as {
      id: string
    }[]
    let ownerIndex = 0
    clock.set(Date.UTC(2025, 11, 8, 8))
    for (const berth of berthIds) {
      if (berth.code === 'C07' || berth.code === 'D19' || berth.code === 'A01' || berth.code === 'F30')
        continue
      const onVisitorPontoon = berth.pontoon === 'F'
      // Not every berth is let: about one in seven stays free (more on the visitors' pontoon).
      if (random.chance(onVisitorPontoon ? 0.45 : 0.14)) continue
      const owner = owners[ownerIndex++ % owners.length]
      if (!owner) break
      const lengthCm = Math.max(450, berth.length - random.int(10, 190))
      const beamCm = Math.min(berth.beam, Math.round(lengthCm * (0.3 + random.next() * 0.06)))
      const boat = boats.create(actor, {
        customerId: owner.id,
        name: `${random.pick(BOAT_NAMES)}${random.chance(0.3) ? ` ${random.int(2, 5)}` : ''}`,
        registration: `${random.pick(REGISTRY)} ${random.digits(6)}`,
        boatType: random.weighted([
          ['sail', 6],
          ['motor', 3],
          ['catamaran', berth.beam >= 450 ? 1 : 0.0001],
        ]),
        lengthCm,
        beamCm,
        draughtCm: random.int(60, Math.min(260, Math.round(lengthCm / 4))),
        insuranceExpiry: random.chance(0.08)
          ? '2026-06-30'
          : `2027-0${random.int(1, 9)}-${random.pick(['01', '15', '28'])}`,
      })
      report.boats++
      tick()

      let period: { type: 'annual' | 'seasonal' | 'passage'; start: string; end: string }
      if (onVisitorPontoon) {
        const day = random.int(14, 26)
        const nights = random.int(2, 9)
        period = { type: 'passage', start: `2026-11-${day}`, end: `2026-11-${Math.min(30, day + nights)}` }
      } else if (random.chance(0.12)) {
        period = { type: 'seasonal', start: '2026-10-01', end: '2027-03-31' }
      } else if (random.chance(0.2)) {
        period = { type: 'annual', start: '2026-04-01', end: '2027-03-31' }
      } else {
        period = { type: 'annual', start: '2026-01-01', end: '2026-12-31' }
      }
      const contractId = contracts.createRecord(actor, {
        customerId: owner.id,
        boatId: boat.id,
        berthId: berth.id,
        contractType: period.type,
        startDate: period.start,
        endDate: period.end,
        homePort: random.chance(0.8)
          ? 'La Rochelle'
          : random.pick(['Les Sables-d’Olonne', 'Lorient', 'Royan']),
        paymentMethod: random.weighted([
          ['sepa', 4],
          ['card_online', 3],
          ['cheque', 2],
          ['transfer', 1],
        ]),
        instalments: period.type === 'annual' && random.chance(0.3) ? 3 : 1,
      })
      report.contracts++
      // A few are still being signed (drafts), the rest were signed on paper the week they were made.
      if (!random.chance(0.06)) contracts.recordPaperSignature(actor, contractId, clock.now().toISOString())
      tick(random.int(10, 600) * 60_000)
    }
  })
  run.immediate()
  report.ms = performance.now() - started
  return report
}
