import { sql } from 'kysely';
import type { StoredRecord } from '../../domain/merge';
import type { Config } from '../config';
import { chunkRows } from '../data/bindLimits';
import { jsonFieldSql, pgJson } from '../data/jsonSql';
import type { Database, Dialect } from '../data/schema';
import { withWriteTransaction } from '../data/writeTransaction';
import { newChangeStage, stageRecord, writeStage } from '../syncApi/changeStage';
import { loadRecords } from '../syncApi/recordStore';

export type ContactDetailConfig = Pick<Config, 'ANONYMOUS_CONTACT_DETAIL_DAYS'>;

/** The device id a field stamp names when the retention job, not a device, changed the field. */
export const RETENTION_DEVICE_ID = 'server-retention';

/** Contacts reduced per write transaction: bounds how long one team's change log stays locked. */
const BATCH = 500;

/**
 * An anonymous contact as the statistics need it (statistics/statisticsReport.ts reads place,
 * time, kind, age group, gender and topics): its free-text remark emptied and any unsettled
 * conflict dropped (a conflict keeps a losing value, which may be an earlier remark). The
 * visit it belongs to, its author and its times stay, as every record's metadata does.
 */
function reduced(record: StoredRecord, at: string): StoredRecord {
  const version = record.version + 1;
  return {
    ...record,
    version,
    data: { ...record.data, remark: '', conflicts: [], version },
    fieldVersions: {
      ...record.fieldVersions,
      remark: { version, deviceId: RETENTION_DEVICE_ID, at },
    },
  };
}

const hasDetail = (record: StoredRecord): boolean =>
  (typeof record.data.remark === 'string' && record.data.remark !== '') ||
  (Array.isArray(record.data.conflicts) && record.data.conflicts.length > 0);

/** "An anonymous contact older than `before` that still has a remark or a conflict". */
function detailedBefore(dialect: Dialect, before: string) {
  const f = (name: string) => sql.raw(jsonFieldSql(dialect, 'data', name));
  const conflicts =
    dialect === 'sqlite'
      ? sql.raw(`json_array_length(json_extract(data, '$.conflicts'))`)
      : sql.raw(`json_array_length(${pgJson('data')} -> 'conflicts')`);
  // The `at` expression is the statistics index's (records_stats_contact_team, migration 0005).
  return sql<boolean>`records.entity = 'contact' and records.deleted = 0
    and ${f('at')} < ${before} and ${f('kind')} = 'anonymous'
    and (coalesce(${f('remark')}, '') <> '' or coalesce(${conflicts}, 0) > 0)`;
}

/**
 * Reduces anonymous contacts older than ANONYMOUS_CONTACT_DETAIL_DAYS (by when the contact
 * happened) to what the statistics count. Each reduced contact gets a new version in the change
 * log, so every device replaces its copy at its next pull, and loses its earlier entries there
 * (as an erasure does), so no device pulling from far back receives the remark again. Refused
 * changes and kept conflict answers that name the contact go too. Per team, in batches, each
 * its own write transaction; idempotent (a reduced contact has nothing left to reduce).
 */
export async function reduceAnonymousContacts(
  database: Database,
  config: ContactDetailConfig,
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - config.ANONYMOUS_CONTACT_DETAIL_DAYS * 86_400_000);
  const at = now.toISOString();
  const rows = await database.db
    .selectFrom('records')
    .select(['id', 'team_id'])
    .where(detailedBefore(database.dialect, before.toISOString()))
    .execute();
  const byTeam = new Map<string, string[]>();
  for (const r of rows) byTeam.set(r.team_id, [...(byTeam.get(r.team_id) ?? []), r.id]);
  let count = 0;
  for (const [teamId, ids] of byTeam) {
    for (const batch of chunkRows(ids, 1, BATCH)) {
      count += await withWriteTransaction(database, [teamId], async (tx) => {
        // Read again under the team's lock: a push may have changed or moved one meanwhile.
        const current = await loadRecords(
          tx.trx,
          batch.map((id) => ({ entity: 'contact' as const, id })),
        );
        const todo = [...current.values()].filter(
          (r) => r.teamId === teamId && !r.deleted && r.data.kind === 'anonymous' && hasDetail(r),
        );
        if (todo.length === 0) return 0;
        const todoIds = todo.map((r) => r.id);
        for (const chunk of chunkRows(todoIds, 1)) {
          // The earlier versions, with the remark: a device pulling from before gets the new one.
          await tx.trx
            .deleteFrom('changes')
            .where('record_id', 'in', chunk)
            .where('team_id', '=', teamId)
            .execute();
          await tx.trx.deleteFrom('rejected_mutations').where('record_id', 'in', chunk).execute();
          await tx.trx
            .deleteFrom('applied_mutations')
            .where('result', 'like', '%"status":"conflict"%')
            .where((eb) => eb.or(chunk.map((id) => eb('result', 'like', `%${id}%`))))
            .execute();
        }
        const stage = newChangeStage();
        for (const r of todo) stageRecord(stage, reduced(r, at));
        await writeStage(tx, stage);
        return todo.length;
      });
    }
  }
  return count;
}
