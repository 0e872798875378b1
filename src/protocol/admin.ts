import { z } from 'zod';
import { IdSchema, InstantSchema, shortText, TeamIdSchema } from '../domain/common';
import { RoleSchema, TeamRefSchema } from '../domain/user';
import { DeviceIdSchema } from './sync';

/** Administration (role admin only): users, their teams and devices, teams. */
export const AdminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: RoleSchema,
  teamId: TeamIdSchema,
  teams: z.array(TeamRefSchema),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;
export const AdminUsersResponseSchema = z.object({ users: z.array(AdminUserSchema) });
export type AdminUsersResponse = z.infer<typeof AdminUsersResponseSchema>;

const PasswordSchema = z.string().min(8).max(256);
const UsernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/);

export const CreateUserRequestSchema = z.object({
  username: UsernameSchema,
  name: shortText().min(1),
  role: RoleSchema,
  /** The first is the default team. */
  teams: z.array(TeamIdSchema).min(1).max(50),
  password: PasswordSchema,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const SetTeamsRequestSchema = z.object({
  /** The first is the default team. */
  teams: z.array(TeamIdSchema).min(1).max(50),
});
export const SetRoleRequestSchema = z.object({ role: RoleSchema });
export const ResetPasswordRequestSchema = z.object({ password: PasswordSchema });

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
  name: shortText().min(1),
});
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
  ]),
  /** Removed this many days after it was written (or last seen, for devices). */
  days: z.number().int().min(0),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;
export const RetentionPoliciesResponseSchema = z.object({
  policies: z.array(RetentionPolicySchema),
});
export type RetentionPoliciesResponse = z.infer<typeof RetentionPoliciesResponseSchema>;
