import type { UserProfile } from '../../domain/user';
import type { AccessRequestFile, CitizenAccessEntry, OmittedRecords } from '../../protocol/audit';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { writeAudit } from './audit';
import { citizenAccessPage } from './citizenAccess';

export type { AccessRequestFile, OmittedRecords };

/**
 * An access request for one citizen (GDPR art. 15), from the server: the citizen's records in
 * every team the requester may see (an administrator: all teams; a lead: the teams they lead),
 * each record's version history, a statement of what was left out and why, and the citizen's
 * access log. Audited as `access-request` with who asked and when.
 */
export async function accessRequest(
  database: Database,
  user: UserProfile,
  citizenId: string,
  context: { requestId?: string; deviceId?: string | null; now?: () => Date } = {},
): Promise<AccessRequestFile> {
  // A refusal answers the same 403 whatever the reason (it reveals nothing about other teams'
  // citizens) and is audited as `forbidden`: in the citizen's access log when the citizen exists.
  const refuse = async (reason: string, known: boolean): Promise<never> => {
    await writeAudit(database.db, {
      action: 'forbidden',
      userId: user.id,
      teamId: user.teamId,
      entity: 'citizen',
      recordId: citizenId,
      citizenId: known ? citizenId : null,
      deviceId: context.deviceId ?? null,
      requestId: context.requestId ?? null,
      detail: { what: 'access-request', reason },
    });
    throw new HttpError('forbidden', "Only a lead of the citizen's team or an administrator");
  };
  if (user.role !== 'admin' && user.role !== 'lead') {
    const citizen = await database.db
      .selectFrom('records')
      .select('id')
      .where('entity', '=', 'citizen')
      .where('id', '=', citizenId)
      .executeTakeFirst();
    return refuse(`role ${user.role}`, citizen !== undefined);
  }
  const visible = (teamId: string) =>
    user.role === 'admin' || (user.teams ?? []).some((t) => t.id === teamId);
  // No index on citizenId inside the JSON: a LIKE narrows, the parsed field decides. A rare action.
  const rows = await database.db
    .selectFrom('records')
    .select(['entity', 'id', 'team_id', 'deleted', 'data'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'citizen'), eb('id', '=', citizenId)]),
        eb('data', 'like', `%${citizenId}%`),
      ]),
    )
    .execute();
  const about = rows
    .map((r) => ({ ...r, parsed: JSON.parse(r.data) as Record<string, unknown> }))
    .filter((r) =>
      r.entity === 'citizen' ? r.id === citizenId : r.parsed.citizenId === citizenId,
    );
  if (!about.some((r) => r.entity === 'citizen' && visible(r.team_id)))
    return refuse(
      "not in the requester's teams",
      about.some((r) => r.entity === 'citizen'),
    );

  const records: AccessRequestFile['records'] = {};
  const omitted = new Map<string, OmittedRecords>();
  const shown: string[] = [];
  for (const r of about) {
    const reason = !visible(r.team_id) ? 'other-team' : r.deleted ? 'deleted' : null;
    if (reason) {
      const key = `${reason}|${r.team_id}|${r.entity}`;
      const o = omitted.get(key) ?? { reason, teamId: r.team_id, entity: r.entity, count: 0 };
      o.count++;
      omitted.set(key, o);
      continue;
    }
    (records[r.entity] ??= []).push(r.parsed);
    shown.push(r.id);
  }
  const history: AccessRequestFile['history'] = {};
  for (let i = 0; i < shown.length; i += 500) {
    const changes = await database.db
      .selectFrom('changes')
      .select(['record_id', 'version', 'op', 'created_at', 'seq'])
      .where('record_id', 'in', shown.slice(i, i + 500))
      .orderBy('seq')
      .execute();
    for (const c of changes)
      (history[c.record_id] ??= []).push({ version: c.version, op: c.op, at: c.created_at });
  }
  const accessLog: CitizenAccessEntry[] = [];
  let before: string | undefined;
  do {
    const page = await citizenAccessPage(database, citizenId, 500, before);
    accessLog.push(...page.entries);
    before = page.nextBefore;
  } while (before);

  const requestedAt = (context.now ?? (() => new Date()))().toISOString();
  await writeAudit(database.db, {
    action: 'access-request',
    userId: user.id,
    citizenId,
    entity: 'citizen',
    recordId: citizenId,
    deviceId: context.deviceId ?? null,
    requestId: context.requestId ?? null,
    detail: { records: shown.length, omitted: [...omitted.values()] },
  });
  return {
    kind: 'fremskudt-access-request',
    citizenId,
    requestedBy: { id: user.id, name: user.name, role: user.role },
    requestedAt,
    records,
    history,
    omitted: [...omitted.values()],
    accessLog,
  };
}
