/**
 * The demo data definitions (resources/demo/*.json): names, cities with their real postcodes and
 * area codes, streets, company names, email providers, notes. Data lives there so that it can be
 * reviewed and extended without touching the generator; this module checks it and gives it types.
 */

import { z } from 'zod'
import { languages } from '../../preload/contract/common'
import belgium from '../../resources/demo/belgium.json'
import france from '../../resources/demo/france.json'
import morocco from '../../resources/demo/morocco.json'
import names from '../../resources/demo/names.json'
import notes from '../../resources/demo/notes.json'

const language = z.enum(languages)
const weighted = <T extends z.ZodType>(value: T) => z.array(z.tuple([value, z.number().positive()])).min(1)
const nonEmpty = z.array(z.string().min(1)).min(1)
const namePoolId = z.enum(['french', 'moroccan', 'flemish', 'walloon'])

const namePoolSchema = z.object({ male: nonEmpty, female: nonEmpty, last: nonEmpty }).strict()

/** How the people and companies of one region look: names, languages, streets, legal forms. */
const regionProfileSchema = z
  .object({
    languages: weighted(language),
    companyLanguages: weighted(language),
    namePools: weighted(namePoolId),
    /** The languages of people of another origin than the region's, e.g. Moroccan-Belgians in Brussels. */
    poolLanguages: z.partialRecord(namePoolId, weighted(language)),
    emailDomains: weighted(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)),
    address: z
      .object({
        /** "12 rue du Palais" (FR), "12, boulevard Zerktouni" (MA), "Meir 12" (BE). */
        style: z.enum(['numberFirst', 'numberComma', 'numberLast']),
        bisRate: z.number().min(0).max(1).optional(),
        residenceRate: z.number().min(0).max(1).optional(),
        residences: nonEmpty.optional(),
        /** The word for a box / flat number in Belgian addresses: "bte" (fr) or "bus" (nl). */
        boxLabel: z.string().optional(),
        boxRate: z.number().min(0).max(1).optional(),
      })
      .strict(),
    streets: nonEmpty,
    /** Company names made from a family name: "Transports {last}". */
    companyTemplates: z.array(z.string().includes('{last}')).min(1),
    companyNames: nonEmpty,
    /** "" stands for a company name written without its legal form. */
    legalForms: weighted(z.string()),
    notes: z.enum(['fr', 'nl']),
  })
  .strict()

const citySchema = z
  .object({
    city: z.string().min(1),
    postalCode: z.string().regex(/^\d{4,5}$/),
    /** National digits every landline of the city starts with (its area code). */
    landline: z.string().regex(/^0\d{1,3}$/),
    weight: z.number().positive(),
    profile: z.string(),
    /** Streets of this city, used most of the time instead of the region's generic ones. */
    streets: nonEmpty.optional(),
  })
  .strict()

const countrySchema = z
  .object({
    country: z.enum(['FR', 'MA', 'BE']),
    share: z.number().positive(),
    mobilePrefixes: z.array(z.string().regex(/^0\d{2,3}$/)).min(1),
    /** National digits of a landline number, leading 0 included (BE: 9, FR and MA: 10). */
    landlineLength: z.number().int().min(9).max(10),
    companyTld: z.string().regex(/^[a-z]{2}$/),
    identifiers: z.enum(['fr', 'ma', 'be']),
    profiles: z.record(z.string(), regionProfileSchema),
    cities: z.array(citySchema).min(1),
  })
  .strict()
  .refine((c) => c.cities.every((city) => city.profile in c.profiles), { error: 'unknown city profile' })

const namesSchema = z
  .object({
    pools: z.record(namePoolId, namePoolSchema),
    /** Other ways the same name gets typed, used for the deliberate "entered twice" duplicates. */
    spellingVariants: z.record(z.string(), nonEmpty),
  })
  .strict()

const notesSchema = z.object({ boats: nonEmpty, fr: nonEmpty, nl: nonEmpty }).strict()

export type NamePoolId = z.infer<typeof namePoolId>
export type NamePool = z.infer<typeof namePoolSchema>
export type RegionProfile = z.infer<typeof regionProfileSchema>
export type AddressStyle = RegionProfile['address']
export type CityDef = z.infer<typeof citySchema>
export type CountryDef = z.infer<typeof countrySchema>
export type CountryCode = CountryDef['country']
export type NotesDef = z.infer<typeof notesSchema>

// Parsed once when the module loads (a few kilobytes): a typo in a language code or a city that
// names a missing profile fails loudly here rather than producing odd customers.
export const countries: readonly CountryDef[] = [france, morocco, belgium].map((c) => countrySchema.parse(c))
const parsedNames = namesSchema.parse(names)
export const namePools: Record<NamePoolId, NamePool> = parsedNames.pools
export const spellingVariants: Record<string, string[]> = parsedNames.spellingVariants
export const demoNotes: NotesDef = notesSchema.parse(notes)
