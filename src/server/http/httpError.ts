import { ERROR_CODES, type ErrorCode, type ErrorResponse } from '../../protocol/errors';

/** A request-level failure with a protocol error code; the error handler turns it into JSON. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorResponse {
  return details === undefined
    ? { error: { code, message } }
    : { error: { code, message, details } };
}
