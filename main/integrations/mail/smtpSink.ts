import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A message the sink received, parsed. */
export interface SunkMail {
  from: string
  to: string[]
  subject: string
  text: string
  messageId: string
  receivedAt: string
  attachments: { filename: string; contentType: string; content: Buffer }[]
}

/**
 * Our own SMTP server on 127.0.0.1 that accepts every message and keeps it in memory: demo desks
 * and tests send real SMTP to it (nodemailer, same code path as production) and read what arrived.
 * Loopback only, no auth, no TLS: it must never be reachable from another machine.
 */
export class SmtpSink {
  private readonly received: SunkMail[] = []
  private readonly waiters: { match: (m: SunkMail) => boolean; resolve: (m: SunkMail) => void }[] = []
  private server: SMTPServer | null = null
  port = 0

  async start(): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      banner: 'Guichet local mail sink',
      logger: false,
      size: 1024 * 1024,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const mail: SunkMail = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              receivedAt: new Date().toISOString(),
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? '',
                contentType: a.contentType,
                content: a.content,
              })),
            }
            this.received.push(mail)
            for (const w of [...this.waiters]) {
              if (w.match(mail)) {
                this.waiters.splice(this.waiters.indexOf(w), 1)
                w.resolve(mail)
              }
            }
            callback()
          })
          .catch((error: Error) => callback(error))
      },
    })
    this.server = server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    this.port = (server.server.address() as AddressInfo).port
    return this.port
  }

  messages(to?: string): SunkMail[] {
    return this.received.filter((m) => !to || m.to.includes(to.toLowerCase()) || m.to.includes(to))
  }

  /** The next (or already received) message to `to`. */
  waitFor(to: string, timeoutMs = 5000): Promise<SunkMail> {
    const match = (m: SunkMail) => m.to.some((a) => a.toLowerCase() === to.toLowerCase())
    const found = this.received.find(match)
    if (found) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs)
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer)
          resolve(m)
        },
      })
    })
  }

  async close(): Promise<void> {
    const server = this.server
    this.server = null
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
