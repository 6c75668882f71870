import { describe, expect, it } from 'vitest'
import { formatFleetPhone } from '../../renderer/src/features/fleet/formatPhone'

describe('formatFleetPhone: one way to show a number on every fleet screen', () => {
  it.each([
    // Belgian numbers read nationally, the way the wizard, the CSV import and the search take them.
    ['+32470123456', '0470 12 34 56'],
    ['+32499000001', '0499 00 00 01'],
    ['+3225123456', '02 512 34 56'],
    // Typed without a country code (a ticket's contact mobile as entered): read as Belgian.
    ['0488 33 94 85', '0488 33 94 85'],
    ['0488339485', '0488 33 94 85'],
    ['+32 488 33 94 85', '0488 33 94 85'],
    // Foreign numbers keep their country code.
    ['+33612345678', '+33 6 12 34 56 78'],
    ['+212612345678', '+212 6 12 34 56 78'],
    ['+31612345678', '+31 6 12345678'],
  ])('%s → %s', (value, expected) => {
    expect(formatFleetPhone(value)).toBe(expected)
  })

  it.each(['', 'garbage', '+3247', '12'])('shows %j as given, never half-formatted', (value) => {
    expect(formatFleetPhone(value)).toBe(value)
  })

  it('gives the same text for the same line whichever form it was stored in', () => {
    const forms = ['+32470123456', '0470123456', '0470 12 34 56', '+32 470 12 34 56', '0470/12.34.56']
    expect(new Set(forms.map(formatFleetPhone))).toEqual(new Set(['0470 12 34 56']))
  })
})
