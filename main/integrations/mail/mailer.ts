import { readMailConfig } from './mailConfig'
import type { MailMessage, MailPort, SentMail } from './mailPort'
import { smtpMail } from './smtpMail'
import { SmtpSink } from './smtpSink'

/**
 * The desk's mail port, set up on first use: the configured SMTP server, or (demo desks only) a
 * local sink started on loopback and reached through the same nodemailer adapter.
 */
export class Mailer implements MailPort {
  private port: Promise<MailPort> | null = null
  sink: SmtpSink | null = null

  constructor(
    private readonly options: {
      demo: boolean
      env?: NodeJS.ProcessEnv
      log?: (e: Record<string, unknown>) => void
    },
  ) {}

  private open(): Promise<MailPort> {
    this.port ??= (async () => {
      const config = readMailConfig(this.options.env ?? process.env)
      if (config) return smtpMail(config)
      if (!this.options.demo) throw new Error('no SMTP server configured (GUICHET_SMTP_HOST)')
      const sink = new SmtpSink()
      const port = await sink.start()
      this.sink = sink
      this.options.log?.({ event: 'mail.sink', port })
      return smtpMail({
        host: '127.0.0.1',
        port,
        secure: false,
        from: 'Capitainerie (démo) <demo@guichet.invalid>',
      })
    })()
    this.port.catch(() => {
      this.port = null
    })
    return this.port
  }

  /** The local sink, started if needed (demo desks and tests). */
  async demoSink(): Promise<SmtpSink | null> {
    await this.open()
    return this.sink
  }

  async send(message: MailMessage): Promise<SentMail> {
    return (await this.open()).send(message)
  }

  async close(): Promise<void> {
    const port = this.port
    this.port = null
    if (port) await (await port.catch(() => null))?.close()
    await this.sink?.close()
    this.sink = null
  }
}
