import { z } from 'zod';

export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** An instant with offset, e.g. "2026-11-24T14:05:00.000Z". */
export const InstantSchema = z.iso.datetime({ offset: true });
/** A calendar date, e.g. "2026-11-24". */
export const DateOnlySchema = z.iso.date();
/** A wall-clock time "HH:MM". */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time-of-day');

/** A surrogate code unit not part of a pair (with the u flag, a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Text that names something (an id, a key, a username, a team's name): never with a NUL
 * character (U+0000) nor a lone surrogate (half of an emoji). PostgreSQL's text cannot hold
 * either (SQLite stores a NUL, and a lone surrogate as U+FFFD), so such a request failed there
 * with a database error; refused at the border it answers the same 400 on both databases.
 * Free-text field values may hold both: they are stored inside the record's JSON, escaped.
 */
export const nameText = () =>
  z
    .string()
    .refine((value) => !value.includes('\u0000'), { message: 'nul-character' })
    .refine((value) => !LONE_SURROGATE.test(value), { message: 'lone-surrogate' });

export const TeamIdSchema = nameText().min(1).max(64);
/**
 * The scope of what the whole municipality shares (locations and their weekly schedule): such
 * records carry this as their teamId, and every signed-in user's pulls include it.
 */
export const SHARED_TEAM_ID = 'shared';
export const UserIdSchema = nameText().min(1).max(64);

/** Free text limits, in characters. */
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 20_000;

export const shortText = () => z.string().trim().max(SHORT_TEXT_MAX);
export const longText = () => z.string().max(LONG_TEXT_MAX);

/**
 * A same-field clash the server resolved (first write in server order wins) and kept visible:
 * the losing value waits here until a caseworker settles it.
 */
export const FieldConflictSchema = z.object({
  id: IdSchema,
  field: nameText().max(64),
  losingValue: z.unknown(),
  winningValue: z.unknown(),
  /** Who wrote the value that was kept, and when (absent when the server no longer knows). */
  winningUserId: UserIdSchema.optional(),
  winningAt: InstantSchema.optional(),
  losingUserId: UserIdSchema.optional(),
  losingDeviceId: nameText().max(64).optional(),
  at: InstantSchema,
  kind: z.enum(['field-clash', 'edit-after-delete', 'delete-after-edit']),
});
export type FieldConflict = z.infer<typeof FieldConflictSchema>;

/**
 * Unsettled conflicts one record may hold. A mutation that would add one more is refused
 * (`too-many-conflicts`, domain/merge.ts) rather than dropping a losing value: the device keeps
 * it in "Til behandling" until the record's conflicts are settled and it is sent again.
 */
export const MAX_CONFLICTS_PER_RECORD = 100;

/**
 * Fields every synced record carries. `version` is the server's version of the record (0 = never
 * acknowledged by the server); `conflicts` is owned by the server.
 */
export const recordMetaShape = {
  id: IdSchema,
  teamId: TeamIdSchema,
  version: z.number().int().min(0),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  createdBy: UserIdSchema,
  updatedBy: UserIdSchema,
  conflicts: z.array(FieldConflictSchema).max(MAX_CONFLICTS_PER_RECORD).default([]),
};

/** Fields a client may never set through an update mutation. */
export const SERVER_OWNED_FIELDS = [
  'id',
  'teamId',
  'version',
  'createdAt',
  'createdBy',
  'conflicts',
] as const;
