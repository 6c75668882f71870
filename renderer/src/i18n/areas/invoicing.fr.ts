/** French texts of the invoicing area (screens under `invoicing`, validation keys merged into `validation`). */
export const invoicingFr = {}

/** Field messages of this area's schemas (`validation.<key>` in the contract). */
export const invoicingValidationFr = {}
