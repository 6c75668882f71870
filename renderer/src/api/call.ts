/**
 * `call(channel, input)`: one channel call that resolves with its data or throws an `ApiError`,
 * the shape TanStack Query expects. Errors stay data (code, message, details) so that screens can
 * translate them and put field errors under their fields.
 */
import type { ChannelName, InputOf, OutputOf } from '../../../preload/contract'
import type { ErrorCode, ErrorDetails, FieldIssue, WireError } from '../../../preload/errors'
import { bridge } from './bridge'

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails | undefined

  constructor(error: WireError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.details = error.details
  }

  /** The field problems of a VALIDATION error (empty for any other error). */
  get fields(): FieldIssue[] {
    return this.details?.fields ?? []
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await bridge.invoke(channel, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.data
}
