/**
 * Test cards of the loopback sandboxes (docs/payments.md). Like a bank's test platform, the card
 * number decides the scenario; any future expiry and any 3-digit CVV are accepted.
 */
export type CardScenario = 'approve' | 'challenge' | 'decline'

export const TEST_CARDS: Record<string, CardScenario> = {
  '4970100000000022': 'approve',
  '4970100000000014': 'challenge',
  '4970100000000006': 'decline',
  '5555555555554444': 'challenge',
}

/** The one-time code the 3-D Secure challenge page accepts. */
export const CHALLENGE_CODE = '123456'

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false
  let sum = 0
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** Unknown valid cards are approved without a challenge, as most test platforms do. */
export function scenarioOf(number: string): CardScenario {
  return TEST_CARDS[number] ?? 'approve'
}

export function maskPan(number: string, style: 'monetico' | 'cmi'): string {
  return style === 'monetico'
    ? `${number.slice(0, 4)}${'X'.repeat(number.length - 8)}${number.slice(-4)}`
    : `${number.slice(0, 6)}***${number.slice(-4)}`
}

/** `MM/AA` in the future (end of month). */
export function expiryValid(expiry: string, now: Date): boolean {
  const m = /^(\d{2})\/(\d{2})$/.exec(expiry.trim())
  if (!m) return false
  const month = Number(m[1])
  if (month < 1 || month > 12) return false
  return Date.UTC(2000 + Number(m[2]), month, 1) > now.getTime()
}
