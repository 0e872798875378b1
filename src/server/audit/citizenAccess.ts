import { sql, type RawBuilder, type SqlBool } from 'kysely';
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

type PagePosition = { at: string; id: string } | undefined;

/** "at|id" of the oldest entry on a page: the next page starts strictly before it. */
function splitBefore(before: string | undefined): PagePosition {
  if (!before) return undefined;
  const [at, id] = before.split('|');
  if (!at || !id) throw new HttpError('invalid-request', 'Bad paging position');
  return { at, id };
}

interface AccessRow {
  id: string;
  at: string;
  user_id: string | null;
  user_name: string | null;
  device_id: string | null;
  action: string;
  entity: string | null;
  record_id: string | null;
}

/** Newest first, and by id within the same instant: the order pages follow. */
const newestFirst = (a: AccessRow, b: AccessRow) =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;

/** Rows strictly before the paging position (newest first by `at`, then `id`); all without one. */
function beforePosition(from: PagePosition, at: string, id: string): RawBuilder<SqlBool> {
  if (!from) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.ref(at)} < ${from.at}
    or (${sql.ref(at)} = ${from.at} and ${sql.ref(id)} < ${from.id}))`;
}

/**
 * The citizen's deliveries: each a `deliver` entry with its page's id, time, user and device.
 * Pages folded into the citizen index are one range of (citizen_id, at, audit_id); pages still
 * staged (deliveryIndex.ts) are found by the citizen's id in their list. Both in ONE statement,
 * so a fold committing meanwhile cannot hide a page or show it twice.
 */
function deliveriesPage(
  database: Database,
  citizenId: string,
  limit: number,
  from: PagePosition,
): Promise<AccessRow[]> {
  const { db } = database;
  const position = database.dialect === 'postgres' ? sql.raw('strpos') : sql.raw('instr');
  const folded = db
    .selectFrom('audit_deliveries')
    .select(['at', 'audit_id'])
    .where('citizen_id', '=', citizenId)
    .where(beforePosition(from, 'at', 'audit_id'))
    .orderBy('at', 'desc')
    .orderBy('audit_id', 'desc')
    .limit(limit + 1);
  const staged = db
    .selectFrom('audit_deliveries_staged')
    .select(['at', 'audit_id'])
    .where(sql<SqlBool>`${position}(citizens, ${JSON.stringify(citizenId)}) > 0`)
    .where(beforePosition(from, 'at', 'audit_id'))
    .orderBy('at', 'desc')
    .orderBy('audit_id', 'desc')
    .limit(limit + 1);
  const delivered = db
    .selectFrom(folded.as('folded'))
    .selectAll()
    .unionAll(db.selectFrom(staged.as('staged')).selectAll())
    .as('delivered');
  return db
    .selectFrom(delivered)
    .innerJoin('audit_log', 'audit_log.id', 'delivered.audit_id')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select((eb) => [
      'delivered.audit_id as id',
      'delivered.at',
      'audit_log.user_id',
      'users.name as user_name',
      'audit_log.device_id',
      eb.val('deliver').as('action'),
      eb.val<string | null>(null).as('entity'),
      eb.val<string | null>(null).as('record_id'),
    ])
    .execute();
}

/**
 * One page of the citizen's access log, newest first: one range of (citizen_id, at) in the
 * audit log and the deliveries (deliveriesPage), merged.
 */
export async function citizenAccessPage(
  database: Database,
  citizenId: string,
  limit: number,
  before?: string,
): Promise<{ entries: CitizenAccessEntry[]; nextBefore?: string }> {
  const from = splitBefore(before);
  const query = database.db
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
    .where(beforePosition(from, 'audit_log.at', 'audit_log.id'))
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit + 1);
  const [logged, delivered] = await Promise.all([
    query.execute(),
    deliveriesPage(database, citizenId, limit, from),
  ]);
  const rows: AccessRow[] = [...logged, ...delivered].sort(newestFirst);
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
