import type { harbourContract } from '../../../preload/contract/harbour'
import type { AreaDeps } from '../../app/areaDeps'
import type { Handlers } from '../../ipc/router'
import { BerthService } from './berthService'
import { BoatService } from './boatService'
import type { ContractInvoiceBasis } from './contractInvoiceBasis'
import { ContractService } from './contractService'
import { harbourHandlers } from './harbourHandlers'
import type { HarbourIssuer } from './harbourIssuer'
import { IssuerStore } from './issuerStore'
import { TariffService } from './tariffService'

export type HarbourHandlers = Pick<Handlers, keyof typeof harbourContract>

export interface HarbourServices {
  issuer: IssuerStore
  boats: BoatService
  berths: BerthService
  tariffs: TariffService
  contracts: ContractService
}

export interface HarbourArea {
  handlers: HarbourHandlers
  /** The harbour's services, for the demo seeder and tests (other areas use the methods below). */
  services: HarbourServices
  /** What invoicing needs to issue a contract's invoice (NOT_FOUND for an unknown contract). */
  contractInvoiceBasis(contractId: string): ContractInvoiceBasis
  /** The harbour's identity (legal mentions) printed on every document it issues. */
  issuer(): HarbourIssuer
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createHarbourArea(deps: AreaDeps): HarbourArea {
  const issuer = new IssuerStore(deps.repo)
  const boats = new BoatService(deps.repo, deps.clock)
  const berths = new BerthService(deps.repo)
  const tariffs = new TariffService(deps.repo)
  const contracts = new ContractService({
    repo: deps.repo,
    clock: deps.clock,
    customers: deps.customers,
    documents: deps.documents,
    boats,
    berths,
    tariffs,
    issuer,
  })
  const services = { issuer, boats, berths, tariffs, contracts }
  return {
    handlers: harbourHandlers(services),
    services,
    contractInvoiceBasis: (contractId) => contracts.invoiceBasis(contractId),
    issuer: () => issuer.issuer(),
    close: () => {},
  }
}
