import type { FastifyInstance } from 'fastify';
import type { TeamMembersResponse } from '../../protocol/team';
import type { Database } from '../data/schema';
import { requireUser } from './authHook';

export function registerTeamRoutes(app: FastifyInstance, database: Database): void {
  app.get('/api/team/members', async (request): Promise<TeamMembersResponse> => {
    const user = requireUser(request);
    const members = await database.db
      .selectFrom('users')
      .select(['id', 'username', 'name', 'role'])
      .where('team_id', '=', user.teamId)
      .orderBy('name')
      .execute();
    return { members };
  });
}
