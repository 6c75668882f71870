import type { FleetUserStatus } from '../../../preload/contract/fleetDesk'

/**
 * An invitation can be sent again only while the person has not confirmed their profile (seed:
 * "Une invitation ne peut être renvoyée que si l'utilisateur n'a pas encore confirmé la création
 * de son profil"): once validated, they sign in with their own credentials.
 */
export function mayResendInvitation(status: FleetUserStatus): boolean {
  return status === 'INVITED'
}
