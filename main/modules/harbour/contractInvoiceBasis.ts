/**
 * What invoicing needs from a harbour contract to issue its invoice: the harbour area computes it
 * (tariff, length class, season, period), the invoicing area numbers and issues the invoice.
 */
export interface ContractInvoiceLine {
  label: string
  /** A whole number of units (nights, months, the contract itself = 1). */
  quantity: number
  unitNetMinor: number
  /** Basis points: 2000 = 20 %. */
  vatRateBp: number
}

export interface ContractInvoiceBasis {
  contractId: string
  customerId: string
  currency: string
  /** The invoice label the customer account shows: "Facture de contrat Annuel". */
  label: string
  lines: ContractInvoiceLine[]
  /** How many instalments the contract is invoiced in (1 = one invoice). */
  instalments: number
}
