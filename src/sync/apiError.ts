import type { ErrorCode } from '../protocol';

/**
 * Why a request failed, as a value the sync status and the screens can render.
 * `network` means no answer at all (offline, DNS, timeout); the others are the server's word.
 * A module of its own (no schemas) so the login screen can recognise it without loading them.
 */
export type ApiErrorCode = ErrorCode | 'network' | 'timeout' | 'bad-response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}
