/** French texts of the fleet area (screens under `fleet`, validation keys merged into `validation`). */
export const fleetFr = {}

/** Field messages of this area's schemas (`validation.<key>` in the contract). */
export const fleetValidationFr = {}
