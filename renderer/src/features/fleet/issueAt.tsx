import type { ReactNode } from 'react'
import type { FieldIssue } from '../../../../preload/errors'
import { IssueText } from '../../components/IssueText'
import type { useFieldErrors } from './useFieldErrors'

/** The field issue at `path` of the last failed call, as the `error` of its input. */
export function issueAt(errors: ReturnType<typeof useFieldErrors>, path: string) {
  const issue = errors.at(path)
  return issue ? <IssueText issue={issue} /> : undefined
}

/**
 * The issues that no input shows, given the paths the inputs show (matched as `issueAt` does:
 * `user.email` also takes `user.email.x`). A form lists these apart, so that an issue shown at its
 * field is not repeated below the form.
 */
export function issuesWithoutField(issues: readonly FieldIssue[], fieldPaths: readonly string[]) {
  return issues.filter(
    (issue) => !fieldPaths.some((path) => issue.path === path || issue.path.startsWith(`${path}.`)),
  )
}

/** The `errors` of AddressInputs for the address at `prefix` (`address` → `address.street`, …). */
export function addressIssues(issue: (path: string) => ReactNode, prefix: string) {
  return {
    street: issue(`${prefix}.street`),
    postalCode: issue(`${prefix}.postalCode`),
    city: issue(`${prefix}.city`),
    country: issue(`${prefix}.country`),
  }
}
