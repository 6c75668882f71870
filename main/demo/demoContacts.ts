/**
 * Phone numbers and email addresses of demo customers, as a clerk types them. Each is new unless
 * the generator deliberately reuses one (the duplicates real data always has): the registry
 * remembers what was handed out, so chance collisions do not blur the planned duplicates.
 */
import type { CityDef, CountryCode, CountryDef, RegionProfile } from './demoData'
import type { SeededRandom, Weighted } from './seededRandom'

const dialCodes: Record<CountryCode, string> = { FR: '33', MA: '212', BE: '32' }

/** "Fatima Zahra" -> "fatimazahra", "Lefèvre" -> "lefevre": what an email's local part can hold. */
export function emailSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** "Transports Martin" -> "transports-martin": a plausible company domain name. */
export function domainSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** National digits grouped the way each country writes them: "06 12 34 56 78", "0475 12 34 56", "02 123 45 67". */
export function formatNational(country: CountryCode, digits: string): string {
  if (country === 'BE') {
    if (digits.startsWith('04') && digits.length === 10)
      return digits.replace(/^(\d{4})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4')
    if (/^0[2349]/.test(digits)) return digits.replace(/^(\d{2})(\d{3})(\d{2})(\d{2})$/, '$1 $2 $3 $4')
    return digits.replace(/^(\d{3})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4')
  }
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ')
}

type LocalPart = (first: string, last: string, random: SeededRandom) => string

// How people build their address: "youssef.elamrani", "y.elamrani", "elamrani.youssef87"...
const personLocalParts: readonly Weighted<LocalPart>[] = [
  [(f, l) => `${f}.${l}`, 30],
  [(f, l) => `${f}${l}`, 10],
  [(f, l) => `${f[0]}.${l}`, 8],
  [(f, l) => `${f[0]}${l}`, 6],
  [(f, l, r) => `${f}.${l}${r.int(1, 99)}`, 18],
  [(f, l) => `${l}.${f}`, 8],
  [(f, l) => `${f}_${l}`, 5],
  [(f, _l, r) => `${f}${r.int(60, 99)}`, 5],
  [(f, l, r) => `${l}${f[0]}${r.int(1, 99)}`, 10],
]

const companyMailboxes: readonly Weighted<string>[] = [
  ['contact', 50],
  ['info', 20],
  ['comptabilite', 10],
  ['accueil', 6],
  ['direction', 6],
  ['admin', 8],
]

export class ContactRegistry {
  private readonly phones = new Set<string>()
  private readonly emails = new Set<string>()
  private readonly domains = new Set<string>()

  /** A mobile number of the country, as typed: "06 12 34 56 78". */
  mobile(country: CountryDef, random: SeededRandom): string {
    return this.uniquePhone(country, () => {
      const prefix = random.pick(country.mobilePrefixes)
      return prefix + random.digits(10 - prefix.length)
    })
  }

  /** A landline in the city's area code: "05 46 41 23 45". */
  landline(country: CountryDef, city: CityDef, random: SeededRandom): string {
    return this.uniquePhone(country, () => {
      // Subscriber numbers right after an area code start with 2-9 (0 and 1 open other ranges).
      const first = String(random.int(2, 9))
      return city.landline + first + random.digits(country.landlineLength - city.landline.length - 1)
    })
  }

  personEmail(firstName: string, lastName: string, profile: RegionProfile, random: SeededRandom): string {
    const first = emailSlug(firstName)
    const last = emailSlug(lastName)
    const local = random.weighted(personLocalParts)(first, last, random)
    return this.uniqueEmail(local, random.weighted(profile.emailDomains), random)
  }

  /** The company's own domain when its name is still free, otherwise a webmail address. */
  companyEmail(baseName: string, tld: string, profile: RegionProfile, random: SeededRandom): string {
    const slug = domainSlug(baseName)
    const domain = `${slug}.${tld}`
    if (!this.domains.has(domain)) {
      this.domains.add(domain)
      return this.uniqueEmail(random.weighted(companyMailboxes), domain, random)
    }
    return this.uniqueEmail(slug.replace(/-/g, '.'), random.weighted(profile.emailDomains), random)
  }

  private uniquePhone(country: CountryDef, draw: () => string): string {
    for (;;) {
      const digits = draw()
      const key = dialCodes[country.country] + digits.slice(1)
      if (this.phones.has(key)) continue
      this.phones.add(key)
      return formatNational(country.country, digits)
    }
  }

  private uniqueEmail(local: string, realDomain: string, random: SeededRandom): string {
    // Demo addresses keep their provider's name but end in the reserved `.example` TLD (RFC 2606),
    // so that a desk seeded by mistake with a real mail server configured mails nobody.
    const domain = realDomain.replace(/\.[a-z]+$/, '.example')
    let candidate = `${local}@${domain}`
    while (this.emails.has(candidate)) candidate = `${local}${random.int(1, 999)}@${domain}`
    this.emails.add(candidate)
    return candidate
  }
}
