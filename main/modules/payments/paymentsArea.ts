import type { paymentsContract } from '../../../preload/contract/payments'
import type { AreaDeps } from '../../app/areaDeps'
import type { Handlers } from '../../ipc/router'
import type { InvoicingArea } from '../invoicing/invoicingArea'
export type PaymentsHandlers = Pick<Handlers, keyof typeof paymentsContract>

export interface PaymentsArea {
  handlers: PaymentsHandlers
  /** Stops timers and closes connections when the desk shuts down. */
  close(): void
}

export function createPaymentsArea(_deps: AreaDeps & { invoicing: InvoicingArea }): PaymentsArea {
  return { handlers: {}, close: () => {} }
}
