import { describe, expect, it } from 'vitest'
import { parseSeedArgs, SeedArgsError } from '../../main/demo/seedArgs'
import { CUSTOMERS_PER_SCALE, customersForScale } from '../../main/demo/seedDemo'

describe('seed command arguments', () => {
  it('defaults to scale 1 and seed 1', () => {
    expect(parseSeedArgs([])).toEqual({ scale: 1, seed: 1, reset: false, help: false })
  })

  it('reads every option', () => {
    expect(
      parseSeedArgs(['--scale', '1000', '--seed', '42', '--data-dir', '/tmp/x', '--desk', 'c02', '--reset']),
    ).toEqual({ scale: 1000, seed: 42, dataDir: '/tmp/x', desk: 'C02', reset: true, help: false })
    expect(parseSeedArgs(['--scale=0.5']).scale).toBe(0.5)
    expect(parseSeedArgs(['-h']).help).toBe(true)
  })

  it.each([
    [['--scale', 'abc'], /--scale must be/],
    [['--scale', '0'], /--scale must be/],
    [['--scale', '-3'], /ambiguous|--scale must be/],
    [['--scale', '20000'], /at most 10000/],
    [['--scale', '0.001'], /would write no customer/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--seed', '4294967296'], /--seed must be an integer/],
    [['--desk', 'x'], /--desk must be 2 to 8/],
    [['--data-dir', ''], /must not be empty/],
    [['--frobnicate'], /Unknown option/],
    [['extra'], /Unexpected argument/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(SeedArgsError)
    expect(() => parseSeedArgs(argv)).toThrow(message)
  })

  it('turns a scale into a number of customers', () => {
    expect(customersForScale(1)).toBe(CUSTOMERS_PER_SCALE)
    expect(customersForScale(1000)).toBe(200_000)
    expect(customersForScale(0.5)).toBe(100)
    expect(() => customersForScale(0)).toThrow(RangeError)
  })
})
