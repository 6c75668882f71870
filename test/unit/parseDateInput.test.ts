import { describe, expect, it } from 'vitest'
import { parseDateInput } from '../../renderer/src/lib/parseDateInput'

describe('parseDateInput', () => {
  it.each([
    ['23/11/2026', '2026-11-23'],
    ['3/2/2026', '2026-02-03'],
    ['03/02/2026', '2026-02-03'],
    ['23.11.2026', '2026-11-23'],
    ['23-11-2026', '2026-11-23'],
    ['2026-11-30', '2026-11-30'],
    ['  23/11/2026 ', '2026-11-23'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2026', '2026-12-31'],
    ['01/01/1900', '1900-01-01'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDateInput(text)).toBe(iso)
  })

  it.each([
    ['', 'empty'],
    ['31/02/2026', 'no 31 February'],
    ['29/02/2026', 'not a leap year'],
    ['31/04/2026', 'April has 30 days'],
    ['00/10/2026', 'day 0'],
    ['12/13/2026', 'month 13 (a US-order date)'],
    ['2026-02-30', 'impossible ISO date'],
    ['2026-2-3', 'ISO needs two-digit month and day'],
    ['23/11/26', 'two-digit year'],
    ['23/11/202', 'an unfinished year'],
    ['23/11', 'no year'],
    ['23/11-2026', 'mixed separators'],
    ['23 11 2026', 'spaces as separators'],
    ['01/01/0226', 'a year typo'],
    ['2026-11-23T10:00', 'a time'],
    ['Nov 23, 2026', 'words'],
  ])('refuses %j (%s)', (text) => {
    expect(parseDateInput(text)).toBeNull()
  })
})
