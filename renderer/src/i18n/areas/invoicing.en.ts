import type { invoicingFr, invoicingValidationFr } from './invoicing.fr'

export const invoicingEn: typeof invoicingFr = {}

export const invoicingValidationEn: typeof invoicingValidationFr = {}
