import { z } from 'zod';
import { IdSchema, InstantSchema, nameText, SHORT_TEXT_MAX, TeamIdSchema } from '../domain/common';
import { RoleSchema, TeamRefSchema } from '../domain/user';
import { NewPasswordSchema } from './auth';
import { DeviceIdSchema } from './sync';

/** Administration (role admin only): users, their teams and devices, teams. */
export const AdminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** Null: the user has no team yet (created at their first single sign-on). */
  teamId: TeamIdSchema.nullable(),
  teams: z.array(TeamRefSchema),
  /**
   * The memberships the provider's group claim gave (OIDC_GROUP_MAP): set at each sign-in, so
   * the app does not remove them.
   */
  providerTeams: z.array(TeamIdSchema).default([]),
  /** The role came from the provider's group claim: the app does not change it. */
  roleFromProvider: z.boolean().default(false),
  /** False once an administrator deactivated the user (no login, no session). */
  active: z.boolean(),
  /** The user still has the initial password an administrator set. */
  mustChangePassword: z.boolean(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;
export const AdminUsersResponseSchema = z.object({ users: z.array(AdminUserSchema) });
export type AdminUsersResponse = z.infer<typeof AdminUsersResponseSchema>;

/** A person's or a team's name as the administrator types it (stored as a column, not in JSON). */
const DisplayNameSchema = nameText().trim().min(1).max(SHORT_TEXT_MAX);
const UsernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  // `@`: a username taken from the identity provider (Entra's preferred_username is an e-mail).
  .regex(/^[a-zA-Z0-9._@-]+$/);

export const CreateUserRequestSchema = z.object({
  username: UsernameSchema,
  name: DisplayNameSchema,
  role: RoleSchema,
  /** The first is the default team. */
  teams: z.array(TeamIdSchema).min(1).max(50),
  /** The initial password, told to the user by the administrator. */
  password: NewPasswordSchema,
  /** True: the user must choose their own password at the first login. */
  mustChangePassword: z.boolean().optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const SetTeamsRequestSchema = z.object({
  /** The first is the default team. */
  teams: z.array(TeamIdSchema).min(1).max(50),
});
export const SetRoleRequestSchema = z.object({ role: RoleSchema });
export const ResetPasswordRequestSchema = z.object({
  password: NewPasswordSchema,
  /** True: the user must choose their own password at the next login. */
  mustChangePassword: z.boolean().optional(),
});
/** Deactivate (false) or reactivate (true) a user; deactivating ends their sessions. */
export const SetActiveRequestSchema = z.object({ active: z.boolean() });

/** A member to add to a team (admin, or a lead of the team): by username or id. */
export const AddMemberRequestSchema = z.object({ user: UsernameSchema });
/** Users with no team yet, for a lead to add to one of theirs (GET /api/admin/users/waiting). */
export const WaitingUserSchema = AdminUserSchema.pick({ id: true, username: true, name: true });
export type WaitingUser = z.infer<typeof WaitingUserSchema>;
export const WaitingUsersResponseSchema = z.object({ users: z.array(WaitingUserSchema) });
export type WaitingUsersResponse = z.infer<typeof WaitingUsersResponseSchema>;

export const AdminTeamMembersResponseSchema = z.object({ members: z.array(AdminUserSchema) });
export type AdminTeamMembersResponse = z.infer<typeof AdminTeamMembersResponseSchema>;

export const AdminDeviceSchema = z.object({
  id: DeviceIdSchema,
  userId: z.string(),
  username: z.string(),
  label: z.string().nullable(),
  createdAt: InstantSchema,
  lastSeenAt: InstantSchema.nullable(),
  revokedAt: InstantSchema.nullable(),
});
export type AdminDevice = z.infer<typeof AdminDeviceSchema>;
export const AdminDevicesResponseSchema = z.object({ devices: z.array(AdminDeviceSchema) });
export type AdminDevicesResponse = z.infer<typeof AdminDevicesResponseSchema>;

export const CreateTeamRequestSchema = z.object({
  id: TeamIdSchema.regex(/^[a-z0-9-]+$/),
  name: DisplayNameSchema,
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequestSchema>;
export const RenameTeamRequestSchema = z.object({ name: DisplayNameSchema });
export const TeamsResponseSchema = z.object({ teams: z.array(TeamRefSchema) });
export type TeamsResponse = z.infer<typeof TeamsResponseSchema>;

export const MoveCitizenRequestSchema = z.object({ teamId: TeamIdSchema });
export const MoveCitizenResponseSchema = z.object({
  citizenId: IdSchema,
  fromTeamId: TeamIdSchema,
  toTeamId: TeamIdSchema,
  /** The citizen and every record naming it. */
  moved: z.number().int().min(0),
});
export type MoveCitizenResponse = z.infer<typeof MoveCitizenResponseSchema>;

/** What an administrative action did: the `what` of its audit entry. */
export const ADMIN_ACTIONS = [
  'create-user',
  'set-active',
  'set-role',
  'reset-password',
  'revoke-sessions',
  'add-member',
  'remove-member',
  'set-teams',
  'revoke-device',
  'create-team',
  'rename-team',
  'move-citizen',
  'rescue-import',
  'dismiss-erasure-proposal',
] as const;
export const AdminActionSchema = z.enum(ADMIN_ACTIONS);
export type AdminAction = z.infer<typeof AdminActionSchema>;

/** Filters of the administration log; every one optional. */
export const AdminLogQuerySchema = z.object({
  teamId: TeamIdSchema.optional(),
  /** Who did it (user id). */
  by: z.string().min(1).max(64).optional(),
  what: AdminActionSchema.optional(),
  /** Entries strictly older than this instant (the next page). */
  before: InstantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AdminLogQuery = Partial<z.infer<typeof AdminLogQuerySchema>>;

export const AdminLogEntrySchema = z.object({
  id: z.string(),
  at: InstantSchema,
  /** Who did it: a user id, or "cli" for the command line. */
  by: z.string().nullable(),
  byName: z.string().nullable(),
  what: z.string(),
  teamId: z.string().nullable(),
  /** The user the action concerned, where one did. */
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AdminLogEntry = z.infer<typeof AdminLogEntrySchema>;
export const AdminLogResponseSchema = z.object({
  entries: z.array(AdminLogEntrySchema),
  hasMore: z.boolean(),
});
export type AdminLogResponse = z.infer<typeof AdminLogResponseSchema>;
/**
 * Erasing a citizen: the body repeats the citizen's id, so a request built for another citizen
 * (a stale screen, a wrong link) cannot erase this one. Final: there is no undo.
 */
export const EraseCitizenRequestSchema = z.object({ confirmCitizenId: IdSchema });
export const EraseCitizenResponseSchema = z.object({
  citizenId: IdSchema,
  erasedAt: InstantSchema,
  /** How many records of each kind went (citizen, case, note, followUp, contact). */
  erased: z.record(z.string(), z.number().int().min(0)),
  /** The change-log position of the erasure: a device that pulled past it has removed them. */
  seq: z.number().int().min(0),
});
export type EraseCitizenResponse = z.infer<typeof EraseCitizenResponseSchema>;

/** One retention rule as configured on the server (docs/security.md, "Retention and erasure"). */
export const RetentionPolicySchema = z.object({
  kind: z.enum([
    'audit-log',
    'refused-changes',
    'devices',
    'change-log-versions',
    'change-log-tombstones',
    'erasure-proposal',
    'erasure-proposal-dismissal',
    'anonymous-contact-details',
  ]),
  /** Removed this many days after it was written (or last seen, for devices). */
  days: z.number().int().min(0),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;
export const RetentionPoliciesResponseSchema = z.object({
  policies: z.array(RetentionPolicySchema),
});
export type RetentionPoliciesResponse = z.infer<typeof RetentionPoliciesResponseSchema>;

/**
 * A citizen the retention job proposes for erasure: no activity since `lastActivityAt` and every
 * final note carried over (`notes` of them). Ids, dates and a count only: the app shows the name
 * from its own copy of the citizen.
 */
export const ErasureProposalSchema = z.object({
  citizenId: IdSchema,
  teamId: z.string(),
  proposedAt: InstantSchema,
  lastActivityAt: z.string(),
  notes: z.number().int().min(0),
});
export type ErasureProposal = z.infer<typeof ErasureProposalSchema>;
export const ErasureProposalsResponseSchema = z.object({
  proposals: z.array(ErasureProposalSchema),
});
export type ErasureProposalsResponse = z.infer<typeof ErasureProposalsResponseSchema>;
export const DismissProposalResponseSchema = z.object({
  citizenId: IdSchema,
  /** Not proposed again before this instant. */
  dismissedUntil: InstantSchema,
});
export type DismissProposalResponse = z.infer<typeof DismissProposalResponseSchema>;
/** An administrator's upload of a rescue file (see protocol/rescue.ts): the file's text. */
export const RescueImportRequestSchema = z.object({
  file: z.string().min(1),
  passphrase: z.string().min(1).max(1024),
});
export type RescueImportRequest = z.infer<typeof RescueImportRequestSchema>;

/** What an import did: per change, as a push answers; `alreadyApplied` had arrived before. */
export const RescueImportResponseSchema = z.object({
  userId: z.string(),
  deviceId: z.string(),
  exportedAt: z.string(),
  count: z.number().int().min(0),
  alreadyApplied: z.number().int().min(0),
  applied: z.number().int().min(0),
  conflicts: z.number().int().min(0),
  rejected: z.number().int().min(0),
});
export type RescueImportResponse = z.infer<typeof RescueImportResponseSchema>;
