import type { UseFormReturnType } from '@mantine/form'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { isApiError } from '../../api/call'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifyError, notifyIssues } from '../../components/notify'
import { mapIssues } from '../../lib/fieldErrors'

/** Validates a form's channel input with the contract schema; `toPath` maps input paths to the form's. */
export function validateInput(
  schema: z.ZodType,
  input: unknown,
  toPath: (path: string) => string | null = (p) => p,
) {
  return toFormErrors(validateWith(schema, input, toPath).fields)
}

/**
 * Shows main's refusal where it belongs: a field error under its field (input paths mapped to the
 * form's), anything else as a notification. LOCKED and UNAUTHENTICATED have their own screens.
 */
export function showSaveError<V>(
  t: TFunction,
  form: UseFormReturnType<V>,
  error: unknown,
  title: string,
  toPath: (path: string) => string | null = (p) => p,
): void {
  if (isApiError(error) && error.code === 'VALIDATION') {
    const mapped = mapIssues(error.fields, toPath)
    form.setErrors(toFormErrors(mapped.fields))
    notifyIssues(t, mapped.others, title)
    return
  }
  if (isApiError(error) && (error.code === 'LOCKED' || error.code === 'UNAUTHENTICATED')) return
  notifyError(t, error, title)
}
