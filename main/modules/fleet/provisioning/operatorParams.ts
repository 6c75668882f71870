import type { ProvisioningAction } from './provisioningPort'

type Params = Record<string, unknown>

const pick = (...values: unknown[]) => values.find((v) => v !== undefined && v !== null)

/**
 * The fleet module's payload (what changed on the line, in its own words) as the operator's API
 * wants it (docs/provisioning.md, "Order parameters"). Keys the operator does not know are not sent.
 */
export function operatorParams(action: ProvisioningAction, payload: Params): Params {
  const msisdn = pick(payload.msisdn, payload.phoneNumber)
  const compact = (p: Params) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined))
  switch (action) {
    case 'activate':
      return compact({ iccid: payload.iccid, msisdn, planCode: payload.planCode })
    case 'swap':
      return compact({
        iccid: pick(payload.newIccid, payload.iccid),
        previousIccid: payload.oldIccid,
        msisdn,
      })
    case 'plan':
      return compact({ planCode: pick(payload.to, payload.planCode), options: payload.options, msisdn })
    case 'options':
      return compact({ options: payload.options, add: payload.add, remove: payload.remove, msisdn })
    case 'barrings':
      return compact({ barrings: payload.barrings, msisdn })
    case 'payByMobile':
      return compact({ limitMinor: payload.limitMinor, currency: payload.currency, msisdn })
    case 'suspend':
    case 'reactivate':
    case 'stop':
      return compact({ msisdn })
  }
}
