/**
 * The harbour's identity as it appears on every document it issues (contracts, invoices,
 * receipts, statements): legal mentions of the issuer.
 */
export interface HarbourIssuer {
  name: string
  addressLines: string[]
  /** French company id (14 digits). */
  siret?: string
  /** Moroccan company id (15 digits). */
  ice?: string
  vatNumber?: string
  phone?: string
  email?: string
  /** ISO 4217, the currency of tariffs and invoices. */
  currency: string
  /** Basis points: 2000 = 20 %. */
  defaultVatRateBp: number
}
