import type { fleetFr, fleetValidationFr } from './fleet.fr'

export const fleetEn: typeof fleetFr = {}

export const fleetValidationEn: typeof fleetValidationFr = {}
