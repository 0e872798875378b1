import type { FastifyInstance } from 'fastify';
import type { TeamMembersResponse } from '../../protocol/team';
import type { Database } from '../data/schema';
import { teamIdsOf } from '../syncApi/scope';
import { requireUser } from './authHook';

export function registerTeamRoutes(app: FastifyInstance, database: Database): void {
  /** The colleagues of all the user's teams, to show names for createdBy, assigneeId etc. */
  app.get('/api/team/members', async (request): Promise<TeamMembersResponse> => {
    const user = requireUser(request);
    const members = await database.db
      .selectFrom('users')
      .select(['id', 'username', 'name', 'role'])
      .where(
        'id',
        'in',
        database.db
          .selectFrom('user_teams')
          .select('user_id')
          .where('team_id', 'in', teamIdsOf(user)),
      )
      .orderBy('name')
      .execute();
    return { members };
  });
}
