import type { FormErrors } from '@mantine/form'
import type { z } from 'zod'
import { toFieldIssues } from '../../../preload/contract/fieldIssues'
import type { FieldIssue } from '../../../preload/errors'
import { type MappedIssues, mapIssues } from '../lib/fieldErrors'
import { IssueText } from './IssueText'

/** Mantine form errors that render (and re-translate) each issue under its field. */
export function toFormErrors(fields: Record<string, FieldIssue>): FormErrors {
  const errors: FormErrors = {}
  for (const [path, issue] of Object.entries(fields)) errors[path] = <IssueText issue={issue} />
  return errors
}

/** Validates `input` with a contract schema, the same one main applies, and sorts its issues. */
export function validateWith(
  schema: z.ZodType,
  input: unknown,
  toFormPath: (path: string) => string | null,
): MappedIssues {
  const parsed = schema.safeParse(input)
  return parsed.success ? { fields: {}, others: [] } : mapIssues(toFieldIssues(parsed.error), toFormPath)
}
