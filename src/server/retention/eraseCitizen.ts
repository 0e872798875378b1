import { sql } from 'kysely';
import type { StoredRecord } from '../../domain/merge';
import type { UserProfile } from '../../domain/user';
import type { EraseCitizenResponse } from '../../protocol/admin';
import { namingRecords } from '../admin/moveCitizen';
import { auditRows } from '../audit/audit';
import { chunkRows } from '../data/bindLimits';
import type { Database } from '../data/schema';
import { insertRows } from '../data/tableRows';
import { allocateSeqs, withWriteTransaction, type ChangeLogTx } from '../data/writeTransaction';
import { HttpError } from '../http/httpError';
import { loadRecord } from '../syncApi/recordStore';
import { identifyingTokens, termContainsAny } from './searchTerms';

/** May this user erase a citizen of `teamId`? An administrator, or a lead of that team. */
export function mayErase(user: UserProfile, teamId: string): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'lead' && (user.teams ?? []).some((t) => t.id === teamId);
}

/**
 * The `records` row an erased record keeps: no content, only that it was erased and when. It
 * stays so a device that was offline cannot bring the record back with an old edit: the push
 * refuses changes to it and new records naming it (`record-erased`, see isErased).
 */
export function erasedData(at: string): string {
  return JSON.stringify({ erasedAt: at });
}

/** True for the stored state of an erased record (see erasedData). */
export function isErased(record: StoredRecord | undefined): boolean {
  return record !== undefined && record.deleted && typeof record.data.erasedAt === 'string';
}

/** LIKE patterns finding any of the ids inside a JSON text column. */
const likeAny = (ids: readonly string[]) => ids.map((id) => `%${id}%`);

async function eraseLocked(
  tx: ChangeLogTx,
  citizen: StoredRecord,
  by: UserProfile,
  requestId: string | null,
  now: Date,
): Promise<EraseCitizenResponse> {
  const { trx } = tx;
  const at = now.toISOString();
  const records = [citizen, ...(await namingRecords(trx, citizen.id, citizen.teamId))];
  const ids = records.map((r) => r.id);
  const erased: Record<string, number> = {};
  for (const r of records) erased[r.entity] = (erased[r.entity] ?? 0) + 1;
  for (const chunk of chunkRows(ids, 1)) {
    // Every earlier version in the change log: a device pulling from far back gets only `erase`.
    await trx
      .deleteFrom('changes')
      .where('team_id', '=', citizen.teamId)
      .where('record_id', 'in', chunk)
      .execute();
    // Refused changes of these records were kept in full (the mutation as sent).
    await trx.deleteFrom('rejected_mutations').where('record_id', 'in', chunk).execute();
  }
  // Refused creates of other records that named the citizen (the record never existed here).
  await trx.deleteFrom('rejected_mutations').where('mutation', 'like', `%${citizen.id}%`).execute();
  // The first answer of a push is kept for retries; only a conflict's answer carries field values.
  // One scan of the table per chunk of ids, not one per id.
  for (const chunk of chunkRows(ids, 1)) {
    await trx
      .deleteFrom('applied_mutations')
      .where('result', 'like', '%"status":"conflict"%')
      .where((eb) => eb.or(likeAny(chunk).map((pattern) => eb('result', 'like', pattern))))
      .execute();
  }
  // The audit log keeps who accessed what and when, with ids only: details may carry what a
  // device described (fields, search words), so they go.
  await trx
    .updateTable('audit_log')
    .set({ detail: null })
    .where((eb) =>
      eb.or([
        eb('citizen_id', '=', citizen.id),
        ...chunkRows(ids, 1).map((chunk) => eb('record_id', 'in', chunk)),
      ]),
    )
    .execute();
  await clearSearchTerms(tx, citizen);
  // A proposal to erase the citizen is settled by the erasure (retention/erasureProposals.ts).
  await trx.deleteFrom('erasure_proposals').where('citizen_id', '=', citizen.id).execute();
  const seqs = await allocateErasures(tx, records, at);
  await trx
    .insertInto('audit_log')
    .values(
      auditRows(
        [
          {
            action: 'erase',
            userId: by.id,
            teamId: citizen.teamId,
            entity: 'citizen',
            recordId: citizen.id,
            citizenId: citizen.id,
            requestId,
            detail: { erased },
          },
        ],
        now,
      ),
    )
    .execute();
  return { citizenId: citizen.id, erasedAt: at, erased, seq: Math.max(...seqs) };
}

/**
 * Searches are reported by devices with the term and no citizen (the device searched its local
 * copy): a term naming the citizen (a name, the CPR, the phone; searchTerms.ts) loses the term and
 * keeps who searched and when. Only searches that could have found the citizen: those of the
 * citizen's team and of the team's members (a search is stored under the searcher's default team).
 * A term also naming someone else is cleared all the same.
 */
async function clearSearchTerms(tx: ChangeLogTx, citizen: StoredRecord): Promise<void> {
  const naming = termContainsAny(tx.dialect, identifyingTokens(citizen.data));
  if (!naming) return;
  await tx.trx
    .updateTable('audit_log')
    .set({ detail: null })
    .where('action', '=', 'search')
    .where('detail', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('team_id', '=', citizen.teamId),
        eb(
          'user_id',
          'in',
          eb.selectFrom('user_teams').select('user_id').where('team_id', '=', citizen.teamId),
        ),
      ]),
    )
    .where(naming)
    .execute();
}

/**
 * One `erase` change per record, and its `records` row reduced to erasedData. Written here
 * rather than through changeStage: an erasure is not a new state of the record for the merge
 * rules, and its row must lose the field versions too.
 */
async function allocateErasures(
  tx: ChangeLogTx,
  records: readonly StoredRecord[],
  at: string,
): Promise<number[]> {
  const seqs = await allocateSeqs(
    tx,
    records.map((r) => r.teamId),
  );
  const data = erasedData(at);
  await insertRows(tx.trx, {
    table: 'changes',
    rows: records.map((r, i) => ({
      seq: seqs[i] ?? 0,
      team_id: r.teamId,
      entity: r.entity,
      record_id: r.id,
      op: 'erase' as const,
      version: r.version + 1,
      data: null,
      created_at: at,
    })),
  });
  // Every row in a few multi-row upserts (all rows exist, so each is an update), not one
  // statement per record: a citizen with 500 notes was 500 round trips (bench/README.md, 12).
  const rows = records.map((r, i) => ({
    entity: r.entity,
    id: r.id,
    team_id: r.teamId,
    version: r.version + 1,
    deleted: 1,
    data,
    field_versions: '{}',
    updated_seq: seqs[i] ?? 0,
  }));
  for (const chunk of chunkRows(rows, 8)) {
    await tx.trx
      .insertInto('records')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['entity', 'id']).doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          deleted: eb.ref('excluded.deleted'),
          data: eb.ref('excluded.data'),
          field_versions: eb.ref('excluded.field_versions'),
          updated_seq: eb.ref('excluded.updated_seq'),
        })),
      )
      .execute();
  }
  return seqs;
}

/**
 * Erases a citizen and every record naming it (cases, notes, follow-ups, visit contacts; the
 * consents are the citizen's own fields) from the records, from the change log's earlier
 * versions, from refused changes and kept push answers, in one write transaction of the
 * citizen's team. Devices remove them at their next pull (the `erase` changes). Final: there is
 * no undo. The audit log keeps the erasure (who, when, counts) and its earlier entries with ids.
 */
export async function eraseCitizen(
  database: Database,
  citizenId: string,
  by: UserProfile,
  requestId: string | null,
  now: () => Date = () => new Date(),
): Promise<EraseCitizenResponse> {
  const found = await loadRecord(database.db, 'citizen', citizenId);
  if (!found || !mayErase(by, found.teamId)) {
    // The same answer for "no such citizen" and "not yours": ids of other teams stay unknown.
    throw new HttpError('forbidden', 'You may not erase this citizen');
  }
  if (isErased(found)) throw new HttpError('not-found', 'The citizen is already erased');
  const result = await withWriteTransaction(database, [found.teamId], async (tx) => {
    // Read again under the team's lock: a concurrent push or move is either before or after.
    const citizen = await loadRecord(tx.trx, 'citizen', citizenId);
    if (!citizen || citizen.teamId !== found.teamId || isErased(citizen)) return null;
    return eraseLocked(tx, citizen, by, requestId, now());
  });
  if (!result) throw new HttpError('not-found', 'The citizen changed meanwhile; try again');
  if (database.dialect === 'sqlite') {
    // Copies of the deleted pages may sit in the write-ahead log until a checkpoint; secure_delete
    // (data/createDatabase.ts) zeroes them in the database file when they are written back.
    await sqliteCheckpoint(database);
  }
  return result;
}

async function sqliteCheckpoint(database: Database): Promise<void> {
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
}
