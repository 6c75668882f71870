import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Router } from './router'

export interface BrowserHostOptions {
  router: Router
  /** The built renderer (out/renderer); omitted in tests that only call the API. */
  staticDir?: string
  port?: number
  token?: string
}

export interface BrowserHost {
  url: string
  /** The URL to open: the launch token travels in the fragment, which browsers never send. */
  launchUrl: string
  token: string
  port: number
  server: FastifyInstance
  close(): Promise<void>
}

const CONNECTION_ID = /^[A-Za-z0-9_-]{16,64}$/

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Serves the renderer and the router to a browser on this machine only. Any web page the user
 * opens could send requests to 127.0.0.1, so every call must carry the per-launch token, come from
 * our own origin (Origin checked) and name our host (Host checked, against DNS rebinding).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  // Uploads (4 ticket attachments, a transfer proof) travel as base64 in one call: 4 × 2 MiB × 4/3
  // plus JSON; each channel's own schema sets the real per-file limit.
  const server = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 })
  let allowedHosts: string[] = []

  server.addHook('onRequest', async (request, reply) => {
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return reply.code(421).send({ error: 'host not allowed' })
    }
  })

  server.post('/api/invoke', async (request, reply) => {
    const origin = request.headers.origin
    if (!origin || !allowedHosts.some((h) => origin === `http://${h}`)) {
      return reply.code(403).send({ error: 'origin not allowed' })
    }
    const auth = request.headers.authorization ?? ''
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token)) {
      return reply.code(401).send({ error: 'bad token' })
    }
    const connectionId = request.headers['x-guichet-connection']
    if (typeof connectionId !== 'string' || !CONNECTION_ID.test(connectionId)) {
      return reply.code(400).send({ error: 'missing connection id' })
    }
    const body = request.body as { channel?: unknown; input?: unknown } | null
    if (!body || typeof body.channel !== 'string') return reply.code(400).send({ error: 'channel expected' })
    reply.header('cache-control', 'no-store')
    return options.router.call(
      { connectionId: `web:${connectionId}`, host: 'browser' },
      body.channel,
      body.input,
    )
  })

  if (options.staticDir) {
    if (!existsSync(options.staticDir))
      throw new Error(`renderer not built: ${options.staticDir} is missing (run npm run build)`)
    await server.register(fastifyStatic, { root: options.staticDir, index: 'index.html' })
  }

  await server.listen({ host: '127.0.0.1', port: options.port ?? 0 })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    token,
    port,
    server,
    close: () => server.close(),
  }
}
