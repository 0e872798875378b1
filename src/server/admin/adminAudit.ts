import type { AdminAction, AdminLogEntry, AdminLogQuery } from '../../protocol/admin';
import { AdminLogQuerySchema } from '../../protocol/admin';
import { writeAudit } from '../audit/audit';
import type { Database } from '../data/schema';

/** Who performed an administrative action: a signed-in user, or the command line ("cli"). */
export interface AdminActor {
  userId: string;
  deviceId?: string | null;
  requestId?: string | null;
}

/**
 * One entry of the administration log: audit action `admin`, the action's name in `entity` (so the
 * log filters on it in SQL), the team it concerns in `team_id` (so a lead sees their teams'), the
 * user it concerns in `record_id`.
 */
export async function auditAdmin(
  database: Database,
  by: AdminActor,
  what: AdminAction,
  target: { teamId?: string | null; userId?: string | null },
  detail: Record<string, unknown> = {},
): Promise<void> {
  await writeAudit(database.db, {
    action: 'admin',
    userId: by.userId,
    deviceId: by.deviceId ?? null,
    requestId: by.requestId ?? null,
    teamId: target.teamId ?? null,
    entity: what,
    recordId: target.userId ?? null,
    detail: { what, ...(target.userId ? { userId: target.userId } : {}), ...detail },
  });
}

/**
 * The administration log, newest first. `teams`: the teams the reader may see (a lead's), or
 * 'all' (an administrator, who also sees entries about no team, e.g. a role change).
 */
export async function adminLog(
  database: Database,
  query: AdminLogQuery,
  teams: readonly string[] | 'all',
): Promise<{ entries: AdminLogEntry[]; hasMore: boolean }> {
  const q = AdminLogQuerySchema.parse(query);
  if (teams !== 'all' && teams.length === 0) return { entries: [], hasMore: false };
  let select = database.db
    .selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.user_id')
    .leftJoin('users as target', 'target.id', 'audit_log.record_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'audit_log.team_id',
      'audit_log.entity',
      'audit_log.record_id',
      'audit_log.detail',
      'actor.name as actor_name',
      'target.name as target_name',
    ])
    .where('audit_log.action', '=', 'admin');
  if (teams !== 'all') select = select.where('audit_log.team_id', 'in', [...teams]);
  if (q.teamId) select = select.where('audit_log.team_id', '=', q.teamId);
  if (q.by) select = select.where('audit_log.user_id', '=', q.by);
  if (q.what) select = select.where('audit_log.entity', '=', q.what);
  if (q.before) select = select.where('audit_log.at', '<', new Date(q.before).toISOString());
  const rows = await select
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const entries = rows.slice(0, q.limit).map((r) => {
    const detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {};
    return {
      id: r.id,
      at: r.at,
      by: r.user_id,
      byName: r.actor_name ?? null,
      what: r.entity ?? '',
      teamId: r.team_id,
      userId: r.record_id,
      userName: r.target_name ?? null,
      detail,
    };
  });
  return { entries, hasMore: rows.length > q.limit };
}
