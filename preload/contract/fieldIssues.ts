import type { z } from 'zod'
import type { FieldIssue } from '../errors'

/**
 * Turns zod issues into field issues whose `key` is an i18n key. Our schemas put the key in the
 * message (`validation.email`); zod's own checks are mapped by code so that every issue is
 * translatable in the renderer. Parse with `{ reportInput: true }`: zod 4 leaves `issue.input` out
 * otherwise, and a value of the wrong type would then read as a missing one ("required").
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue): FieldIssue => {
    const path = issue.path.map(String).join('.')
    if (issue.message.startsWith('validation.')) {
      const params = issue.code === 'custom' ? (issue.params as FieldIssue['params']) : undefined
      return params ? { path, key: issue.message, params } : { path, key: issue.message }
    }
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? { path, key: 'validation.required' }
          : { path, key: 'validation.invalidType', params: { expected: String(issue.expected) } }
      case 'too_big':
        return { path, key: 'validation.tooBig', params: { maximum: Number(issue.maximum) } }
      case 'too_small':
        return { path, key: 'validation.tooSmall', params: { minimum: Number(issue.minimum) } }
      case 'unrecognized_keys':
        return { path, key: 'validation.unknownField', params: { keys: issue.keys.join(', ') } }
      case 'invalid_value':
        return { path, key: 'validation.invalidValue' }
      case 'invalid_format':
        return { path, key: 'validation.invalidFormat' }
      default:
        return { path, key: 'validation.invalid' }
    }
  })
}
