import { sql } from 'kysely';
import type { StoredRecord } from '../../domain/merge';
import { chunkRows } from '../data/bindLimits';
import type { ChangesTable, RecordsTable } from '../data/schema';
import { insertCte, insertRows, type TableRows } from '../data/tableRows';
import { named } from '../data/namedStatements';
import { allocateSeqs, checkScopesLocked, type ChangeLogTx } from '../data/writeTransaction';
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

const RECORD_COLUMNS = 8;

/** The columns a newer state overwrites when its record is already stored. */
const RECORD_UPDATES = [
  // A move (admin/moveCitizen.ts) changes the team; a push never does (pushScope.ts).
  'team_id',
  'version',
  'deleted',
  'data',
  'field_versions',
  'updated_seq',
] as const;

/** The records' last states, `updated_seq` still the index of the record's last change. */
function recordRows(stage: ChangeStage): RecordsTable[] {
  return [...stage.records.values()].map(({ record, data, change }) => ({
    entity: record.entity,
    id: record.id,
    team_id: record.teamId,
    version: record.version,
    deleted: record.deleted ? 1 : 0,
    data,
    field_versions: JSON.stringify(record.fieldVersions),
    updated_seq: change,
  }));
}

/**
 * PostgreSQL: the whole stage and the other rows in ONE statement. Each statement costs the
 * server a round trip to PostgreSQL, and on a loaded server the socket writes alone were a third
 * of Node's CPU (bench/README.md, scenario 8b). The seqs are drawn inside the statement from
 * `changes_seq` and handed out in ascending order to the changes in staged order (as
 * allocateSeqs does); each record row takes its last change's seq. Every data-modifying CTE runs
 * to completion whatever the final SELECT reads, which returns how many seqs were drawn.
 */
async function writeStagePostgres(
  tx: ChangeLogTx,
  stage: ChangeStage,
  alongside: readonly TableRows[],
): Promise<void> {
  checkScopesLocked(
    tx,
    stage.changes.map((c) => c.team_id),
  );
  const createdAt = new Date().toISOString();
  const changes = stage.changes.map((c) => ({ ...c, created_at: createdAt }));
  const records = recordRows(stage);
  const others = alongside.filter((t) => t.rows.length > 0);
  const parts = others.map((t, i) => insertCte(`rows_${i}`, t));
  if (changes.length > 0) {
    const recordUpdates = sql.join(
      RECORD_UPDATES.map((c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`),
    );
    parts.unshift(
      sql`drawn as materialized (
        select nextval('changes_seq') as seq from generate_series(1, ${changes.length}::int))`,
      sql`numbered as materialized (
        select seq, row_number() over (order by seq) as i from drawn)`,
      sql`staged_changes as (
        insert into changes (seq, team_id, entity, record_id, op, version, data, created_at)
        select n.seq, x.team_id, x.entity, x.record_id, x.op, x.version, x.data, x.created_at
        from json_populate_recordset(null::changes, ${JSON.stringify(changes)}::json)
          with ordinality as x
        join numbered n on n.i = x.ordinality)`,
      sql`staged_records as (
        insert into records (entity, id, team_id, version, deleted, data, field_versions, updated_seq)
        select x.entity, x.id, x.team_id, x.version, x.deleted, x.data, x.field_versions, n.seq
        from json_populate_recordset(null::records, ${JSON.stringify(records)}::json) as x
        join numbered n on n.i = x.updated_seq + 1
        on conflict (entity, id) do update set ${recordUpdates})`,
    );
  }
  if (parts.length === 0) return;
  const drawn = changes.length > 0 ? sql`(select count(*) from numbered)` : sql`0`;
  const { rows } = await sql<{ drawn: string | number }>`with ${sql.join(parts)}
    select ${drawn} as drawn ${named}`.execute(tx.trx);
  if (Number(rows[0]?.drawn) !== changes.length)
    throw new Error(`Drew ${String(rows[0]?.drawn)} seqs for ${changes.length} changes`);
}

/**
 * Writes the staged changes with seqs in staged order (every change's scope must be locked, or it
 * throws ScopeNotLockedError) and the records' last states, each pointing at its last change's seq, and
 * `alongside` the transaction's other rows (a push's answers, the audit entries). PostgreSQL: all
 * in one statement (writeStagePostgres); SQLite, in-process and without round trips: a few
 * multi-row statements.
 */
export async function writeStage(
  tx: ChangeLogTx,
  stage: ChangeStage,
  alongside: readonly TableRows[] = [],
): Promise<void> {
  if (tx.dialect === 'postgres') {
    await writeStagePostgres(tx, stage, alongside);
    return;
  }
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
  await insertRows(tx.trx, { table: 'changes', rows: changes });
  const records = recordRows(stage).map((r) => ({ ...r, updated_seq: seqAt(r.updated_seq) }));
  for (const chunk of chunkRows(records, RECORD_COLUMNS)) {
    await tx.trx
      .insertInto('records')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['entity', 'id'])
          .doUpdateSet((eb) =>
            Object.fromEntries(RECORD_UPDATES.map((c) => [c, eb.ref(`excluded.${c}`)])),
          ),
      )
      .execute();
  }
  for (const rows of alongside) await insertRows(tx.trx, rows);
}
