import type { fleetDeskFr, fleetDeskValidationFr } from './fleetDesk.fr'

export const fleetDeskEn: typeof fleetDeskFr = {}

export const fleetDeskValidationEn: typeof fleetDeskValidationFr = {}
