/** French texts of the fleetDesk area (screens under `fleetDesk`, validation keys merged into `validation`). */
export const fleetDeskFr = {}

/** Field messages of this area's schemas (`validation.<key>` in the contract). */
export const fleetDeskValidationFr = {}
