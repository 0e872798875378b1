import { SHARED_TEAM_ID } from '../../domain/common';
import type { EntityName } from '../../domain/entities';
import type { RecordData } from '../../domain/merge';
import type { UserProfile } from '../../domain/user';
import type { MoveCitizenResponse } from '../../protocol/admin';
import { writeAudit } from '../audit/audit';
import type { Database } from '../data/schema';
import { nextSeq, withWriteTransaction, type WriteTx } from '../data/writeTransaction';
import { HttpError } from '../http/httpError';
import { loadRecord, saveRecordWithChange } from '../syncApi/recordStore';

/** Records that name a citizen by citizenId (domain: case, note, followUp, contact). */
const NAMING_ENTITIES = ['case', 'note', 'followUp', 'contact'] as const;

/** May this user move citizens from one team to another? Admin, or lead of both teams. */
export function mayMove(user: UserProfile, from: string, to: string): boolean {
  if (user.role === 'admin') return true;
  const teams = (user.teams ?? []).map((t) => t.id);
  return user.role === 'lead' && teams.includes(from) && teams.includes(to);
}

async function namingRecords(trx: WriteTx, citizenId: string, teamId: string) {
  // No index on citizenId in the JSON: a LIKE inside one team's records, then checked exactly.
  // A move is a rare administrative action, so a scan of one team is acceptable.
  const rows = await trx
    .selectFrom('records')
    .select(['entity', 'id', 'data'])
    .where('team_id', '=', teamId)
    .where('entity', 'in', [...NAMING_ENTITIES])
    .where('data', 'like', `%${citizenId}%`)
    .execute();
  return rows.filter((r) => (JSON.parse(r.data) as RecordData).citizenId === citizenId);
}

/**
 * Moves a citizen and every record naming it to another team, in one write transaction. The old
 * team's log loses the records' earlier entries (a later member of that team must not backfill
 * them) and gets one `evict` each; the new team's log gets an `upsert` each.
 */
export async function moveCitizen(
  database: Database,
  citizenId: string,
  toTeamId: string,
  by: UserProfile,
  requestId: string | null,
): Promise<MoveCitizenResponse> {
  return withWriteTransaction(database, async (trx) => {
    const citizen = await loadRecord(trx, 'citizen', citizenId);
    const from = citizen?.teamId;
    if (!citizen || !from || !mayMove(by, from, toTeamId)) {
      // The same answer for "no such citizen" and "not yours": ids of other teams stay unknown.
      throw new HttpError('forbidden', 'You may not move this citizen to that team');
    }
    const team = await trx
      .selectFrom('teams')
      .select('id')
      .where('id', '=', toTeamId)
      .executeTakeFirst();
    if (!team || toTeamId === SHARED_TEAM_ID) throw new HttpError('not-found', 'No such team');
    if (from === toTeamId) return { citizenId, fromTeamId: from, toTeamId, moved: 0 };
    const others = await namingRecords(trx, citizenId, from);
    const keys = [{ entity: 'citizen' as const, id: citizenId }, ...others];
    const now = new Date().toISOString();
    for (const key of keys) {
      const current = await loadRecord(trx, key.entity as EntityName, key.id);
      if (!current) continue;
      await trx
        .deleteFrom('changes')
        .where('team_id', '=', from)
        .where('entity', '=', current.entity)
        .where('record_id', '=', current.id)
        .execute();
      await trx
        .insertInto('changes')
        .values({
          seq: await nextSeq(trx),
          team_id: from,
          entity: current.entity,
          record_id: current.id,
          op: 'evict',
          version: current.version,
          data: null,
          created_at: now,
        })
        .execute();
      const version = current.version + 1;
      await saveRecordWithChange(trx, {
        ...current,
        teamId: toTeamId,
        version,
        data: { ...current.data, teamId: toTeamId, version, updatedAt: now },
      });
      await writeAudit(trx, {
        action: 'move',
        userId: by.id,
        teamId: toTeamId,
        entity: current.entity,
        recordId: current.id,
        citizenId,
        requestId,
        detail: { fromTeamId: from, toTeamId },
      });
    }
    return { citizenId, fromTeamId: from, toTeamId, moved: keys.length };
  });
}
