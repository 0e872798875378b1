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
