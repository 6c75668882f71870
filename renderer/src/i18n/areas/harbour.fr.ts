/** French texts of the harbour area (screens under `harbour`, validation keys merged into `validation`). */
export const harbourFr = {}

/** Field messages of this area's schemas (`validation.<key>` in the contract). */
export const harbourValidationFr = {}
