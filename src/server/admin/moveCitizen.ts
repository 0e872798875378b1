import { SHARED_TEAM_ID } from '../../domain/common';
import type { StoredRecord } from '../../domain/merge';
import type { UserProfile } from '../../domain/user';
import type { MoveCitizenResponse } from '../../protocol/admin';
import { auditRows, type AuditEntry } from '../audit/audit';
import type { Database } from '../data/schema';
import { withWriteTransaction, type ChangeLogTx, type WriteTx } from '../data/writeTransaction';
import { HttpError } from '../http/httpError';
import { newChangeStage, stageEvict, stageRecord, writeStage } from '../syncApi/changeStage';
import { loadRecord, toStoredRecord } from '../syncApi/recordStore';

/** Records that name a citizen by citizenId (domain: case, note, followUp, contact). */
const NAMING_ENTITIES = ['case', 'note', 'followUp', 'contact', 'handoverMark'] as const;

/** May this user move citizens from one team to another? Admin, or lead of both teams. */
export function mayMove(user: UserProfile, from: string, to: string): boolean {
  if (user.role === 'admin') return true;
  const teams = (user.teams ?? []).map((t) => t.id);
  return user.role === 'lead' && teams.includes(from) && teams.includes(to);
}

/** The records of `teamId` naming the citizen, as the merge rules see them. */
export async function namingRecords(
  trx: WriteTx,
  citizenId: string,
  teamId: string,
): Promise<StoredRecord[]> {
  // No index on citizenId in the JSON: a LIKE inside one team's records, then checked exactly.
  // A move is a rare administrative action, so a scan of one team is acceptable.
  const rows = await trx
    .selectFrom('records')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('entity', 'in', [...NAMING_ENTITIES])
    .where('data', 'like', `%${citizenId}%`)
    .execute();
  return rows.map(toStoredRecord).filter((r) => r.data.citizenId === citizenId);
}

/** A concurrent move changed the citizen's team between the first read and the locks. */
const MOVED_MEANWHILE = Symbol('moved meanwhile');
const MOVE_ATTEMPTS = 3;

async function moveLocked(
  tx: ChangeLogTx,
  citizenId: string,
  from: string,
  toTeamId: string,
  audit: Omit<AuditEntry, 'action' | 'entity' | 'recordId' | 'citizenId' | 'teamId' | 'detail'>,
): Promise<number | typeof MOVED_MEANWHILE> {
  const { trx } = tx;
  const citizen = await loadRecord(trx, 'citizen', citizenId);
  if (!citizen || citizen.teamId !== from) return MOVED_MEANWHILE;
  const records = [citizen, ...(await namingRecords(trx, citizenId, from))];
  const now = new Date().toISOString();
  const stage = newChangeStage();
  const entries: AuditEntry[] = [];
  for (const record of records) {
    await trx
      .deleteFrom('changes')
      .where('team_id', '=', from)
      .where('entity', '=', record.entity)
      .where('record_id', '=', record.id)
      .execute();
    stageEvict(stage, record, from);
    const version = record.version + 1;
    stageRecord(stage, {
      ...record,
      teamId: toTeamId,
      version,
      data: { ...record.data, teamId: toTeamId, version, updatedAt: now },
    });
    entries.push({
      ...audit,
      action: 'move',
      teamId: toTeamId,
      entity: record.entity,
      recordId: record.id,
      citizenId,
      detail: { fromTeamId: from, toTeamId },
    });
  }
  await writeStage(tx, stage, [{ table: 'audit_log', rows: auditRows(entries) }]);
  return records.length;
}

/**
 * Moves a citizen and every record naming it to another team, in one write transaction that
 * locks both teams' change logs (data/writeTransaction.ts). The old team's log loses the
 * records' earlier entries (a later member of that team must not backfill them) and gets one
 * `evict` each; the new team's log gets an `upsert` each. The citizen's team is read before the
 * locks (it names the lock) and again under them; if a concurrent move changed it meanwhile, the
 * move starts again with the new team.
 */
export async function moveCitizen(
  database: Database,
  citizenId: string,
  toTeamId: string,
  by: UserProfile,
  requestId: string | null,
): Promise<MoveCitizenResponse> {
  for (let attempt = 1; ; attempt++) {
    const from = (await loadRecord(database.db, 'citizen', citizenId))?.teamId;
    if (!from || !mayMove(by, from, toTeamId)) {
      // The same answer for "no such citizen" and "not yours": ids of other teams stay unknown.
      throw new HttpError('forbidden', 'You may not move this citizen to that team');
    }
    const team = await database.db
      .selectFrom('teams')
      .select('id')
      .where('id', '=', toTeamId)
      .executeTakeFirst();
    if (!team || toTeamId === SHARED_TEAM_ID) throw new HttpError('not-found', 'No such team');
    if (from === toTeamId) return { citizenId, fromTeamId: from, toTeamId, moved: 0 };
    const moved = await withWriteTransaction(database, [from, toTeamId], (tx) =>
      moveLocked(tx, citizenId, from, toTeamId, { userId: by.id, requestId }),
    );
    if (moved !== MOVED_MEANWHILE) return { citizenId, fromTeamId: from, toTeamId, moved };
    if (attempt >= MOVE_ATTEMPTS)
      throw new Error(`Citizen ${citizenId} kept moving during ${MOVE_ATTEMPTS} attempts`);
  }
}
