import { type ErrorCode, errorMessages, type Language } from '../../../preload/errors'

/** The error messages of one language, taken from the shared table so that there is only one. */
export function errorTexts(language: Language): Record<ErrorCode, string> {
  const entries = Object.entries(errorMessages).map(([code, texts]) => [code, texts[language]])
  return Object.fromEntries(entries) as Record<ErrorCode, string>
}
