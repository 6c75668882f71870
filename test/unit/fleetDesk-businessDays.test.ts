import { describe, expect, it } from 'vitest'
import { belgianPublicHolidays, easterSunday } from '../../main/modules/fleetDesk/belgianHolidays'
import {
  addBelgianBusinessDays,
  belgianDateOf,
  blankSimExpectedDelivery,
  isBelgianBusinessDay,
} from '../../main/modules/fleetDesk/businessDays'

describe('Easter Sunday', () => {
  // Published dates (e.g. the Royal Observatory of Belgium's calendar).
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })
})

describe('Belgian public holidays', () => {
  it('2026: the ten legal holidays', () => {
    expect([...belgianPublicHolidays(2026)].sort()).toEqual([
      ['2026-01-01', 'newYear'],
      ['2026-04-06', 'easterMonday'],
      ['2026-05-01', 'labourDay'],
      ['2026-05-14', 'ascension'],
      ['2026-05-25', 'whitMonday'],
      ['2026-07-21', 'nationalDay'],
      ['2026-08-15', 'assumption'],
      ['2026-11-01', 'allSaints'],
      ['2026-11-11', 'armistice'],
      ['2026-12-25', 'christmas'],
    ])
  })

  it('2027: Easter moves the three movable ones', () => {
    const h = belgianPublicHolidays(2027)
    expect(h.get('2027-03-29')).toBe('easterMonday')
    expect(h.get('2027-05-06')).toBe('ascension')
    expect(h.get('2027-05-17')).toBe('whitMonday')
    expect(h.size).toBe(10)
  })
})

describe('business days', () => {
  it.each([
    ['2026-11-23', true, 'Monday'],
    ['2026-11-21', false, 'Saturday'],
    ['2026-11-22', false, 'Sunday'],
    ['2026-11-11', false, 'Armistice on a Wednesday'],
    ['2026-05-14', false, 'Ascension'],
    ['2027-03-29', false, 'Easter Monday 2027'],
    ['2027-05-01', false, 'Labour Day on a Saturday'],
    ['2026-12-24', true, 'Christmas Eve is worked'],
  ])('%s business day: %s (%s)', (date, expected) => {
    expect(isBelgianBusinessDay(date)).toBe(expected)
  })

  it('zero days is the day itself; negative or fractional counts are refused', () => {
    expect(addBelgianBusinessDays('2026-11-22', 0)).toBe('2026-11-22')
    expect(() => addBelgianBusinessDays('2026-11-22', -1)).toThrow(RangeError)
    expect(() => addBelgianBusinessDays('2026-11-22', 1.5)).toThrow(RangeError)
    expect(() => addBelgianBusinessDays('22/11/2026', 1)).toThrow(RangeError)
  })
})

describe('blank SIM delivery: two business days after the order day', () => {
  it.each([
    ['2026-11-18', '2026-11-20', 'Wednesday → Friday'],
    ['2026-11-19', '2026-11-23', 'Thursday → Monday over the weekend'],
    ['2026-11-20', '2026-11-24', 'Friday → Tuesday'],
    ['2026-11-21', '2026-11-24', 'Saturday → Tuesday'],
    ['2026-11-22', '2026-11-24', 'Sunday → Tuesday'],
    ['2026-11-09', '2026-11-12', 'Monday, Armistice on Wednesday 11 → Thursday'],
    ['2026-11-10', '2026-11-13', 'Tuesday, Armistice on Wednesday → Friday'],
    ['2026-04-02', '2026-04-07', 'Thursday before Easter 2026 → Tuesday (Good Friday is worked)'],
    ['2026-04-03', '2026-04-08', 'Good Friday 2026, Easter Monday 6/4 skipped → Wednesday'],
    ['2026-05-13', '2026-05-18', 'Wednesday before Ascension 2026 → Monday'],
    ['2026-05-22', '2026-05-27', 'Friday before Whit Monday 2026 → Wednesday'],
    ['2026-07-20', '2026-07-23', 'Monday, National Day on Tuesday 21/7 → Thursday'],
    ['2026-12-23', '2026-12-28', 'Wednesday, Christmas on Friday → Monday'],
    ['2026-12-24', '2026-12-29', 'Thursday, Christmas Friday and the weekend → Tuesday'],
    ['2026-12-31', '2027-01-05', 'New Year on Friday 1/1/2027 → Tuesday 5/1'],
    ['2027-03-26', '2027-03-31', 'Friday before Easter Monday 2027 → Wednesday'],
    ['2027-05-05', '2027-05-10', 'Wednesday before Ascension 2027 → Monday'],
    ['2027-05-14', '2027-05-19', 'Friday before Whit Monday 2027 → Wednesday'],
    ['2027-07-20', '2027-07-23', 'Tuesday, National Day on Wednesday 2027 → Friday'],
    ['2027-04-30', '2027-05-04', 'Friday; Labour Day 2027 is a Saturday → Tuesday'],
    ['2028-02-28', '2028-03-01', 'leap year: Monday 28/2 → Wednesday 1/3'],
  ])('ordered %s → delivered %s (%s)', (orderedOn, expected) => {
    expect(blankSimExpectedDelivery(orderedOn)).toBe(expected)
  })
})

describe("today's date in Belgium", () => {
  it.each([
    ['2026-11-22T22:59:59Z', '2026-11-22', 'winter, UTC+1: 23:59 in Brussels'],
    ['2026-11-22T23:00:00Z', '2026-11-23', 'winter, UTC+1: midnight in Brussels'],
    ['2026-07-20T21:59:00Z', '2026-07-20', 'summer, UTC+2'],
    ['2026-07-20T22:00:00Z', '2026-07-21', 'summer, UTC+2: next day already'],
  ])('%s → %s (%s)', (instant, date) => {
    expect(belgianDateOf(new Date(instant))).toBe(date)
  })
})
