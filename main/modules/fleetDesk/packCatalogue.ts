/**
 * The group-pack types this desk can order. Prices are the operator's business list prices (EUR,
 * excl. VAT, minor units); the allowance and prices are copied onto a pack when it is ordered or
 * modified, so a later change of this list never rewrites what a customer signed for.
 */
import type { PackType } from '../../../preload/contract/fleetDesk'

const GB = 1024

export const packCatalogue: readonly PackType[] = [
  {
    code: 'DATA_POOL_20GB',
    unit: 'MB',
    allowance: 20 * GB,
    monthlyPriceMinor: 2500,
    overUnitPriceMinor: 1,
    currency: 'EUR',
  },
  {
    code: 'DATA_POOL_50GB',
    unit: 'MB',
    allowance: 50 * GB,
    monthlyPriceMinor: 5500,
    overUnitPriceMinor: 1,
    currency: 'EUR',
  },
  {
    code: 'DATA_POOL_200GB',
    unit: 'MB',
    allowance: 200 * GB,
    monthlyPriceMinor: 17500,
    overUnitPriceMinor: 1,
    currency: 'EUR',
  },
  {
    code: 'VOICE_POOL_1000',
    unit: 'MIN',
    allowance: 1000,
    monthlyPriceMinor: 3000,
    overUnitPriceMinor: 12,
    currency: 'EUR',
  },
  {
    code: 'VOICE_POOL_5000',
    unit: 'MIN',
    allowance: 5000,
    monthlyPriceMinor: 12000,
    overUnitPriceMinor: 10,
    currency: 'EUR',
  },
  {
    code: 'SMS_POOL_1000',
    unit: 'SMS',
    allowance: 1000,
    monthlyPriceMinor: 900,
    overUnitPriceMinor: 8,
    currency: 'EUR',
  },
]

export function packTypeOf(code: string): PackType | undefined {
  return packCatalogue.find((p) => p.code === code)
}
