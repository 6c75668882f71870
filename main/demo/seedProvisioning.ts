/**
 * Demo network requests: a few changes agents asked for on the demo fleets, queued as the fleet
 * screens queue them. At start the desk's worker sends them to the in-process sandbox operator, so a
 * fresh demo shows every state for real: done, a refusal in French, a scheduled activation, and a
 * request that got no answer (to retry). Written at the desk's current time, so they are the newest.
 */
import type { Core } from '../app/core'
import { insertRequest, provisioningRequestEntity } from '../modules/fleet/provisioning/requestStore'

interface DemoLine {
  id: string
  phone: string
  iccid: string
  plan: string
}

const DAY = 86_400_000

export function seedProvisioning(core: Core): number {
  const { sqlite } = core.database
  const repo = core.services.repo
  const pick = (status: string, n: number) =>
    sqlite
      .prepare(
        `SELECT id, phone_number AS phone, iccid, tariff_plan_code AS plan FROM fleet_lines
         WHERE status = ? ORDER BY phone_number LIMIT ?`,
      )
      .all(status, n) as DemoLine[]
  const active = pick('ACTIVE', 5)
  const pending = pick('PENDING', 1)
  if (active.length < 5 || pending.length < 1) return 0
  const [a, b, c, d, e] = active as [DemoLine, DemoLine, DemoLine, DemoLine, DemoLine]
  const p = pending[0]!
  const inAWeek = new Date(Date.now() + 8 * DAY).toISOString().slice(0, 10)
  return repo.write({ staffId: null, deskId: repo.deskId }, 'provisioning.demo', (unit) => {
    const add = (
      lineId: string,
      lineLabel: string,
      action: Parameters<typeof insertRequest>[2]['action'],
      payload: Record<string, unknown>,
      effectiveDate?: string,
    ) =>
      insertRequest(unit, repo.newId(), {
        lineId,
        lineLabel,
        action,
        payload,
        ...(effectiveDate ? { effectiveDate } : {}),
      })
    add(a.id, a.phone, 'plan', {
      from: a.plan,
      to: a.plan === 'MOBILE_EUROPE' ? 'MOBILE_1' : 'MOBILE_EUROPE',
      options: [],
      dropped: [],
    })
    add(b.id, b.phone, 'barrings', { barrings: ['data', 'roamingAll'], previous: [] })
    // A card of another network: the operator refuses it.
    add(c.id, c.phone, 'swap', { oldIccid: c.iccid, newIccid: '8944100000000000008', puk: '00000000' })
    add(p.id, p.phone, 'activate', { iccid: p.iccid, phoneNumber: p.phone, planCode: p.plan }, inAWeek)
    add(d.id, d.phone, 'suspend', { phoneNumber: d.phone })
    // One that ran out of attempts while the operator was not answering: an agent may retry it.
    const lost = add(e.id, e.phone, 'payByMobile', { limitMinor: 50_00, previousMinor: 0, currency: 'EUR' })
    unit.update(provisioningRequestEntity, lost.id, {
      state: 'failed',
      attempts: 8,
      reasonCode: 'NO_ANSWER',
      reason: "L'opérateur n'a pas répondu : le résultat est inconnu, relancez la demande",
      lastError: 'timeout',
      nextAttemptAt: null,
      finishedAt: unit.now,
    })
    return 6
  })
}
