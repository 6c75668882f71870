/**
 * The French words harbour documents and invoice lines use (documents are issued in French,
 * whatever the clerk's interface language).
 */
import type { BoatType, HarbourContractType, HarbourPaymentMethod } from '../../../preload/contract/harbour'
import { dateText, metresText } from '../../documents/contractText'
import type { PricedLine } from './tariffRules'

export const contractTypeLabel: Record<HarbourContractType, string> = {
  annual: 'Annuel',
  seasonal: 'Saisonnier',
  passage: 'Passage',
}

export const contractKindLabel = {
  contract: 'Contrat',
  amendment: 'Avenant',
  termination: 'Résiliation',
} as const

export const boatTypeLabel: Record<BoatType, string> = {
  sail: 'Voilier',
  motor: 'Bateau à moteur',
  catamaran: 'Catamaran',
  other: 'Autre',
}

export const paymentMethodLabel: Record<HarbourPaymentMethod, string> = {
  card_online: 'carte bancaire en ligne',
  sepa: 'prélèvement SEPA',
  cheque: 'chèque à la capitainerie',
  transfer: 'virement à la capitainerie',
}

export const signatureStepLabel: Record<1 | 2 | 3, string> = {
  1: 'a téléchargé le contrat au format PDF et dispose d’un logiciel pour le lire',
  2: 'a lu le contrat',
  3: 'accepte les termes du contrat',
}

/** "Facture de contrat Annuel": the label the customer account shows (seed 002). */
export function invoiceLabel(type: HarbourContractType): string {
  return `Facture de contrat ${contractTypeLabel[type]}`
}

function lengthClass(from: number, to: number): string {
  if (from === 0) return `moins de ${metresText(to)}`
  if (to >= 10_000) return `${metresText(from)} et plus`
  return `${metresText(from)} à ${metresText(to)}`
}

/** One priced line as printed on the contract and the invoice. */
export function pricedLineLabel(type: HarbourContractType, line: PricedLine, berthCode: string): string {
  const cls = lengthClass(line.lengthFromCm, line.lengthToCm)
  // A quote before a berth is chosen names the length class only.
  const place = berthCode ? `place ${berthCode} (${cls})` : cls
  const period = `du ${dateText(line.from)} au ${dateText(line.to)}`
  if (type === 'annual') return `Contrat annuel, ${place}, ${period}`
  const season = line.season === 'high' ? 'haute saison' : 'basse saison'
  if (type === 'seasonal') return `Contrat saisonnier ${season}, ${place}, ${period}`
  return `Nuitées ${season}, ${place}, ${period}`
}
