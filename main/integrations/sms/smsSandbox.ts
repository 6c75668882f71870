import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SandboxSms {
  id: string
  from: string
  to: string
  text: string
  receivedAt: string
}

/**
 * Our own SMS gateway on 127.0.0.1, speaking the same HTTP JSON API as httpSms expects: demo desks
 * and tests send to it and read what arrived (`GET /messages`). It refuses a wrong bearer token
 * (401) and a number that is not E.164 (422), like a real gateway would.
 */
export class SmsSandbox {
  private readonly received: SandboxSms[] = []
  private server: Server | null = null

  constructor(readonly token = 'sandbox-token') {}

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.headers.authorization !== `Bearer ${this.token}`) return reply(401, { error: 'unauthorized' })
      if (req.method === 'GET' && req.url === '/messages') return reply(200, { messages: this.received })
      if (req.method !== 'POST' || req.url !== '/messages') return reply(404, { error: 'not found' })
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        let body: { from?: unknown; to?: unknown; text?: unknown }
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        } catch {
          return reply(400, { error: 'invalid JSON' })
        }
        if (typeof body.to !== 'string' || !/^\+[1-9]\d{6,14}$/.test(body.to))
          return reply(422, { error: 'invalid number' })
        if (typeof body.text !== 'string' || !body.text) return reply(422, { error: 'empty text' })
        // +999 is no country's code: the sandbox's number that no operator delivers to.
        if (body.to.startsWith('+999')) return reply(422, { error: 'unknown destination' })
        const sms: SandboxSms = {
          id: randomUUID(),
          from: typeof body.from === 'string' ? body.from : '',
          to: body.to,
          text: body.text,
          receivedAt: new Date().toISOString(),
        }
        this.received.push(sms)
        reply(201, { id: sms.id, status: 'queued' })
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    this.server = server
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  messages(to?: string): SandboxSms[] {
    return this.received.filter((m) => !to || m.to === to)
  }

  async close(): Promise<void> {
    const server = this.server
    this.server = null
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
