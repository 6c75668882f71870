import type { paymentsFr, paymentsValidationFr } from './payments.fr'

export const paymentsEn: typeof paymentsFr = {}

export const paymentsValidationEn: typeof paymentsValidationFr = {}
