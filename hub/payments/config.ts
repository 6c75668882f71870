/**
 * The hub's gateway settings, from its environment (docs/payments.md). Keys stay here: they are
 * never logged, never sent to a desk nor to a browser (only the seals computed with them are).
 */
import type { CmiConfig } from '../../main/integrations/cmi/messages'
import type { MoneticoConfig } from '../../main/integrations/monetico/messages'

export interface HubPaymentsConfig {
  /** The address banks and customers' browsers reach the hub at (return and notification URLs). */
  publicUrl: string
  monetico?: MoneticoConfig | undefined
  cmi?: Omit<CmiConfig, 'shopUrl'> | undefined
  /** Secrets shared with the FATOURATI / AmanPay operators for signed settlement messages (assumed protocol). */
  fatourati?: { secret: string } | undefined
  amanpay?: { secret: string } | undefined
}

/** Reads `GUICHET_PAY_*`; null when no gateway is configured. */
export function paymentsConfigFromEnv(env: NodeJS.ProcessEnv, fallbackUrl: string): HubPaymentsConfig | null {
  const monetico =
    env.GUICHET_PAY_MONETICO_TPE && env.GUICHET_PAY_MONETICO_KEY
      ? {
          tpe: env.GUICHET_PAY_MONETICO_TPE,
          key: env.GUICHET_PAY_MONETICO_KEY,
          company: env.GUICHET_PAY_MONETICO_COMPANY ?? '',
          paymentUrl: env.GUICHET_PAY_MONETICO_URL ?? 'https://p.monetico-services.com/test/paiement.cgi',
        }
      : undefined
  const cmi =
    env.GUICHET_PAY_CMI_CLIENT_ID && env.GUICHET_PAY_CMI_STORE_KEY
      ? {
          clientId: env.GUICHET_PAY_CMI_CLIENT_ID,
          storeKey: env.GUICHET_PAY_CMI_STORE_KEY,
          gatewayUrl: env.GUICHET_PAY_CMI_URL ?? 'https://testpayment.cmi.co.ma/fim/est3Dgate',
        }
      : undefined
  const fatourati = env.GUICHET_PAY_FATOURATI_SECRET
    ? { secret: env.GUICHET_PAY_FATOURATI_SECRET }
    : undefined
  const amanpay = env.GUICHET_PAY_AMANPAY_SECRET ? { secret: env.GUICHET_PAY_AMANPAY_SECRET } : undefined
  if (!monetico && !cmi && !fatourati && !amanpay) return null
  return { publicUrl: env.GUICHET_PAY_PUBLIC_URL ?? fallbackUrl, monetico, cmi, fatourati, amanpay }
}

/** ISO 4217 numeric codes the gateways use. */
export const NUMERIC_CURRENCY: Record<string, string> = { '504': 'MAD', '978': 'EUR' }
