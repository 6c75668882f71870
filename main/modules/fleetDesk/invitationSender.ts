/**
 * Sends a fleet user the invitation to create their portal profile. No mail port exists on this
 * desk yet (main/integrations/mail is not there), so the invitation is recorded — who, to which
 * address, when — for the operator's portal to send; `mailed` is for when a mail port is wired.
 */
export interface InvitationMessage {
  email: string
  description: string
  role: string
}

export interface InvitationSender {
  send(message: InvitationMessage): 'recorded' | 'mailed'
}

export const recordOnlyInvitations: InvitationSender = { send: () => 'recorded' }
