import { z } from 'zod';

/** Request-level error codes; each maps to one HTTP status. */
export const ERROR_CODES = {
  'invalid-request': 400,
  unauthorized: 401,
  forbidden: 403,
  /** The device was reported lost: the app wipes its local data for this user. */
  'device-revoked': 403,
  /**
   * The password was right but set by an administrator: no session until the user chooses their
   * own (POST /api/auth/password).
   */
  'password-change-required': 403,
  'not-found': 404,
  /**
   * A membership or role set by the identity provider's groups (OIDC_GROUP_MAP): changed only at
   * the provider, since the next sign-in would undo a change made in the app.
   */
  'provider-managed': 409,
  /**
   * A pull from before the change log's horizon (compaction removed tombstones since): the
   * device keeps its outbox, forgets its copy and cursor, and pulls again from the beginning.
   */
  'resync-required': 410,
  'payload-too-large': 413,
  'protocol-outdated': 426,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Per-mutation rejection codes. A rejected mutation never blocks the queue. */
export const REJECT_CODES = [
  'invalid-fields',
  'unknown-record',
  'server-owned-field',
  'note-final-immutable',
  'forbidden',
  /** The record holds MAX_CONFLICTS_PER_RECORD unsettled conflicts: settle some, then resend. */
  'too-many-conflicts',
  /** The record, or the citizen it names, was erased: the change is dropped and not kept. */
  'record-erased',
] as const;
export const RejectCodeSchema = z.enum(REJECT_CODES);
export type RejectCode = z.infer<typeof RejectCodeSchema>;
