import type { ReactNode } from 'react'
import { IssueText } from '../../components/IssueText'
import type { useFieldErrors } from './useFieldErrors'

/** The field issue at `path` of the last failed call, as the `error` of its input. */
export function issueAt(errors: ReturnType<typeof useFieldErrors>, path: string) {
  const issue = errors.at(path)
  return issue ? <IssueText issue={issue} /> : undefined
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
