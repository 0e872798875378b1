import { z } from 'zod';
import { shortText, TeamIdSchema, UserIdSchema } from './common';

/**
 * caseworker: works the cases of their teams. lead: a team leader, who may also read the access
 * log of their teams' citizens. admin: manages users, teams and devices and may read any
 * citizen's access log; sees case data only of the teams they belong to.
 */
export const RoleSchema = z.enum(['caseworker', 'lead', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

export const TeamRefSchema = z.object({ id: TeamIdSchema, name: shortText().min(1) });
export type TeamRef = z.infer<typeof TeamRefSchema>;

/** The signed-in caseworker as the server describes them. */
export const UserProfileSchema = z.object({
  id: UserIdSchema,
  username: z.string().min(1).max(64),
  name: shortText().min(1),
  /**
   * The team new records go to unless the caseworker picks another of `teams`; null while the
   * user belongs to no team (created at their first single sign-on, waiting for a lead).
   */
  teamId: TeamIdSchema.nullable(),
  teamName: shortText().min(1).nullable(),
  role: RoleSchema,
  /** Every team the user belongs to, `teamId` among them. */
  teams: z.array(TeamRefSchema).max(50).optional(),
});
export type UserProfile = z.infer<typeof UserProfileSchema>;
