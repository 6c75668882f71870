import nodemailer from 'nodemailer'
import type { SmtpConfig } from './mailConfig'
import type { MailMessage, MailPort, SentMail } from './mailPort'

/** The real adapter: SMTP through nodemailer to the configured server (STARTTLS when offered). */
export function smtpMail(config: SmtpConfig): MailPort {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  })
  return {
    async send(message: MailMessage): Promise<SentMail> {
      const info = await transport.sendMail({ from: config.from, ...message })
      return { messageId: info.messageId }
    },
    async close() {
      transport.close()
    },
  }
}
