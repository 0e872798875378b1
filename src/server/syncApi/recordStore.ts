import type { EntityName } from '../../domain/entities';
import type { FieldStamp, RecordData, StoredRecord } from '../../domain/merge';
import { nextSeq, type WriteTx } from '../data/writeTransaction';

/** The server's current state of one record, as the merge rules see it. */
export async function loadRecord(
  trx: WriteTx,
  entity: EntityName,
  id: string,
): Promise<StoredRecord | undefined> {
  const row = await trx
    .selectFrom('records')
    .selectAll()
    .where('entity', '=', entity)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    entity,
    id: row.id,
    teamId: row.team_id,
    version: row.version,
    deleted: row.deleted === 1,
    data: JSON.parse(row.data) as RecordData,
    fieldVersions: JSON.parse(row.field_versions) as Record<string, FieldStamp>,
  };
}

/**
 * Writes the record's new state and appends it to its team's change log; returns the change's
 * seq. Must run inside withWriteTransaction (seq order = commit order).
 */
export async function saveRecordWithChange(trx: WriteTx, record: StoredRecord): Promise<number> {
  const seq = await nextSeq(trx);
  const data = JSON.stringify(record.data);
  const row = {
    entity: record.entity,
    id: record.id,
    team_id: record.teamId,
    version: record.version,
    deleted: record.deleted ? 1 : 0,
    data,
    field_versions: JSON.stringify(record.fieldVersions),
    updated_seq: seq,
  };
  await trx
    .insertInto('records')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['entity', 'id']).doUpdateSet({
        // A move (admin/moveCitizen.ts) changes the team; a push never does (pushScope.ts).
        team_id: row.team_id,
        version: row.version,
        deleted: row.deleted,
        data: row.data,
        field_versions: row.field_versions,
        updated_seq: seq,
      }),
    )
    .execute();
  await trx
    .insertInto('changes')
    .values({
      seq,
      team_id: record.teamId,
      entity: record.entity,
      record_id: record.id,
      op: record.deleted ? 'delete' : 'upsert',
      version: record.version,
      // A tombstone carries no data: a deleted citizen's details are not sent to devices again.
      data: record.deleted ? null : data,
      created_at: new Date().toISOString(),
    })
    .execute();
  return seq;
}
