/** An email to send: plain text (and optional HTML), no attachment needed by the counter yet. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  html?: string
  /** Files joined to the message (a payment receipt PDF). */
  attachments?: { filename: string; content: Buffer; contentType: string }[]
}

export interface SentMail {
  messageId: string
}

/** The port every outgoing email goes through: SMTP to the configured server, or our local sink. */
export interface MailPort {
  send(message: MailMessage): Promise<SentMail>
  close(): Promise<void>
}
