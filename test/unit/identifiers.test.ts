import { describe, expect, it } from 'vitest'
import { compact, isIce, isSiren, isSiret, isVatNumber, luhnValid } from '../../preload/contract/identifiers'

// Every expected value below was checked by hand against an independent implementation (a short
// Python Luhn / mod 97), and the numbers are published ones: companies' own legal notices, the EU's
// VIES examples, INSEE's La Poste rule and python-stdnum's test data.

describe('luhnValid', () => {
  it.each([
    ['79927398713', true], // the textbook example
    ['79927398710', false],
    ['4111111111111111', true], // Visa test card
    ['4111111111111112', false],
    ['0', true],
    ['18', true],
    ['19', false],
    ['', false],
    ['7992 7398 713', false], // digits only: spaces are the caller's business
    ['12a4', false],
  ])('%j -> %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid)
  })
})

describe('compact', () => {
  it.each([
    ['732 829 320', '732829320'],
    ['732.829.320', '732829320'],
    ['be 0202.239.951', 'BE0202239951'],
    ['FR-40/303265045', 'FR40303265045'],
  ])('%j -> %j', (raw, want) => {
    expect(compact(raw)).toBe(want)
  })
})

describe('isSiren', () => {
  it.each([
    ['732829320', true], // python-stdnum's example
    ['732 829 320', true],
    ['552100554', true], // csv-detective's example
    ['542051180', true], // TotalEnergies SE
    ['443061841', true], // Google France
    ['356000000', true], // La Poste
    ['732829321', false], // last digit changed
    ['73282932', false], // 8 digits
    ['7328293200', false], // 10 digits
    ['73282932A', false],
    ['', false],
  ])('%j -> %s', (value, valid) => {
    expect(isSiren(value)).toBe(valid)
  })
})

describe('isSiret', () => {
  it.each([
    ['73282932000074', true], // python-stdnum's example
    ['732 829 320 00074', true],
    ['44126652500019', true], // found online (python-stdnum's list)
    ['652 059 213 00023', true],
    ['775.563.232.00104', true],
    ['73282932000079', false], // check digit wrong
    ['7328293200007', false], // 13 digits
    // La Poste: its establishments use "sum of the digits is a multiple of 5" instead of Luhn...
    ['356 000 000 09075', true],
    ['35600000049837', true],
    ['35600000049838', false],
    // ...except its head office, whose SIRET is an ordinary Luhn number (digit sum 26).
    ['35600000000048', true],
    // A SIRET starts with its SIREN: Luhn over the 14 digits is not enough if the SIREN is wrong.
    ['73282932100007', false],
  ])('%j -> %s', (value, valid) => {
    expect(isSiret(value)).toBe(valid)
  })
})

describe('isIce', () => {
  it.each([
    ['001525309000096', true], // shape only: the key is not published
    ['001 525 309 000 096', true],
    ['00152530900009', false], // 14 digits
    ['0015253090000961', false], // 16 digits
    ['00152530900009A', false],
    ['', false],
  ])('%j -> %s', (value, valid) => {
    expect(isIce(value)).toBe(valid)
  })
})

describe('isVatNumber', () => {
  it.each([
    // France: key = (12 + 3 × (SIREN mod 97)) mod 97
    ['FR40303265045', true], // the EU's VIES example
    ['FR 40 303 265 045', true],
    ['fr40303265045', true],
    ['FR44732829320', true], // SIREN 732829320
    ['FR59542051180', true], // TotalEnergies SE
    ['FR23334175221', true],
    ['FR84323140391', false], // python-stdnum's wrong-key example (the key is 81)
    ['FR41303265045', false],
    ['FR4030326504', false], // SIREN one digit short
    ['FRK7399859412', true], // new-style alphabetic key: shape only
    ['FRIO334175221', false], // I and O are not used in keys
    // Belgium: 10 digits starting 0 or 1, the last two = 97 − (first eight mod 97)
    ['BE0202239951', true], // Proximus
    ['BE 0417.497.106', true], // AB InBev
    ['BE0462920226', true], // KBC Group
    ['BE0400378485', true], // Colruyt
    ['BE0202239952', false],
    ['BE0000000000', false], // 97 − 0 is 97, not 00
    ['BE2202239951', false], // must start with 0 or 1
    ['BE202239951', false], // 9 digits
    // Other countries: shape only
    ['DE123456789', true],
    ['ESX1234567X', true],
    ['D123', false],
    ['DE1', false],
    ['', false],
  ])('%j -> %s', (value, valid) => {
    expect(isVatNumber(value)).toBe(valid)
  })
})
