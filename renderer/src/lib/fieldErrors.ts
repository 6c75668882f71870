import type { FieldIssue } from '../../../preload/errors'

export interface MappedIssues {
  /** The first issue of each form field, keyed by the form's path. */
  fields: Record<string, FieldIssue>
  /** Issues no field of the form can show: they go to a notification instead. */
  others: FieldIssue[]
}

/**
 * Sorts field issues (from zod in the renderer, or from main) between the form's fields and the
 * rest. `toFormPath` maps an input path (`phones.0.number`) to the form's own path, or null.
 */
export function mapIssues(issues: FieldIssue[], toFormPath: (path: string) => string | null): MappedIssues {
  const fields: Record<string, FieldIssue> = {}
  const others: FieldIssue[] = []
  for (const issue of issues) {
    const path = toFormPath(issue.path)
    if (path === null) others.push(issue)
    else fields[path] ??= issue
  }
  return { fields, others }
}
