import { z } from 'zod';
import { IdSchema, InstantSchema, nameText, SHORT_TEXT_MAX, TeamIdSchema } from '../domain/common';
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
/** A person's or a team's name as the administrator types it (stored as a column, not in JSON). */
const DisplayNameSchema = nameText().trim().min(1).max(SHORT_TEXT_MAX);
const UsernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/);

export const CreateUserRequestSchema = z.object({
  username: UsernameSchema,
  name: DisplayNameSchema,
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
  name: DisplayNameSchema,
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
