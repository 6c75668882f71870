import { useState } from 'react'
import type { FieldIssue } from '../../../../preload/errors'
import { isApiError } from '../../api/call'

/** Field issues of the last failed call, by path (`user.firstName`, `iccid`…), and the others. */
export function useFieldErrors() {
  const [issues, setIssues] = useState<FieldIssue[]>([])
  return {
    issues,
    /** The issue at `path` (or under it), or null. */
    at(path: string): FieldIssue | null {
      return issues.find((i) => i.path === path || i.path.startsWith(`${path}.`)) ?? null
    },
    /** Keeps the field issues of a VALIDATION error; answers whether it was one. */
    take(error: unknown): boolean {
      if (isApiError(error) && error.code === 'VALIDATION' && error.fields.length > 0) {
        setIssues(error.fields)
        return true
      }
      return false
    },
    set: setIssues,
    clear: () => setIssues([]),
  }
}
