import type { StoredRecord } from '../../domain/merge';
import { chunkRows } from '../data/bindLimits';
import type { ChangesTable, RecordsTable } from '../data/schema';
import { allocateSeqs, type ChangeLogTx } from '../data/writeTransaction';
import { recordKey } from './recordStore';

type StagedChange = Omit<ChangesTable, 'seq' | 'created_at'>;

/**
 * A write transaction's new record states and change-log entries, collected in the order they
 * happened and written at the end in a few multi-row statements (writeStage). A record written
 * twice gets two changes but one row in `records`: its last state.
 */
export interface ChangeStage {
  readonly changes: StagedChange[];
  /** Per recordKey: the record's last state, its JSON, and the index of its last change. */
  readonly records: Map<string, { record: StoredRecord; data: string; change: number }>;
}

export const newChangeStage = (): ChangeStage => ({ changes: [], records: new Map() });

/** A new state of a record (upsert, or a tombstone when deleted) in its own team's log. */
export function stageRecord(stage: ChangeStage, record: StoredRecord): void {
  const data = JSON.stringify(record.data);
  stage.records.set(recordKey(record.entity, record.id), {
    record,
    data,
    change: stage.changes.length,
  });
  stage.changes.push({
    team_id: record.teamId,
    entity: record.entity,
    record_id: record.id,
    op: record.deleted ? 'delete' : 'upsert',
    version: record.version,
    // A tombstone carries no data: a deleted citizen's details are not sent to devices again.
    data: record.deleted ? null : data,
  });
}

/** The record left `fromTeamId` (a move): devices of that team remove it; nothing is deleted. */
export function stageEvict(stage: ChangeStage, record: StoredRecord, fromTeamId: string): void {
  stage.changes.push({
    team_id: fromTeamId,
    entity: record.entity,
    record_id: record.id,
    op: 'evict',
    version: record.version,
    data: null,
  });
}

const CHANGE_COLUMNS = 8;
const RECORD_COLUMNS = 8;

/**
 * Writes the staged changes with seqs in staged order (allocateSeqs checks every change's scope
 * was locked) and the records' last states, each pointing at its last change's seq.
 */
export async function writeStage(tx: ChangeLogTx, stage: ChangeStage): Promise<void> {
  const seqs = await allocateSeqs(
    tx,
    stage.changes.map((c) => c.team_id),
  );
  const seqAt = (i: number): number => {
    const seq = seqs[i];
    if (seq === undefined) throw new Error(`No seq allocated for change ${i}`);
    return seq;
  };
  const createdAt = new Date().toISOString();
  const changes: ChangesTable[] = stage.changes.map((c, i) => ({
    ...c,
    seq: seqAt(i),
    created_at: createdAt,
  }));
  for (const chunk of chunkRows(changes, CHANGE_COLUMNS))
    await tx.trx.insertInto('changes').values(chunk).execute();
  const records: RecordsTable[] = [...stage.records.values()].map(({ record, data, change }) => ({
    entity: record.entity,
    id: record.id,
    team_id: record.teamId,
    version: record.version,
    deleted: record.deleted ? 1 : 0,
    data,
    field_versions: JSON.stringify(record.fieldVersions),
    updated_seq: seqAt(change),
  }));
  for (const chunk of chunkRows(records, RECORD_COLUMNS)) {
    await tx.trx
      .insertInto('records')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['entity', 'id']).doUpdateSet((eb) => ({
          // A move (admin/moveCitizen.ts) changes the team; a push never does (pushScope.ts).
          team_id: eb.ref('excluded.team_id'),
          version: eb.ref('excluded.version'),
          deleted: eb.ref('excluded.deleted'),
          data: eb.ref('excluded.data'),
          field_versions: eb.ref('excluded.field_versions'),
          updated_seq: eb.ref('excluded.updated_seq'),
        })),
      )
      .execute();
  }
}
