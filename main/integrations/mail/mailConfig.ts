/*
 * Outgoing mail settings, from the environment (documented in docs/invoicing.md):
 *   GUICHET_SMTP_HOST, GUICHET_SMTP_PORT (587), GUICHET_SMTP_SECURE (1 = TLS from the start, port
 *   465), GUICHET_SMTP_USER, GUICHET_SMTP_PASSWORD, GUICHET_MAIL_FROM.
 * Without GUICHET_SMTP_HOST a demo desk sends to its own local sink (smtpSink.ts); a production
 * desk (GUICHET_DEMO=0) refuses to send rather than lose mail silently.
 */
export interface SmtpConfig {
  host: string
  port: number
  secure: boolean
  user?: string
  password?: string
  from: string
}

export function readMailConfig(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const host = env.GUICHET_SMTP_HOST?.trim()
  if (!host) return null
  const port = Number(env.GUICHET_SMTP_PORT ?? (env.GUICHET_SMTP_SECURE === '1' ? 465 : 587))
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`invalid GUICHET_SMTP_PORT "${env.GUICHET_SMTP_PORT}"`)
  return {
    host,
    port,
    secure: env.GUICHET_SMTP_SECURE === '1',
    ...(env.GUICHET_SMTP_USER ? { user: env.GUICHET_SMTP_USER } : {}),
    ...(env.GUICHET_SMTP_PASSWORD ? { password: env.GUICHET_SMTP_PASSWORD } : {}),
    from: env.GUICHET_MAIL_FROM ?? 'Capitainerie <no-reply@guichet.invalid>',
  }
}
