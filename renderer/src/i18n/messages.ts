import type { TFunction } from 'i18next'
import type { FieldIssue } from '../../../preload/errors'
import { isApiError } from '../api/call'
import { fr } from './fr'

type ValidationName = keyof typeof fr.validation

function isValidationName(name: string): name is ValidationName {
  return Object.hasOwn(fr.validation, name)
}

/** The clerk-facing text of any error: its code translated, never a stack or a server sentence. */
export function errorText(t: TFunction, error: unknown): string {
  return isApiError(error) ? t(`errors.${error.code}`) : t('errors.INTERNAL')
}

/** A field issue in the interface language; an unknown key still reads as "invalid value". */
export function issueText(t: TFunction, issue: FieldIssue): string {
  const name = issue.key.replace(/^validation\./, '')
  return isValidationName(name) ? t(`validation.${name}`, issue.params ?? {}) : t('validation.invalid')
}
