import { z } from 'zod';
import {
  FieldConflictSchema,
  IdSchema,
  InstantSchema,
  nameText,
  TeamIdSchema,
} from '../domain/common';
import { EntityNameSchema } from '../domain/entities';
import { RejectCodeSchema } from './errors';
import { MAX_MUTATIONS_PER_PUSH, MAX_PULL_LIMIT, DEFAULT_PULL_LIMIT } from './versions';

export const DeviceIdSchema = nameText().min(8).max(64);

export const MutationOpSchema = z.enum(['create', 'update', 'delete']);
export type MutationOp = z.infer<typeof MutationOpSchema>;

/** One outbox entry on the wire. `clientTime` is metadata only: the server orders. */
export const MutationSchema = z.object({
  mutationId: IdSchema,
  deviceId: DeviceIdSchema,
  entity: EntityNameSchema,
  recordId: IdSchema,
  op: MutationOpSchema,
  fields: z.record(nameText().max(64), z.unknown()),
  baseVersion: z.number().int().min(0),
  clientTime: InstantSchema,
  resolvesConflicts: z.array(IdSchema).max(100).optional(),
  /**
   * For a create: the team the new record belongs to (one of the user's teams; the user's
   * default team when absent). Records that name a citizen must be in the citizen's team.
   * Ignored for update and delete (moving a record is an administrator's action).
   */
  teamId: TeamIdSchema.optional(),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushRequestSchema = z.object({
  deviceId: DeviceIdSchema,
  mutations: z.array(MutationSchema).min(1).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const AppliedResultSchema = z.object({
  mutationId: IdSchema,
  status: z.literal('applied'),
  recordId: IdSchema,
  version: z.number().int().min(0),
});
export const ConflictResultSchema = z.object({
  mutationId: IdSchema,
  status: z.literal('conflict'),
  recordId: IdSchema,
  version: z.number().int().min(0),
  kind: z.enum(['field-clash', 'edit-after-delete', 'delete-after-edit', 'final-note-changed']),
  message: z.string(),
  conflicts: z.array(FieldConflictSchema),
  /** The second note created when a final note was written again with other content. */
  createdRecordId: IdSchema.optional(),
});
export const RejectedResultSchema = z.object({
  mutationId: IdSchema,
  status: z.literal('rejected'),
  code: RejectCodeSchema,
  message: z.string(),
  issues: z.array(z.unknown()).optional(),
});
export const MutationResultSchema = z.discriminatedUnion('status', [
  AppliedResultSchema,
  ConflictResultSchema,
  RejectedResultSchema,
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResponseSchema = z.object({
  results: z.array(MutationResultSchema),
  serverTime: InstantSchema,
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const MAX_CURSOR_LENGTH = 4096;

/**
 * The cursor of a device that has pulled nothing yet: every scope from its beginning (a pull
 * without a cursor means the same). Opaque like every cursor.
 */
export const INITIAL_PULL_CURSOR = 'eyJ2IjoxLCJwIjp7fX0';

export const PullQuerySchema = z.object({
  /** The `nextCursor` of the previous page, opaque to the client; none: from the beginning. */
  cursor: z.string().max(MAX_CURSOR_LENGTH).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

/**
 * One entry of the team's change log. `record` is null for a tombstone and for `evict`: the
 * record left this device's scope (moved to another team) and is to be removed from the device
 * without deleting it anywhere else. `erase`: the record was erased (a citizen's erasure, see
 * docs/security.md "Retention and erasure"); the device removes it whatever it has pending, its
 * outbox entries and, for a citizen, every local record and draft naming it.
 */
export const ChangeSchema = z.object({
  seq: z.number().int().min(1),
  entity: EntityNameSchema,
  recordId: IdSchema,
  op: z.enum(['upsert', 'delete', 'evict', 'erase']),
  version: z.number().int().min(0),
  /**
   * The record as the server stores it. Checked here only to be an object; the device checks
   * it field by field with its entity's schema before storing it (sync/applyPulledPage), so a
   * first sync of 100,000 records walks each record once, not twice (a generic record check
   * copied every record key by key).
   */
  record: z
    .custom<Record<string, unknown>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      'Expected the record as an object',
    )
    .nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  /**
   * The highest seq this page delivered (0 for an empty page): for progress only, never a
   * position to pull from (positions are per scope, in `nextCursor`).
   */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** The newest sequence visible to this device now; for progress bars. */
  latestSeq: z.number().int().min(0),
  /** Send this as `cursor` next time (store it with the applied page, in one transaction). */
  nextCursor: z.string().max(MAX_CURSOR_LENGTH).optional(),
  /**
   * Teams whose records this device holds but may no longer see (the user left the team):
   * remove every local record of these teams, after the outbox was pushed.
   */
  evictTeams: z.array(TeamIdSchema).max(100).optional(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
