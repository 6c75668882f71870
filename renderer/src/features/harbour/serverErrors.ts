import type { TFunction } from 'i18next'
import type { FieldIssue } from '../../../../preload/errors'
import { isApiError } from '../../api/call'
import { toFormErrors } from '../../components/formErrors'
import { notifyError, notifyIssues } from '../../components/notify'

/**
 * Puts main's field errors under the form's fields (paths mapped by `toFormPath`), and the rest in
 * a notification. Returns the errors to give `form.setErrors`.
 */
export function serverFieldErrors(
  t: TFunction,
  error: unknown,
  toFormPath: (path: string) => string | null = (p) => p,
) {
  if (!isApiError(error) || error.fields.length === 0) {
    notifyError(t, error)
    return {}
  }
  const fields: Record<string, FieldIssue> = {}
  const others: FieldIssue[] = []
  for (const issue of error.fields) {
    const path = toFormPath(issue.path)
    if (path === null) others.push(issue)
    else fields[path] ??= issue
  }
  notifyIssues(t, others, t('common.error'))
  return toFormErrors(fields)
}
