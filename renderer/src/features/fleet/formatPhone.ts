import { parsePhoneNumberFromString } from 'libphonenumber-js'

/**
 * A phone number as every fleet and fleet-desk screen shows it. The fleets are Belgian: a Belgian
 * number reads the way agents and fleet managers say and type it (`+32470123456` → `0470 12 34 56`,
 * the form the wizard, the CSV import and the line search accept); a foreign one keeps its country
 * code (`+33612345678` → `+33 6 12 34 56 78`), since a national form would hide the country.
 * A number typed without a country code is read as Belgian. Anything that is not a valid number
 * is shown as it was given, never half-formatted.
 */
export function formatFleetPhone(value: string): string {
  const parsed = parsePhoneNumberFromString(value, 'BE')
  if (!parsed?.isValid()) return value
  return parsed.country === 'BE' ? parsed.formatNational() : parsed.formatInternational()
}
