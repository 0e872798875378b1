import type { FastifyInstance } from 'fastify';
import { SHARED_TEAM_ID } from '../../domain/common';
import { localDateOf, MAX_REPORT_MONTHS, reportMonths } from '../../domain/statisticsPeriod';
import type { UserProfile } from '../../domain/user';
import {
  StatisticsQuerySchema,
  type NamedRow,
  type StatisticsReport,
} from '../../protocol/statistics';
import { writeAudit } from '../audit/audit';
import { requireUser } from '../auth/authHook';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { teamIdsOf } from '../syncApi/scope';
import { statisticsReport } from './statisticsReport';

export interface StatisticsOptions {
  /** Counts of people under this are withheld (STATISTICS_THRESHOLD). */
  threshold: number;
  now?: () => Date;
}

/**
 * The teams whose numbers the user may see: a lead their own teams; an administrator every team,
 * since the report holds aggregates only. A caseworker none.
 */
async function visibleTeams(database: Database, user: UserProfile): Promise<NamedRow[]> {
  const teams = await database.db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('id', '!=', SHARED_TEAM_ID)
    .orderBy('name')
    .execute();
  if (user.role === 'admin') return teams;
  const own = new Set(teamIdsOf(user));
  return teams.filter((t) => own.has(t.id));
}

export function registerStatisticsRoutes(
  app: FastifyInstance,
  database: Database,
  options: StatisticsOptions,
): void {
  const now = options.now ?? (() => new Date());

  app.get('/api/statistics', async (request): Promise<StatisticsReport> => {
    const user = requireUser(request);
    const audit = (action: 'statistics' | 'forbidden', detail: unknown) =>
      writeAudit(database.db, {
        action,
        userId: user.id,
        teamId: user.teamId,
        entity: 'statistics',
        deviceId: request.sessionDeviceId,
        requestId: request.id,
        detail,
      });
    if (user.role !== 'lead' && user.role !== 'admin') {
      await audit('forbidden', { reason: 'role', role: user.role });
      throw new HttpError('forbidden', 'Statistics are for team leads and administrators');
    }
    const query = StatisticsQuerySchema.parse(request.query);
    const months = reportMonths(query.from, query.to);
    if (months.length === 0 || months.length > MAX_REPORT_MONTHS) {
      throw new HttpError(
        'invalid-request',
        `The period must run forwards and span at most ${MAX_REPORT_MONTHS} months`,
      );
    }
    const visible = await visibleTeams(database, user);
    const outside = (query.teams ?? []).filter((id) => !visible.some((t) => t.id === id));
    if (outside.length > 0) {
      await audit('forbidden', { reason: 'team', teams: outside });
      throw new HttpError('forbidden', 'You may not see statistics of these teams', { outside });
    }
    const teams = query.teams ? visible.filter((t) => query.teams!.includes(t.id)) : visible;
    const at = now();
    const report = await statisticsReport(database, {
      from: query.from,
      to: query.to,
      months,
      teams,
      availableTeams: visible,
      ...(query.locations ? { locationIds: query.locations } : {}),
      threshold: options.threshold,
      today: localDateOf(at),
      computedAt: at.toISOString(),
    });
    await audit('statistics', {
      from: query.from,
      to: query.to,
      teams: teams.map((t) => t.id),
      ...(query.locations ? { locations: query.locations } : {}),
    });
    return report;
  });
}
