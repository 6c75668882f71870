import { httpSms } from './httpSms'
import { readSmsConfig, type SentSms, type SmsMessage, type SmsPort } from './smsPort'
import { SmsSandbox } from './smsSandbox'

/**
 * The desk's SMS port, set up on first use: the configured SMS API (GUICHET_SMS_URL), or (demo
 * desks only) our loopback sandbox reached through the same HTTP adapter.
 */
export class SmsGateway implements SmsPort {
  private port: Promise<SmsPort> | null = null
  sandbox: SmsSandbox | null = null

  constructor(private readonly options: { demo: boolean; env?: NodeJS.ProcessEnv }) {}

  private open(): Promise<SmsPort> {
    this.port ??= (async () => {
      const config = readSmsConfig(this.options.env ?? process.env)
      if (config) return httpSms(config)
      if (!this.options.demo) throw new Error('no SMS gateway configured (GUICHET_SMS_URL)')
      const sandbox = new SmsSandbox()
      const url = await sandbox.start()
      this.sandbox = sandbox
      return httpSms({ url, token: sandbox.token, sender: 'Guichet' })
    })()
    this.port.catch(() => {
      this.port = null
    })
    return this.port
  }

  /** The loopback sandbox, started if needed (demo desks and tests). */
  async demoSandbox(): Promise<SmsSandbox | null> {
    await this.open()
    return this.sandbox
  }

  async send(message: SmsMessage): Promise<SentSms> {
    return (await this.open()).send(message)
  }

  async close(): Promise<void> {
    this.port = null
    await this.sandbox?.close()
    this.sandbox = null
  }
}
