import type { provisioningFr, provisioningValidationFr } from './provisioning.fr'

export const provisioningEn: typeof provisioningFr = {}

export const provisioningValidationEn: typeof provisioningValidationFr = {}
