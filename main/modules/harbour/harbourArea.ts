import type { harbourContract } from '../../../preload/contract/harbour'
import type { AreaDeps } from '../../app/areaDeps'
import { AppError } from '../../ipc/appError'
import type { Handlers } from '../../ipc/router'
import type { ContractInvoiceBasis } from './contractInvoiceBasis'

export type HarbourHandlers = Pick<Handlers, keyof typeof harbourContract>

export interface HarbourArea {
  handlers: HarbourHandlers
  /** What invoicing needs to issue a contract's invoice (NOT_FOUND for an unknown contract). */
  contractInvoiceBasis(contractId: string): ContractInvoiceBasis
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createHarbourArea(_deps: AreaDeps): HarbourArea {
  return {
    handlers: {},
    contractInvoiceBasis: () => {
      throw new AppError('NOT_FOUND')
    },
    close: () => {},
  }
}
