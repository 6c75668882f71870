import type { invoicingContract } from '../../../preload/contract/invoicing'
import type { AreaDeps } from '../../app/areaDeps'
import type { Handlers } from '../../ipc/router'
import type { HarbourArea } from '../harbour/harbourArea'
export type InvoicingHandlers = Pick<Handlers, keyof typeof invoicingContract>

export interface InvoicingArea {
  handlers: InvoicingHandlers
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createInvoicingArea(_deps: AreaDeps & { harbour: HarbourArea }): InvoicingArea {
  return { handlers: {}, close: () => {} }
}
