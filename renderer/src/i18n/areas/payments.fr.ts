/** French texts of the payments area (screens under `payments`, validation keys merged into `validation`). */
export const paymentsFr = {}

/** Field messages of this area's schemas (`validation.<key>` in the contract). */
export const paymentsValidationFr = {}
