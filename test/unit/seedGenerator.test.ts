import { describe, expect, it } from 'vitest'
import { type DemoCustomer, DemoCustomerGenerator } from '../../main/demo/demoCustomers'
import { countries, namePools } from '../../main/demo/demoData'
import {
  type CustomerData,
  customerInput,
  isIce,
  isSiren,
  isSiret,
  isVatNumber,
  normalizePhone,
} from '../../preload/contract'

const COUNT = 6000

function generate(seed: number, count: number): DemoCustomer[] {
  const generator = new DemoCustomerGenerator(seed)
  return Array.from({ length: count }, () => generator.next())
}

const customers = generate(1, COUNT)
const parsed: CustomerData[] = customers.map((c) => customerInput.parse(c.input))
const e164 = (c: CustomerData) =>
  c.phones.map((p) => normalizePhone(p.number, c.address.country)).filter((p): p is string => !!p)

describe('demo customer generator', () => {
  it('gives the same customers for the same seed, other ones for another seed', () => {
    expect(generate(1, 300)).toEqual(customers.slice(0, 300))
    expect(generate(2, 300)).not.toEqual(customers.slice(0, 300))
  })

  it('makes customers that pass the contract, with phones valid in their country', () => {
    for (const { input } of customers) {
      const result = customerInput.safeParse(input)
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true)
    }
    for (const c of parsed) {
      expect(e164(c)).toHaveLength(c.phones.length)
      // Reachable somehow: a customer without a phone has an email (someone entered twice, say).
      expect(c.phones.length > 0 || !!c.email).toBe(true)
    }
  })

  it('writes each country in its own format', () => {
    const prefixes: Record<string, RegExp> = { FR: /^\+33[1-9]/, MA: /^\+212[5-7]/, BE: /^\+32[1-9]/ }
    for (const c of parsed) {
      for (const phone of e164(c)) expect(phone).toMatch(prefixes[c.address.country]!)
      for (const p of c.phones) {
        if (p.type === 'mobile' && c.address.country !== 'BE') expect(p.number).toMatch(/^0[67]( \d\d){4}$/)
        if (p.type === 'mobile' && c.address.country === 'BE') expect(p.number).toMatch(/^04\d\d( \d\d){3}$/)
      }
    }
  })

  it('places customers in real city and postcode pairs of the three countries', () => {
    const known = new Set(
      countries.flatMap((c) => c.cities.map((city) => `${c.country}|${city.postalCode}|${city.city}`)),
    )
    const seen = new Map<string, number>()
    for (const c of parsed) {
      const { country, postalCode, city } = c.address
      expect(known.has(`${country}|${postalCode}|${city}`), `${country} ${postalCode} ${city}`).toBe(true)
      seen.set(country, (seen.get(country) ?? 0) + 1)
    }
    for (const country of ['FR', 'MA', 'BE']) expect(seen.get(country)! / COUNT).toBeGreaterThan(0.15)
    const rochelle = parsed.filter((c) => c.address.city === 'La Rochelle')
    expect(rochelle.length).toBeGreaterThan(0)
    expect(rochelle.every((c) => c.address.postalCode === '17000')).toBe(true)
  })

  it('uses names of each origin, Moroccan ones transliterated in Latin letters', () => {
    const lastNames = new Set(parsed.map((c) => c.lastName))
    for (const name of ['El Amrani', 'Benjelloun', 'Peeters', 'Janssens', 'Martin', 'Lefèvre']) {
      expect(lastNames.has(name), name).toBe(true)
    }
    const moroccan = new Set(namePools.moroccan.last)
    for (const c of parsed) {
      for (const part of [c.firstName, c.lastName, c.companyName]) {
        if (part) expect(part).toMatch(/^[\p{Script=Latin}0-9 '&.-]+$/u)
      }
    }
    expect(parsed.some((c) => c.address.country === 'MA' && c.lastName && moroccan.has(c.lastName))).toBe(
      true,
    )
  })

  it('spreads languages plausibly: Arabic in Morocco, Dutch in Flanders, French and English', () => {
    const share = (country: string, language: string) => {
      const of = parsed.filter((c) => c.address.country === country)
      return of.filter((c) => c.language === language).length / of.length
    }
    expect(share('MA', 'ar')).toBeGreaterThan(0.25)
    expect(share('MA', 'fr')).toBeGreaterThan(0.4)
    expect(share('BE', 'nl')).toBeGreaterThan(0.3)
    expect(share('BE', 'fr')).toBeGreaterThan(0.3)
    expect(share('FR', 'fr')).toBeGreaterThan(0.8)
    expect(share('FR', 'en')).toBeGreaterThan(0.02)
    const gent = parsed.filter((c) => c.address.city === 'Gent' && c.kind === 'person')
    expect(gent.filter((c) => c.language === 'nl').length / gent.length).toBeGreaterThan(0.6)
  })

  it('gives companies valid identifiers for their country', () => {
    const companies = parsed.filter((c) => c.kind === 'company')
    expect(companies.length / COUNT).toBeGreaterThan(0.1)
    for (const c of companies) {
      const ids = c.identifiers
      if (c.address.country === 'FR') {
        expect(isSiren(ids.siren ?? '')).toBe(true)
        expect(isSiret(ids.siret ?? '')).toBe(true)
        if (ids.vatNumber) expect(ids.vatNumber).toBe(`FR${ids.vatNumber.slice(2, 4)}${ids.siren}`)
      }
      if (c.address.country === 'MA') expect(isIce(ids.ice ?? '')).toBe(true)
      if (c.address.country === 'BE') expect(ids.vatNumber).toMatch(/^BE0/)
      if (ids.vatNumber) expect(isVatNumber(ids.vatNumber)).toBe(true)
    }
  })

  it('has a few deliberate duplicates, each sharing a phone or an email with an earlier customer', () => {
    const duplicates = customers.map((c, i) => ({ ...c, i })).filter((c) => c.duplicate)
    expect(duplicates.length / COUNT).toBeGreaterThan(0.015)
    expect(duplicates.length / COUNT).toBeLessThan(0.05)
    expect(new Set(duplicates.map((d) => d.duplicate!.kind))).toEqual(
      new Set(['household', 'enteredTwice', 'soleTrader']),
    )
    for (const d of duplicates) {
      expect(d.duplicate!.of).toBeLessThan(d.i)
      const copy = parsed[d.i]!
      const original = parsed[d.duplicate!.of]!
      const sharesEmail = !!copy.email && copy.email.toLowerCase() === original.email?.toLowerCase()
      const sharesPhone = e164(copy).some((p) => e164(original).includes(p))
      expect(sharesEmail || sharesPhone, JSON.stringify({ copy, original })).toBe(true)
    }
  })

  it('shares no email or phone by chance outside the planned duplicates', () => {
    const owners = new Map<string, number>()
    const clashes: string[] = []
    customers.forEach((c, i) => {
      const data = parsed[i]!
      const keys = [...e164(data), ...(data.email ? [data.email.toLowerCase()] : [])]
      for (const key of keys) {
        const first = owners.get(key)
        if (first === undefined) owners.set(key, i)
        else if (!c.duplicate) clashes.push(key)
      }
    })
    expect(clashes).toEqual([])
  })
})
