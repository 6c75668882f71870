import { describe, expect, it } from 'vitest'
import {
  companyIdentifiers,
  frenchVatNumber,
  luhnCheckDigit,
  makeBelgianVatNumber,
  makeIce,
  makeSiren,
  makeSiret,
} from '../../main/demo/demoIdentifiers'
import { SeededRandom } from '../../main/demo/seededRandom'
import { isIce, isSiren, isSiret, isVatNumber, luhnValid } from '../../preload/contract'

const SAMPLES = 5000

describe('demo identifiers', () => {
  it('computes Luhn check digits', () => {
    expect(luhnCheckDigit('73282932')).toBe('0') // SIREN 732 829 320
    const random = new SeededRandom(1)
    for (let i = 0; i < SAMPLES; i++) {
      const body = random.digits(random.int(5, 15))
      expect(luhnValid(body + luhnCheckDigit(body))).toBe(true)
    }
  })

  it('makes SIRENs and SIRETs that pass the contract checks', () => {
    const random = new SeededRandom(2)
    for (let i = 0; i < SAMPLES; i++) {
      const siren = makeSiren(random)
      expect(isSiren(siren), siren).toBe(true)
      expect(siren.startsWith('356000000')).toBe(false)
      const siret = makeSiret(siren, random.int(1, 5))
      expect(isSiret(siret), siret).toBe(true)
      expect(siret.startsWith(siren)).toBe(true)
    }
  })

  it('computes the French VAT key like the tax office', () => {
    expect(frenchVatNumber('404833048')).toBe('FR83404833048')
    const random = new SeededRandom(3)
    for (let i = 0; i < SAMPLES; i++) {
      const vat = frenchVatNumber(makeSiren(random))
      expect(isVatNumber(vat), vat).toBe(true)
    }
  })

  it('makes Belgian VAT numbers with a valid mod-97 check', () => {
    expect(isVatNumber('BE0477472701')).toBe(true)
    const random = new SeededRandom(4)
    for (let i = 0; i < SAMPLES; i++) {
      const vat = makeBelgianVatNumber(random)
      expect(vat).toMatch(/^BE0\d{9}$/)
      expect(isVatNumber(vat), vat).toBe(true)
    }
  })

  it('makes 15-digit ICEs', () => {
    const random = new SeededRandom(5)
    for (let i = 0; i < SAMPLES; i++) expect(isIce(makeIce(random))).toBe(true)
  })

  it('gives each country the identifiers its companies show', () => {
    const random = new SeededRandom(6)
    const fr = companyIdentifiers('fr', random)
    expect(fr.siren && fr.siret).toBeTruthy()
    expect(Object.keys(companyIdentifiers('ma', random))).toEqual(['ice'])
    expect(Object.keys(companyIdentifiers('be', random))).toEqual(['vatNumber'])
  })
})
