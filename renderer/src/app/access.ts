import { type ChannelName, contract, type Role } from '../../../preload/contract'

/**
 * Whether a role may call a channel, read from the contract itself: the screens show an action
 * exactly when main would accept it (main checks again on every call).
 */
export function mayCall(role: Role, channel: ChannelName): boolean {
  const access = contract[channel].access
  return access === 'public' || access === 'session' || (access as readonly Role[]).includes(role)
}
