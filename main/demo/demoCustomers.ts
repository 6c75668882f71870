/**
 * The demo customer generator: French, Moroccan and Belgian people and companies as clerks enter
 * them, drawn from resources/demo with a seeded PRNG, so the same seed always gives the same list.
 * About 3 % of customers deliberately share a phone or an email with an earlier one: a household
 * sharing a landline, a person entered twice with another spelling, a sole trader's company using
 * its owner's mobile. The duplicate warnings and searches need such cases to be worth showing.
 */
import type { CustomerInput } from '../../preload/contract'
import { ContactRegistry } from './demoContacts'
import {
  type CityDef,
  type CountryDef,
  countries,
  demoNotes,
  type NamePool,
  type NamePoolId,
  namePools,
  type RegionProfile,
  spellingVariants,
} from './demoData'
import { companyIdentifiers } from './demoIdentifiers'
import { SeededRandom, type Weighted } from './seededRandom'

export type DuplicateKind = 'household' | 'enteredTwice' | 'soleTrader'

export interface DemoCustomer {
  input: CustomerInput
  /** Set when this customer deliberately shares a phone or an email with an earlier one. */
  duplicate?: { kind: DuplicateKind; of: number }
}

interface Place {
  country: CountryDef
  city: CityDef
  profile: RegionProfile
}

/** What a duplicate needs to know about an earlier person. */
interface RecentPerson {
  index: number
  place: Place
  pool: NamePoolId
  input: CustomerInput & { firstName: string; lastName: string }
}

const DUPLICATE_RATE = 0.03
const COMPANY_RATE = 0.15
/** How far back a duplicate may look: duplicates are usually entered close in time. */
const RECENT_PEOPLE = 300

const duplicateKinds: readonly Weighted<DuplicateKind>[] = [
  ['household', 45],
  ['enteredTwice', 35],
  ['soleTrader', 20],
]

const countryShares: readonly Weighted<CountryDef>[] = countries.map((c) => [c, c.share])
const citiesOf = new Map<CountryDef, readonly Weighted<CityDef>[]>(
  countries.map((c) => [c, c.cities.map((city) => [city, city.weight] as const)]),
)

function profileOf(country: CountryDef, city: CityDef): RegionProfile {
  const profile = country.profiles[city.profile]
  if (!profile) throw new Error(`no profile ${city.profile} in ${country.country}`)
  return profile
}

// "Martin Frères", "Peeters & Zonen", "Groupe Tazi": names that say the business is not one person's.
const FAMILY_FIRM = /Frères|Fils|Zonen|Groupe/
const soleTraderTemplateCache = new Map<RegionProfile, readonly string[]>()

function soleTraderTemplates(profile: RegionProfile): readonly string[] {
  let templates = soleTraderTemplateCache.get(profile)
  if (!templates) {
    const oneOwner = profile.companyTemplates.filter((t) => !FAMILY_FIRM.test(t))
    templates = oneOwner.length > 0 ? oneOwner : profile.companyTemplates
    soleTraderTemplateCache.set(profile, templates)
  }
  return templates
}

function withoutAccents(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '')
}

/** "Youssef.ElAmrani@gmail.com" for "youssef.elamrani@gmail.com": the same address typed again. */
function retypedEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.replace(/(^|[._])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase())}@${domain}`
}

export class DemoCustomerGenerator {
  private readonly random: SeededRandom
  private readonly contacts = new ContactRegistry()
  private readonly recentPeople: RecentPerson[] = []
  private index = 0

  constructor(seed: number) {
    this.random = new SeededRandom(seed)
  }

  /** The next customer; call it in order, the sequence is what the seed determines. */
  next(): DemoCustomer {
    const index = this.index++
    const r = this.random
    if (this.recentPeople.length > 0 && r.chance(DUPLICATE_RATE)) {
      const original = r.pick(this.recentPeople)
      const kind = r.weighted(duplicateKinds)
      const input =
        kind === 'household'
          ? this.householdMember(original)
          : kind === 'enteredTwice'
            ? this.enteredTwice(original)
            : this.soleTrader(original)
      return { input, duplicate: { kind, of: original.index } }
    }
    const place = this.place()
    if (r.chance(COMPANY_RATE)) return { input: this.company(place) }
    const pool = r.weighted(place.profile.namePools)
    const input = this.person(place, pool)
    this.remember({ index, place, pool, input })
    return { input }
  }

  private remember(person: RecentPerson): void {
    this.recentPeople.push(person)
    if (this.recentPeople.length > RECENT_PEOPLE) this.recentPeople.shift()
  }

  private place(country = this.random.weighted(countryShares)): Place {
    const city = this.random.weighted(citiesOf.get(country)!)
    return { country, city, profile: profileOf(country, city) }
  }

  private person(place: Place, poolId: NamePoolId): RecentPerson['input'] {
    const r = this.random
    const pool: NamePool = namePools[poolId]
    const female = r.chance(0.5)
    const firstName = r.pick(female ? pool.female : pool.male)
    const lastName = r.pick(pool.last)
    const language = r.weighted(place.profile.poolLanguages[poolId] ?? place.profile.languages)
    const phones: CustomerInput['phones'] = []
    if (r.chance(0.95)) phones.push({ type: 'mobile', number: this.contacts.mobile(place.country, r) })
    if (phones.length === 0 || r.chance(0.2))
      phones.push({ type: 'landline', number: this.contacts.landline(place.country, place.city, r) })
    return {
      kind: 'person',
      // Clerks skip the title now and then.
      ...(r.chance(0.92) ? { title: female ? 'mrs' : 'mr' } : {}),
      firstName,
      lastName,
      ...(r.chance(0.82) ? { email: this.contacts.personEmail(firstName, lastName, place.profile, r) } : {}),
      phones,
      language,
      address: this.address(place),
      ...this.maybeNote(place.profile, 0.1),
      identifiers: {},
    }
  }

  private company(place: Place, ownerLastName?: string): CustomerInput {
    const r = this.random
    const { profile, country } = place
    let base: string
    if (ownerLastName) base = r.pick(soleTraderTemplates(profile)).replace('{last}', ownerLastName)
    else if (r.chance(0.7)) {
      const familyName = r.pick(namePools[r.weighted(profile.namePools)].last)
      base = r.pick(profile.companyTemplates).replace('{last}', familyName)
    } else base = r.pick(profile.companyNames)
    const form = r.weighted(profile.legalForms)
    const phones: CustomerInput['phones'] = []
    if (r.chance(0.9)) phones.push({ type: 'work', number: this.contacts.landline(country, place.city, r) })
    if (phones.length === 0 || r.chance(0.45))
      phones.push({ type: 'mobile', number: this.contacts.mobile(country, r) })
    return {
      kind: 'company',
      companyName: form ? `${base} ${form}` : base,
      ...(r.chance(0.9) ? { email: this.contacts.companyEmail(base, country.companyTld, profile, r) } : {}),
      phones,
      language: r.weighted(profile.companyLanguages),
      address: this.address(place),
      // A head office elsewhere receives the invoices.
      ...(r.chance(0.12) ? { billingAddress: this.address(this.place(country)) } : {}),
      identifiers: companyIdentifiers(country.identifiers, r),
      ...this.maybeNote(profile, 0.15),
    }
  }

  /** Someone of the same family at the same address, sharing the home phone. */
  private householdMember(original: RecentPerson): CustomerInput {
    const r = this.random
    const { place, pool: poolId } = original
    const pool = namePools[poolId]
    const female = r.chance(0.5)
    const firstName = r.pick(female ? pool.female : pool.male)
    const shared = original.input.phones?.find((p) => p.type === 'landline') ?? original.input.phones?.[0]
    const phones: CustomerInput['phones'] = []
    if (r.chance(0.6)) phones.push({ type: 'mobile', number: this.contacts.mobile(place.country, r) })
    if (shared) phones.push({ type: shared.type, number: shared.number })
    const input: RecentPerson['input'] = {
      kind: 'person',
      title: female ? 'mrs' : 'mr',
      firstName,
      lastName: original.input.lastName,
      ...(r.chance(0.5)
        ? { email: this.contacts.personEmail(firstName, original.input.lastName, place.profile, r) }
        : {}),
      phones,
      language: original.input.language ?? 'fr',
      address: { ...original.input.address },
      identifiers: {},
    }
    return input
  }

  /** The same person created again by another clerk: a variant spelling, the same email or mobile. */
  private enteredTwice(original: RecentPerson): CustomerInput {
    const r = this.random
    const { input } = original
    const mobile = input.phones?.[0]
    const email = input.email && (!mobile || r.chance(0.7)) ? retypedEmail(input.email) : undefined
    // Whatever else changed, the second entry keeps the email or the first phone of the first one.
    const phones: CustomerInput['phones'] =
      mobile && (!email || r.chance(0.5)) ? [{ type: mobile.type, number: mobile.number }] : []
    return {
      kind: 'person',
      ...(input.title ? { title: input.title } : {}),
      firstName: this.variantOf(input.firstName),
      lastName: r.chance(0.5) ? this.variantOf(input.lastName) : input.lastName,
      ...(email ? { email } : {}),
      phones,
      language: input.language ?? 'fr',
      // Half of them moved in between.
      address: r.chance(0.5) ? { ...input.address } : this.address(original.place),
      identifiers: {},
    }
  }

  /** A one-person business in its owner's name, reached on the owner's mobile or email. */
  private soleTrader(original: RecentPerson): CustomerInput {
    const r = this.random
    const company = this.company(original.place, original.input.lastName)
    const owners = original.input.phones ?? []
    const ownerPhone = owners.find((p) => p.type === 'mobile') ?? owners[0]
    const phones = (company.phones ?? []).filter((p) => p.type === 'work').slice(0, 1)
    if (ownerPhone)
      phones.push({ type: ownerPhone.type === 'mobile' ? 'mobile' : 'work', number: ownerPhone.number })
    const ownerEmail = original.input.email
    return {
      ...company,
      phones,
      ...(ownerEmail && (!ownerPhone || r.chance(0.4)) ? { email: ownerEmail } : {}),
      language: original.input.language ?? company.language ?? 'fr',
    }
  }

  /** Another way the same name is typed: a known transliteration, or without accents. */
  private variantOf(name: string): string {
    const variants = spellingVariants[name]
    if (variants) return this.random.pick(variants)
    const plain = withoutAccents(name)
    return plain !== name ? plain : name
  }

  private address(place: Place): CustomerInput['address'] {
    const r = this.random
    const { city, profile, country } = place
    const street = city.streets && r.chance(0.7) ? r.pick(city.streets) : r.pick(profile.streets)
    const number = r.chance(0.6) ? r.int(1, 40) : r.int(41, 220)
    const style = profile.address
    let line: string
    switch (style.style) {
      case 'numberFirst':
        line = `${number}${style.bisRate && r.chance(style.bisRate) ? ' bis' : ''} ${street}`
        break
      case 'numberComma':
        line =
          style.residences && style.residenceRate && r.chance(style.residenceRate)
            ? `Résidence ${r.pick(style.residences)}, Appt ${r.int(1, 48)}, ${street}`
            : `${number}, ${street}`
        break
      case 'numberLast':
        line = `${street} ${number}${style.boxLabel && style.boxRate && r.chance(style.boxRate) ? ` ${style.boxLabel} ${r.int(1, 24)}` : ''}`
        break
    }
    return { street: line, postalCode: city.postalCode, city: city.city, country: country.country }
  }

  private maybeNote(profile: RegionProfile, rate: number): { notes?: string } {
    const r = this.random
    if (!r.chance(rate)) return {}
    const template = r.pick(demoNotes[profile.notes])
    const note = template
      .replace('{year}', String(r.int(2012, 2025)))
      .replace('{boat}', r.pick(demoNotes.boats))
      .replace('{berth}', `${String.fromCharCode(65 + r.int(0, 7))} ${r.int(1, 60)}`)
    return { notes: note }
  }
}
