import type { harbourFr, harbourValidationFr } from './harbour.fr'

export const harbourEn: typeof harbourFr = {}

export const harbourValidationEn: typeof harbourValidationFr = {}
