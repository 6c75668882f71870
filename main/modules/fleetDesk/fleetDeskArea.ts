import type { fleetDeskContract } from '../../../preload/contract/fleetDesk'
import type { AreaDeps } from '../../app/areaDeps'
import type { Handlers } from '../../ipc/router'
import type { FleetArea } from '../fleet/fleetArea'
import { BlankSimService } from './blankSimService'
import { BusinessAccounts } from './businessAccounts'
import { FleetUserService } from './fleetUserService'
import { recordOnlyInvitations } from './invitationSender'
import { PackService } from './packService'
import { TicketService } from './ticketService'

export type FleetDeskHandlers = Pick<Handlers, keyof typeof fleetDeskContract>

export interface FleetDeskArea {
  handlers: FleetDeskHandlers
  packs: PackService
  tickets: TicketService
  blankSims: BlankSimService
  users: FleetUserService
  accounts: BusinessAccounts
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createFleetDeskArea(deps: AreaDeps & { fleet: FleetArea }): FleetDeskArea {
  const accounts = new BusinessAccounts(deps.customers, deps.fleet)
  const packs = new PackService(deps.repo, deps.clock, accounts)
  const tickets = new TicketService(deps.repo, deps.clock, deps.documents, accounts)
  const blankSims = new BlankSimService(deps.repo, deps.clock, accounts)
  const users = new FleetUserService(deps.repo, accounts, recordOnlyInvitations)

  const handlers: FleetDeskHandlers = {
    'fleetDesk.lines': ({ customerId, query, limit }) => {
      accounts.assertBusiness(customerId)
      return accounts.search(customerId, query, limit)
    },
    'fleetDesk.packs.catalogue': () => packs.catalogue(),
    'fleetDesk.packs.list': ({ customerId }) => packs.list(customerId),
    'fleetDesk.packs.order': (input, ctx) => packs.order(ctx.actor(), input),
    'fleetDesk.packs.modify': ({ id, packCode, expectedVersion }, ctx) =>
      packs.modify(ctx.actor(), id, packCode, expectedVersion),
    'fleetDesk.packs.notifications': ({ id, enabled, thresholdMinor }, ctx) =>
      packs.setNotifications(ctx.actor(), id, enabled, thresholdMinor),
    'fleetDesk.packs.consumption': ({ packId, month, lineLimit }) =>
      packs.consumption(packId, month, lineLimit),
    'fleetDesk.packs.recordUsage': (input, ctx) => packs.recordUsage(ctx.actor(), input),

    'fleetDesk.tickets.list': (input) => tickets.list(input),
    'fleetDesk.tickets.get': ({ id }) => tickets.get(id),
    'fleetDesk.tickets.create': (input, ctx) => tickets.create(ctx.actor(), input),
    'fleetDesk.tickets.setStatus': ({ id, status, note }, ctx) =>
      tickets.setStatus(ctx.actor(), id, status, note),
    'fleetDesk.tickets.attachment': ({ ticketId, attachmentId }) =>
      tickets.attachment(ticketId, attachmentId),

    'fleetDesk.blankSims.quote': () => blankSims.quote(),
    'fleetDesk.blankSims.list': (input) => blankSims.list(input),
    'fleetDesk.blankSims.order': (input, ctx) => blankSims.order(ctx.actor(), input),
    'fleetDesk.blankSims.setStatus': ({ id, status }, ctx) => blankSims.setStatus(ctx.actor(), id, status),

    'fleetDesk.users.list': (input) => users.list(input),
    'fleetDesk.users.create': (input, ctx) => users.create(ctx.actor(), input),
    'fleetDesk.users.update': (input, ctx) => users.update(ctx.actor(), input),
    'fleetDesk.users.resendInvitation': ({ id }, ctx) => users.resendInvitation(ctx.actor(), id),
    'fleetDesk.users.markValidated': ({ id }, ctx) => users.markValidated(ctx.actor(), id),
    'fleetDesk.users.invitations': ({ id }) => users.invitations(id),
  }
  return { handlers, packs, tickets, blankSims, users, accounts, close: () => {} }
}
