/**
 * Gateway settings of the desk's local demo hub: the sandboxes on the hub itself (relative URLs)
 * and the public test credentials the banks' own kits ship with — not secrets, and never used
 * against a real bank. A real hub reads its settings from the environment (config.ts).
 */
import type { HubPaymentsConfig } from '../config'

export const DEMO_PAYMENTS_CONFIG: HubPaymentsConfig = {
  publicUrl: '',
  monetico: {
    tpe: '0000001',
    key: '12345678901234567890123456789012345678P0',
    company: 'guichetdemo',
    paymentUrl: '/sandbox/monetico/paiement.cgi',
  },
  cmi: { clientId: '600002599', storeKey: 'TEST1234', gatewayUrl: '/sandbox/cmi/fim/est3Dgate' },
  fatourati: { secret: 'demo-fatourati-secret' },
  amanpay: { secret: 'demo-amanpay-secret' },
}
