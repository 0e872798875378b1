import type { FastifyInstance } from 'fastify';
import { SHARED_TEAM_ID } from '../../domain/common';
import type { TeamMembersResponse } from '../../protocol/team';
import type { Database } from '../data/schema';
import { teamIdsOf } from '../syncApi/scope';
import { requireUser } from './authHook';

/**
 * The users named by the municipality's schedule (shared, seen by every team): a colleague of
 * another team on shift at a shared location must show with their name, not their user id.
 */
async function scheduledUserIds(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('records')
    .select('data')
    .where('entity', '=', 'scheduleSlot')
    .where('team_id', '=', SHARED_TEAM_ID)
    .where('deleted', '=', 0)
    .execute();
  const ids = new Set<string>();
  for (const row of rows) {
    const userId = (JSON.parse(row.data) as { userId?: unknown }).userId;
    if (typeof userId === 'string') ids.add(userId);
  }
  return [...ids];
}

export function registerTeamRoutes(app: FastifyInstance, database: Database): void {
  /**
   * The colleagues of all the user's teams and those on the shared schedule, to show names for
   * createdBy, assigneeId, a shift etc.
   */
  app.get('/api/team/members', async (request): Promise<TeamMembersResponse> => {
    const user = requireUser(request);
    // A user with no team yet sees no colleagues (and `in ()` is no SQL).
    const teams = teamIdsOf(user);
    if (teams.length === 0) return { members: [] };
    const scheduled = await scheduledUserIds(database);
    const members = await database.db
      .selectFrom('users')
      .select(['id', 'username', 'name', 'role'])
      .where((eb) =>
        eb.or([
          eb(
            'id',
            'in',
            eb.selectFrom('user_teams').select('user_id').where('team_id', 'in', teams),
          ),
          ...(scheduled.length > 0 ? [eb('id', 'in', scheduled)] : []),
        ]),
      )
      .orderBy('name')
      .execute();
    return { members };
  });
}
