import type { SentSms, SmsConfig, SmsMessage, SmsPort } from './smsPort'

/**
 * The adapter for a typical HTTP JSON SMS API: `POST {url}/messages` with a bearer token and
 * `{ from, to, text }`, answered 2xx `{ id }`. Anything else is a failure the caller records.
 */
export function httpSms(config: SmsConfig): SmsPort {
  const base = config.url.replace(/\/$/, '')
  return {
    async send(message: SmsMessage): Promise<SentSms> {
      const response = await fetch(`${base}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
        body: JSON.stringify({ from: config.sender, to: message.to, text: message.text }),
        signal: AbortSignal.timeout(15_000),
      })
      const body = (await response.json().catch(() => ({}))) as { id?: unknown; error?: unknown }
      if (!response.ok || typeof body.id !== 'string')
        throw new Error(`SMS API answered ${response.status}${body.error ? `: ${String(body.error)}` : ''}`)
      return { messageId: body.id }
    },
    async close() {},
  }
}
