/** Pure rules of provisioning: back-off schedule, what may be retried, refusal texts, ICCID check. */
import { describe, expect, it } from 'vitest'
import { isNetworkIccid, luhnValid } from '../../main/integrations/operator/sandboxOperator'
import {
  MAX_ATTEMPTS,
  offlineProbeDelayMs,
  pollDelayMs,
  retryDelayMs,
  scheduledPollAt,
} from '../../main/modules/fleet/provisioning/backoff'
import { operatorParams } from '../../main/modules/fleet/provisioning/operatorParams'
import { frenchReason } from '../../main/modules/fleet/provisioning/operatorReasons'
import { idempotencyKeyFor, isRetryable } from '../../main/modules/fleet/provisioning/requestStore'

describe('back-off', () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [7, 320_000],
    [8, 600_000],
    [30, 600_000],
  ])('after %i sends without answer, wait %i ms', (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms)
  })

  it.each([
    [0, 2_000],
    [4_000, 2_000],
    [40_000, 10_000],
    [3_600_000, 300_000],
  ])('status asked again: %i ms after sending → in %i ms', (since, ms) => {
    expect(pollDelayMs(since)).toBe(ms)
  })

  it.each([
    [1, 2_000],
    [2, 4_000],
    [5, 32_000],
    [6, 60_000],
    [100, 60_000],
  ])('offline probe %i → %i ms', (n, ms) => {
    expect(offlineProbeDelayMs(n)).toBe(ms)
  })

  it('a scheduled order is asked about from 22:00 UTC the day before (midnight in Brussels, summer)', () => {
    expect(scheduledPollAt('2021-03-30')).toBe('2021-03-29T22:00:00.000Z')
    expect(MAX_ATTEMPTS).toBeGreaterThan(3)
  })
})

describe('retry', () => {
  it.each([
    [{ state: 'failed', reasonCode: 'NO_ANSWER', lastError: 'timeout' }, true],
    [{ state: 'failed', reasonCode: 'MSISDN_IN_USE', lastError: null }, false],
    [{ state: 'queued', reasonCode: null, lastError: 'timeout' }, true],
    [{ state: 'queued', reasonCode: null, lastError: 'offline' }, true],
    [{ state: 'queued', reasonCode: null, lastError: null }, false],
    [{ state: 'sent', reasonCode: null, lastError: null }, false],
    [{ state: 'done', reasonCode: null, lastError: null }, false],
  ] as const)('%o → %s', (row, expected) => {
    expect(isRetryable(row)).toBe(expected)
  })

  it('the idempotency key is the desk and the request', () => {
    expect(idempotencyKeyFor('C01', '01J0000000000000000000000A')).toBe(
      'guichet-C01-01J0000000000000000000000A',
    )
  })
})

describe('refusal texts', () => {
  it('known codes in French, unknown ones keep the operator message', () => {
    expect(frenchReason('MSISDN_IN_USE', 'Phone number already in use')).toBe(
      'Ce numéro est déjà utilisé sur une autre ligne',
    )
    expect(frenchReason('QUOTA', 'Too many SIMs')).toBe("Refus de l'opérateur : Too many SIMs (QUOTA)")
  })
})

describe('the operator ICCID check', () => {
  it.each([
    ['8932000000000000006', true], // 19 digits
    ['89320000000000000006', true], // 20 digits
    ['8932030000001234566', true], // the seed's prefix 893203…
    ['893212345678901234', false], // 18 digits
    ['8933000000000000000', false], // not this network
    ['89320000000000000001', false], // wrong check digit
    ['8932000000000000007', false], // wrong check digit
    ['8932 000000000000006', false], // not only digits
  ])('%s → %s', (iccid, ok) => {
    expect(isNetworkIccid(iccid)).toBe(ok)
  })
  it('Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true)
    expect(luhnValid('79927398710')).toBe(false)
  })
})

describe('operator parameters from the fleet payload', () => {
  it.each([
    [
      'activate',
      { iccid: '8932000000000000006', phoneNumber: '+32470000001', planCode: 'M1' },
      { iccid: '8932000000000000006', msisdn: '+32470000001', planCode: 'M1' },
    ],
    ['swap', { oldIccid: 'A', newIccid: 'B', puk: '12345678' }, { iccid: 'B', previousIccid: 'A' }],
    ['suspend', { phoneNumber: '+32470000001' }, { msisdn: '+32470000001' }],
    ['plan', { from: 'M1', to: 'ME', options: ['D10'], dropped: [] }, { planCode: 'ME', options: ['D10'] }],
    ['barrings', { barrings: ['data'], previous: [] }, { barrings: ['data'] }],
    [
      'payByMobile',
      { limitMinor: 5000, previousMinor: 0, currency: 'EUR' },
      { limitMinor: 5000, currency: 'EUR' },
    ],
  ] as const)('%s', (action, payload, params) => {
    expect(operatorParams(action, payload)).toEqual(params)
  })
})
