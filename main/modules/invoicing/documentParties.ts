import type { Customer } from '../../../preload/contract'
import { type PartyBlock, pdfCountry } from '../../documents/invoicePdfParts'

/** The customer as a document addresses them: the billing address when there is one. */
export function customerParty(customer: Customer, title = 'Client'): PartyBlock & { customerNumber: string } {
  const address = customer.billingAddress ?? customer.address
  return {
    title,
    customerNumber: customer.customerNumber,
    lines: [
      customer.displayName,
      address.street,
      `${address.postalCode} ${address.city}`,
      ...(address.country !== 'FR' ? [pdfCountry(address.country)] : []),
      ...(customer.identifiers.siret ? [`SIRET ${customer.identifiers.siret}`] : []),
      ...(customer.identifiers.ice ? [`ICE ${customer.identifiers.ice}`] : []),
      ...(customer.identifiers.vatNumber ? [`N° TVA ${customer.identifiers.vatNumber}`] : []),
    ],
  }
}
