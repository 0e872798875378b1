import type { UserProfile } from '../../domain/user';
import type { CitizenAccessEntry } from '../../protocol/audit';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';

/**
 * May this user read the citizen's access log? An admin always; a lead when the citizen is in
 * one of their teams. Anyone else, and a lead asking about an unknown or another team's citizen,
 * gets the same 403: the answer reveals nothing about other teams' citizens.
 */
export async function requireAccessLogReader(
  database: Database,
  user: UserProfile,
  citizenId: string,
): Promise<void> {
  if (user.role === 'admin') return;
  if (user.role === 'lead') {
    const row = await database.db
      .selectFrom('records')
      .select('team_id')
      .where('entity', '=', 'citizen')
      .where('id', '=', citizenId)
      .executeTakeFirst();
    if (row && (user.teams ?? []).some((t) => t.id === row.team_id)) return;
  }
  throw new HttpError('forbidden', "Only a lead of the citizen's team or an administrator");
}

/** "at|id" of the oldest entry on a page: the next page starts strictly before it. */
function splitBefore(before: string | undefined): { at: string; id: string } | undefined {
  if (!before) return undefined;
  const [at, id] = before.split('|');
  if (!at || !id) throw new HttpError('invalid-request', 'Bad paging position');
  return { at, id };
}

/** One page of the citizen's access log, newest first: one range of (citizen_id, at). */
export async function citizenAccessPage(
  database: Database,
  citizenId: string,
  limit: number,
  before?: string,
): Promise<{ entries: CitizenAccessEntry[]; nextBefore?: string }> {
  const from = splitBefore(before);
  let query = database.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.name as user_name',
      'audit_log.device_id',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.record_id',
    ])
    .where('audit_log.citizen_id', '=', citizenId)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit + 1);
  if (from) {
    query = query.where((eb) =>
      eb.or([
        eb('audit_log.at', '<', from.at),
        eb.and([eb('audit_log.at', '=', from.at), eb('audit_log.id', '<', from.id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const entries = page.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name ?? null,
    deviceId: r.device_id,
    action: r.action,
    entity: r.entity,
    recordId: r.record_id,
  }));
  const last = page.at(-1);
  return rows.length > limit && last
    ? { entries, nextBefore: `${last.at}|${last.id}` }
    : { entries };
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet runs no formula. */
function cell(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export const CSV_HEADER = ['tid', 'medarbejder', 'bruger-id', 'enhed', 'handling', 'type', 'post'];

export function toCsv(entries: readonly CitizenAccessEntry[]): string {
  const lines = [CSV_HEADER.map(cell).join(',')];
  for (const e of entries) {
    lines.push(
      [e.at, e.userName, e.userId, e.deviceId, e.action, e.entity, e.recordId].map(cell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
