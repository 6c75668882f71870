/**
 * The operator's refusal codes in French, for the request's recorded reason and the outcome the
 * fleet module shows on the line. A code we do not know keeps the operator's own message.
 */
const FRENCH: Record<string, string> = {
  ICCID_UNKNOWN: "Carte SIM inconnue de l'opérateur (ICCID invalide)",
  ICCID_IN_USE: 'Cette carte SIM est déjà attribuée à une autre ligne',
  ICCID_ALREADY_USED: 'Cette carte SIM a déjà été utilisée : une carte ne peut jamais être réutilisée',
  MSISDN_IN_USE: 'Ce numéro est déjà utilisé sur une autre ligne',
  LINE_STOPPED: "La ligne est arrêtée chez l'opérateur",
  LINE_NOT_ACTIVE: "La ligne n'est pas active chez l'opérateur",
  INVALID_MSISDN: "Numéro de téléphone refusé par l'opérateur",
  INVALID_ACTION: "Action inconnue de l'opérateur",
  INVALID_LINE_REF: "Référence de ligne refusée par l'opérateur",
  INVALID_DATE: "Date d'effet refusée par l'opérateur",
  INVALID_PARAMS: "Paramètres refusés par l'opérateur",
  IDEMPOTENCY_KEY_REUSED: "Clé d'idempotence déjà utilisée pour une autre demande",
  NO_ANSWER: "L'opérateur n'a pas répondu : le résultat est inconnu, relancez la demande",
}

export function frenchReason(code: string, operatorMessage?: string): string {
  return FRENCH[code] ?? `Refus de l'opérateur : ${operatorMessage ?? code} (${code})`
}
