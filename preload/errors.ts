/**
 * The error codes that cross the bridge, each with its French and English message.
 * Keyed by code so that adding a code without a user-facing message does not compile.
 */
export const errorMessages = {
  VALIDATION: { fr: 'Certains champs sont invalides.', en: 'Some fields are invalid.' },
  NOT_FOUND: { fr: 'Élément introuvable.', en: 'Item not found.' },
  CONFLICT: {
    fr: 'Cet élément a été modifié entre-temps. Rechargez et recommencez.',
    en: 'This item was changed meanwhile. Reload and try again.',
  },
  FORBIDDEN: {
    fr: 'Votre rôle ne permet pas cette action.',
    en: 'Your role does not allow this action.',
  },
  UNAUTHENTICATED: { fr: 'Veuillez vous connecter.', en: 'Please log in.' },
  LOCKED: {
    fr: 'Session verrouillée : saisissez votre mot de passe.',
    en: 'Session locked: enter your password.',
  },
  BAD_CREDENTIALS: {
    fr: 'Identifiant ou mot de passe incorrect.',
    en: 'Wrong username or password.',
  },
  TOO_MANY_ATTEMPTS: {
    fr: 'Trop de tentatives : réessayez dans une minute.',
    en: 'Too many attempts: try again in a minute.',
  },
  UNKNOWN_CHANNEL: { fr: 'Opération inconnue.', en: 'Unknown operation.' },
  GATEWAY_DECLINED: { fr: 'Paiement refusé par la banque.', en: 'Payment declined by the bank.' },
  OFFLINE: {
    fr: 'Service injoignable : vérifiez la connexion.',
    en: 'Service unreachable: check the connection.',
  },
  DATABASE_TOO_NEW: {
    fr: 'Cette base de données vient d’une version plus récente de Guichet : mettez l’application à jour.',
    en: 'This database comes from a newer version of Guichet: update the application.',
  },
  INTERNAL: {
    fr: 'Erreur interne. L’opération n’a pas été enregistrée.',
    en: 'Internal error. The operation was not saved.',
  },
} as const satisfies Record<string, { fr: string; en: string }>

export type ErrorCode = keyof typeof errorMessages
export type Language = 'fr' | 'en'

/** One field problem of a VALIDATION error; `key` is an i18n key under `validation.`. */
export interface FieldIssue {
  path: string
  key: string
  params?: Record<string, string | number>
}

export interface ErrorDetails {
  fields?: FieldIssue[]
  [extra: string]: unknown
}

/** What an error looks like once it has crossed the bridge: plain data, no stack. */
export interface WireError {
  code: ErrorCode
  message: string
  details?: ErrorDetails
}

export type WireResult<T> = { ok: true; data: T } | { ok: false; error: WireError }

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorMessages, code)
}

export function messageFor(code: ErrorCode, language: Language = 'fr'): string {
  return errorMessages[code][language]
}
