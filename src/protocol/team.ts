import { z } from 'zod';
import { UserProfileSchema } from '../domain/user';

/** The caseworkers of the signed-in user's team, to show names for createdBy, assigneeId etc. */
export const TeamMemberSchema = UserProfileSchema.pick({
  id: true,
  username: true,
  name: true,
  role: true,
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamMembersResponseSchema = z.object({ members: z.array(TeamMemberSchema) });
export type TeamMembersResponse = z.infer<typeof TeamMembersResponseSchema>;
