import { type ErrorCode, type ErrorDetails, messageFor } from '../../preload/errors'

/** An expected failure with a stable code; the router sends it to the renderer as data. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetails,
    message?: string,
  ) {
    super(message ?? messageFor(code))
    this.name = 'AppError'
  }

  /** A VALIDATION error about one field, as the router produces for schema failures. */
  static field(path: string, key: string, params?: Record<string, string | number>): AppError {
    return new AppError('VALIDATION', { fields: [{ path, key, ...(params ? { params } : {}) }] })
  }
}
