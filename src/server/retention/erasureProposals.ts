import { sql } from 'kysely';
import { currentMarks, notesAwaitingHandover } from '../../domain/handoverMark';
import type { UserProfile } from '../../domain/user';
import type { ErasureProposal } from '../../protocol/admin';
import type { Config } from '../config';
import { jsonFieldSql } from '../data/jsonSql';
import type { Database, Dialect } from '../data/schema';
import { HttpError } from '../http/httpError';
import { mayErase } from './eraseCitizen';

export type ProposalConfig = Pick<
  Config,
  'ERASURE_PROPOSAL_INACTIVE_DAYS' | 'ERASURE_PROPOSAL_DISMISS_DAYS'
>;

/** Entities whose records name a citizen (`citizenId`): a change to one is the citizen's activity. */
const NAMING_ENTITIES = ['case', 'note', 'followUp', 'contact', 'handoverMark'] as const;

const DAY_MS = 86_400_000;

/** One field of a record's JSON, as text. Fixed names only (never from input). */
function jsonText(dialect: Dialect, name: 'citizenId' | 'updatedAt') {
  return sql.raw(jsonFieldSql(dialect, 'r.data', name));
}

/**
 * Per citizen, the time of the last change the server recorded to the citizen or to any record
 * naming them (case, note, follow-up, contact, handover mark), deletions included: the time of
 * each record's last change-log entry, or the record's own `updatedAt` where compaction removed
 * that entry (a tombstone past the horizon). One pass over those records.
 */
async function lastActivity(database: Database): Promise<Map<string, string>> {
  const { dialect } = database;
  const who = sql`case when r.entity = 'citizen' then r.id else ${jsonText(dialect, 'citizenId')} end`;
  const { rows } = await sql<{ citizen_id: string | null; last_at: string | null }>`
    select ${who} as citizen_id, max(coalesce(c.created_at, ${jsonText(dialect, 'updatedAt')}))
      as last_at
    from records r left join changes c on c.seq = r.updated_seq
    where r.entity in ('citizen', ${sql.join(NAMING_ENTITIES.map((e) => sql`${e}`))})
    group by 1`.execute(database.db);
  const out = new Map<string, string>();
  for (const r of rows) if (r.citizen_id && r.last_at) out.set(r.citizen_id, r.last_at);
  return out;
}

/**
 * The citizen's final notes, if every one of them is carried over to the system of record (has a
 * current handover mark, domain/handoverMark.ts); null if one is not. Drafts are never carried
 * over and do not count (they go with the citizen if erased, and the confirmation counts them).
 */
async function carriedOverNotes(
  database: Database,
  citizenId: string,
  teamId: string,
): Promise<number | null> {
  // No index on citizenId in the JSON: a LIKE within the team's notes and marks, checked exactly.
  const rows = await database.db
    .selectFrom('records')
    .select(['entity', 'data'])
    .where('team_id', '=', teamId)
    .where('entity', 'in', ['note', 'handoverMark'])
    .where('deleted', '=', 0)
    .where('data', 'like', `%${citizenId}%`)
    .execute();
  const notes: { id: string; status: string; occurredAt: string }[] = [];
  const marks: { id: string; noteId: string; createdAt: string; correctsMarkId?: string }[] = [];
  for (const row of rows) {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    if (data.citizenId !== citizenId) continue;
    if (row.entity === 'note') notes.push(data as unknown as (typeof notes)[number]);
    else marks.push(data as unknown as (typeof marks)[number]);
  }
  if (notesAwaitingHandover(notes, currentMarks(marks)).length > 0) return null;
  return notes.filter((n) => n.status === 'final').length;
}

export interface ProposalRun {
  /** Citizens newly proposed (or proposed again after a dismissal ran out). */
  proposed: number;
  /** Open proposals withdrawn: the citizen was active again, or is gone. */
  withdrawn: number;
}

/**
 * Proposes for erasure every citizen with no activity since `now - ERASURE_PROPOSAL_INACTIVE_DAYS`
 * whose final notes are all carried over; withdraws open proposals whose citizen was active since
 * or is gone (erased, deleted); forgets dismissals once ERASURE_PROPOSAL_DISMISS_DAYS have run
 * out, so the citizen may be proposed again. An open proposal is not checked again for carried-
 * over notes: any new note or mark is activity, which withdraws it. Idempotent. Stores ids,
 * dates and a count only.
 */
export async function proposeErasures(
  database: Database,
  config: ProposalConfig,
  now: Date,
): Promise<ProposalRun> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - config.ERASURE_PROPOSAL_INACTIVE_DAYS * DAY_MS);
  const before = cutoff.toISOString();
  await database.db.deleteFrom('erasure_proposals').where('dismissed_until', '<', at).execute();
  const activity = await lastActivity(database);
  const citizens = await database.db
    .selectFrom('records')
    .select(['id', 'team_id'])
    .where('entity', '=', 'citizen')
    .where('deleted', '=', 0)
    .execute();
  const existing = new Map(
    (await database.db.selectFrom('erasure_proposals').selectAll().execute()).map((p) => [
      p.citizen_id,
      p,
    ]),
  );
  const live = new Set(citizens.map((c) => c.id));
  const withdraw: string[] = [...existing.keys()].filter((id) => !live.has(id));
  let proposed = 0;
  for (const { id, team_id: teamId } of citizens) {
    const last = activity.get(id);
    const held = existing.get(id);
    if (last === undefined || last >= before) {
      // Active again: an open proposal goes; a dismissal stays until it runs out.
      if (held && held.dismissed_at === null) withdraw.push(id);
      continue;
    }
    if (held) continue;
    const notes = await carriedOverNotes(database, id, teamId);
    if (notes === null) continue;
    await database.db
      .insertInto('erasure_proposals')
      .values({
        citizen_id: id,
        team_id: teamId,
        proposed_at: at,
        last_activity_at: last,
        notes,
        dismissed_at: null,
        dismissed_by: null,
        dismissed_until: null,
      })
      .onConflict((oc) => oc.column('citizen_id').doNothing())
      .execute();
    proposed += 1;
  }
  for (const id of withdraw) {
    await database.db.deleteFrom('erasure_proposals').where('citizen_id', '=', id).execute();
  }
  return { proposed, withdrawn: withdraw.length };
}

/** The open proposals a user may act on: a lead's teams', or every team's for an administrator. */
export async function openProposals(
  database: Database,
  user: UserProfile,
): Promise<ErasureProposal[]> {
  const teams = user.role === 'admin' ? 'all' : (user.teams ?? []).map((t) => t.id);
  if (teams !== 'all' && teams.length === 0) return [];
  let query = database.db
    .selectFrom('erasure_proposals')
    .select(['citizen_id', 'team_id', 'proposed_at', 'last_activity_at', 'notes'])
    .where('dismissed_at', 'is', null);
  if (teams !== 'all') query = query.where('team_id', 'in', teams);
  const rows = await query.orderBy('last_activity_at').orderBy('citizen_id').execute();
  return rows.map((r) => ({
    citizenId: r.citizen_id,
    teamId: r.team_id,
    proposedAt: r.proposed_at,
    lastActivityAt: r.last_activity_at,
    notes: Number(r.notes),
  }));
}

/**
 * A lead of the citizen's team (or an administrator) dismisses an open proposal: the citizen is
 * kept and not proposed again before `until`. Returns the proposal's team for the audit entry.
 */
export async function dismissProposal(
  database: Database,
  citizenId: string,
  by: UserProfile,
  now: Date,
  config: ProposalConfig,
): Promise<{ teamId: string; until: string }> {
  const held = await database.db
    .selectFrom('erasure_proposals')
    .select(['team_id', 'dismissed_at'])
    .where('citizen_id', '=', citizenId)
    .executeTakeFirst();
  // The same answer for "no such proposal" and "not your team": other teams' ids stay unknown.
  if (!held || !mayErase(by, held.team_id))
    throw new HttpError('not-found', 'No open erasure proposal for this citizen');
  if (held.dismissed_at !== null)
    throw new HttpError('not-found', 'No open erasure proposal for this citizen');
  const until = new Date(
    now.getTime() + config.ERASURE_PROPOSAL_DISMISS_DAYS * DAY_MS,
  ).toISOString();
  const updated = await database.db
    .updateTable('erasure_proposals')
    .set({ dismissed_at: now.toISOString(), dismissed_by: by.id, dismissed_until: until })
    .where('citizen_id', '=', citizenId)
    .where('dismissed_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new HttpError('not-found', 'No open erasure proposal for this citizen');
  return { teamId: held.team_id, until };
}
