import type { Handlers } from '../ipc/router'
import type { GatewayKeys } from './gatewayKeys'

type GatewayKeyHandlers = Pick<Handlers, 'payments.gatewayKeys.status' | 'payments.gatewayKeys.set'>

/**
 * Administrator only (the contract says so, the router checks it). The status carries which
 * gateways are configured and a 4-digit fingerprint; the keys written never come back. The
 * router logs no channel's input, only unexpected errors, and nothing here puts a key in one.
 */
export function gatewayKeyHandlers(keys: GatewayKeys): GatewayKeyHandlers {
  return {
    'payments.gatewayKeys.status': () => keys.status(),
    'payments.gatewayKeys.set': (input) => keys.set(input),
  }
}
