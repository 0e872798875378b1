import { z } from 'zod';
import { shortText, TeamIdSchema, UserIdSchema } from './common';

export const RoleSchema = z.enum(['caseworker', 'lead']);

/** The signed-in caseworker as the server describes them. */
export const UserProfileSchema = z.object({
  id: UserIdSchema,
  username: z.string().min(1).max(64),
  name: shortText().min(1),
  teamId: TeamIdSchema,
  teamName: shortText().min(1),
  role: RoleSchema,
});
export type UserProfile = z.infer<typeof UserProfileSchema>;
