/** French texts of the provisioning area (screens under `provisioning`, validation keys merged into `validation`). */
export const provisioningFr = {}

/** Field messages of this area's schemas (`validation.<key>` in the contract). */
export const provisioningValidationFr = {}
