/** A text message to one phone number (E.164, e.g. +33612345678). */
export interface SmsMessage {
  to: string
  text: string
}

export interface SentSms {
  messageId: string
}

/** The port every outgoing SMS goes through: the configured HTTP SMS API, or our loopback sandbox. */
export interface SmsPort {
  send(message: SmsMessage): Promise<SentSms>
  close(): Promise<void>
}

/** Where the SMS API is (GUICHET_SMS_URL) and how we authenticate (GUICHET_SMS_TOKEN, bearer). */
export interface SmsConfig {
  url: string
  token: string
  sender: string
}

export function readSmsConfig(env: NodeJS.ProcessEnv): SmsConfig | null {
  const url = env.GUICHET_SMS_URL?.trim()
  if (!url) return null
  return { url, token: env.GUICHET_SMS_TOKEN ?? '', sender: env.GUICHET_SMS_SENDER?.trim() || 'Guichet' }
}
