/**
 * Demo data of the fleet desk for the demo business accounts (seedFleet.ts runs first): group
 * packs with the usage the operator would have reported, tickets at every stage, blank SIM orders
 * and fleet-manager users. Deterministic: a seeded id factory, a settable clock and a seeded PRNG.
 *
 * Usage is simulated for a fixed period, 1 October to 22 November 2026 (the demo's "today"), so
 * the same seed gives the same records whatever day the seeder runs. Only a slice of each account's
 * active lines draws on the packs (the pack's members), which keeps the demo database small: one
 * record per line, day and pack, as an operator's daily report gives it. The first account uses
 * its data pool hard enough to cross its out-of-bundle threshold in November.
 */
import type { Core } from '../app/core'
import { DocumentStore } from '../documents/documentStore'
import { CustomerService } from '../modules/customers/customerService'
import { BlankSimService } from '../modules/fleetDesk/blankSimService'
import { BusinessAccounts } from '../modules/fleetDesk/businessAccounts'
import { FleetUserService } from '../modules/fleetDesk/fleetUserService'
import { recordOnlyInvitations } from '../modules/fleetDesk/invitationSender'
import { PackService } from '../modules/fleetDesk/packService'
import { TicketService } from '../modules/fleetDesk/ticketService'
import { type Actor, Repository } from '../repo/repository'
import { SettableClock } from './demoTimeline'
import { seededUlidFactory } from './seededIds'
import { SeededRandom } from './seededRandom'

const USAGE_FROM = Date.UTC(2026, 9, 1)
const USAGE_TO = Date.UTC(2026, 10, 22)
const DAY = 86_400_000

export interface FleetDeskSeedReport {
  accounts: number
  usageRecords: number
  tickets: number
  ms: number
}

/** Per account (by rank), how heavy its use is and how many lines share its packs. */
const PROFILES = [
  { dataPack: 'DATA_POOL_50GB', voicePack: 'VOICE_POOL_1000', members: 12, mbPerDay: 100, threshold: 1000 },
  { dataPack: 'DATA_POOL_20GB', voicePack: 'VOICE_POOL_1000', members: 8, mbPerDay: 55, threshold: 2500 },
  { dataPack: 'DATA_POOL_20GB', voicePack: null, members: 6, mbPerDay: 50, threshold: 2000 },
] as const

const iso = (t: number) => new Date(t).toISOString().slice(0, 10)

export function seedFleetDesk(core: Core, options: { seed: number }): FleetDeskSeedReport {
  const started = performance.now()
  const { sqlite, db } = core.database
  const deskId = core.services.repo.deskId
  const clock = new SettableClock(Date.UTC(2026, 7, 25, 8))
  const repo = new Repository(db, sqlite, clock, deskId, seededUlidFactory(options.seed + 500, clock))
  const random = new SeededRandom(options.seed + 500, 3)
  const actor: Actor = { staffId: null, deskId }
  const accounts = new BusinessAccounts(new CustomerService(repo), core.services.fleet)
  const packs = new PackService(repo, clock, accounts)
  const tickets = new TicketService(repo, clock, new DocumentStore(repo), accounts)
  const blankSims = new BlankSimService(repo, clock, accounts)
  const users = new FleetUserService(repo, accounts, recordOnlyInvitations)
  const at = (t: number) => clock.set(t)
  const report: FleetDeskSeedReport = { accounts: 0, usageRecords: 0, tickets: 0, ms: 0 }

  // The largest fleet first: it gets the heaviest profile.
  const businessAccounts = core.services.fleet.catalog
    .accounts(undefined, 20)
    .items.filter((a) => a.lines > 0)
    .sort((a, b) => b.lines - a.lines || a.customerId.localeCompare(b.customerId))
  // One outer transaction: each write below is a savepoint in it, so the demo costs one commit
  // (one fsync) instead of hundreds, as in seedDemo.ts.
  const all = sqlite.transaction(() => businessAccounts.slice(0, PROFILES.length).forEach(seedAccount))
  all.immediate()
  report.ms = performance.now() - started
  return report

  function seedAccount(account: (typeof businessAccounts)[number], rank: number): void {
    const profile = PROFILES[rank]!
    const customerId = account.customerId
    const customer = core.services.customers.get(customerId)
    const lines = core.services.fleet.linesOf(customerId, 2000)
    const active = lines.filter((l) => l.status === 'ACTIVE')
    const members = active.slice(0, profile.members)
    report.accounts++

    // Packs, ordered before the usage period.
    at(Date.UTC(2026, 7, 25, 9, rank))
    const data = packs.order(actor, {
      customerId,
      packCode: profile.dataPack,
      notifyEnabled: true,
      notifyThresholdMinor: profile.threshold,
    })
    const voice = profile.voicePack
      ? packs.order(actor, {
          customerId,
          packCode: profile.voicePack,
          notifyEnabled: false,
          notifyThresholdMinor: 5000,
        })
      : null

    // One operator report per day: data every day (less at weekends), voice on weekdays.
    for (let day = USAGE_FROM; day <= USAGE_TO; day += DAY) {
      const weekend = [0, 6].includes(new Date(day).getUTCDay())
      const november = day >= Date.UTC(2026, 10, 1)
      at(day + DAY + 5 * 3600_000)
      const dataRecords = members.map((line, i) => {
        // Every sixth member is a heavy user; in November the first account's field teams roll out
        // a new app, which pushes its data pool past the allowance.
        const heavy = i % 6 === 0 ? 2.2 : 1
        const base = profile.mbPerDay * heavy * (weekend ? 0.45 : 1.15) * (november && rank === 0 ? 2 : 1)
        return {
          lineId: line.id,
          date: iso(day),
          quantity: Math.max(0, Math.round(base * (0.5 + random.next()))),
        }
      })
      packs.recordUsage(actor, { packId: data.id, records: dataRecords }, 'demo')
      report.usageRecords += dataRecords.length
      if (voice && !weekend) {
        const voiceRecords = members.map((line) => ({
          lineId: line.id,
          date: iso(day),
          quantity: random.int(0, 6),
        }))
        packs.recordUsage(actor, { packId: voice.id, records: voiceRecords }, 'demo')
        report.usageRecords += voiceRecords.length
      }
    }

    // Fleet-manager users: the seed's Margaux (validated manager) and Malina (invited member).
    const first = customer.email ?? 'flotte@example.be'
    const domain = first.slice(first.indexOf('@') + 1)
    at(Date.UTC(2026, 8, 2, 9, rank))
    const margaux = users.create(actor, {
      customerId,
      description: 'Margaux Sastre',
      email: `margaux.sastre@${domain}`,
      role: 'MANAGER',
      lineIds: [],
    })
    at(Date.UTC(2026, 8, 3, 14, rank))
    users.markValidated(actor, margaux.id)
    at(Date.UTC(2026, 10, 16, 10, rank))
    const malina = users.create(actor, {
      customerId,
      description: 'Malina Peeters',
      email: `malina.peeters@${domain}`,
      role: 'MEMBER',
      lineIds: active.slice(0, 1).map((l) => l.id),
    })
    at(Date.UTC(2026, 10, 18, 11, rank))
    users.resendInvitation(actor, malina.id)

    // Tickets at different stages.
    const contact = { contactEmail: `margaux.sastre@${domain}`, contactMobile: '0488 33 94 85' }
    const paused = lines.find((l) => l.status === 'SUSPENDED') ?? active[1]
    const ticketPlan = [
      {
        when: Date.UTC(2026, 9, 6, 9, 12),
        input: {
          subject: 'sim_options',
          detail: 'reactivate_paused_sims',
          line: paused,
          actionDate: '2026-10-08',
          message: 'Notre collaborateur revient de congé : merci de réactiver sa carte SIM.',
        },
        moves: ['in_progress', 'resolved', 'closed'],
      },
      {
        when: Date.UTC(2026, 10, 12, 14, 40),
        input: {
          subject: 'network',
          detail: 'data_not_working',
          line: active[2],
          message: 'Internet mobile ne fonctionne plus depuis ce matin dans nos entrepôts.',
        },
        moves: ['in_progress', 'waiting_customer'],
      },
      {
        when: Date.UTC(2026, 10, 19, 16, 5),
        input: {
          subject: 'sim_options',
          detail: 'pause_sims',
          line: active[3],
          actionDate: '2026-12-01',
          message: 'Merci de mettre en pause cette carte pendant le congé parental de notre employée.',
        },
        moves: [],
      },
    ] as const
    for (const [i, plan] of ticketPlan.entries()) {
      if (!plan.input.line) continue
      at(plan.when + rank * 60_000)
      const { line, ...rest } = plan.input
      const created = tickets.record(
        actor,
        { customerId, ...rest, lineId: line.id, attachments: [], ...contact } as never,
        [],
        line,
      )
      report.tickets++
      plan.moves.forEach((status, k) => {
        at(plan.when + rank * 60_000 + (k + 1) * (5 + i) * 3600_000)
        tickets.setStatus(actor, created.id, status)
      })
    }

    // Blank SIM orders: one delivered, one on its way.
    const [, street = customer.address.street, number = '1'] =
      /^(.*?)\s+(\d+\w*)$/.exec(customer.address.street) ?? []
    const address = {
      country: customer.address.country,
      postalCode: customer.address.postalCode,
      city: customer.address.city,
      street,
      houseNumber: number,
    }
    at(Date.UTC(2026, 9, 14, 10, rank))
    const old = blankSims.order(actor, { customerId, quantity: 20, address, ...contact })
    at(Date.UTC(2026, 9, 15, 9, rank))
    blankSims.setStatus(actor, old.id, 'shipped')
    at(Date.UTC(2026, 9, 16, 11, rank))
    blankSims.setStatus(actor, old.id, 'delivered')
    at(Date.UTC(2026, 10, 18, 15, rank))
    blankSims.order(actor, {
      customerId,
      quantity: 10 * (rank + 1),
      address,
      message: 'Livraison à l’accueil.',
    })
  }
}
