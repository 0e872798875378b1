import type { EntityName } from '../../domain/entities';
import type { FieldStamp, RecordData, StoredRecord } from '../../domain/merge';
import { chunkRows } from '../data/bindLimits';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { RecordsTable, Schema } from '../data/schema';

export interface RecordKey {
  entity: EntityName;
  id: string;
}

/** One string per (entity, id), for maps of records. */
export const recordKey = (entity: string, id: string): string => `${entity}\u0000${id}`;

/** A `records` row as the merge rules see it. */
export function toStoredRecord(row: Omit<RecordsTable, 'updated_seq'>): StoredRecord {
  return {
    entity: row.entity as EntityName,
    id: row.id,
    teamId: row.team_id,
    version: row.version,
    deleted: row.deleted === 1,
    data: JSON.parse(row.data) as RecordData,
    fieldVersions: JSON.parse(row.field_versions) as Record<string, FieldStamp>,
  };
}

/**
 * The server's current state of the given records, as the merge rules see them, keyed by
 * recordKey; absent keys are records the server never saw. One query per chunk of keys, grouped
 * by entity so each group is a range of the (entity, id) primary key on both databases.
 */
export async function loadRecords(
  db: Kysely<Schema>,
  keys: readonly RecordKey[],
): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  const unique = uniqueKeys(keys);
  for (const chunk of chunkRows(unique, 2)) {
    const rows = await db
      .selectFrom('records')
      .selectAll()
      .where((eb) => recordsIn(eb, chunk))
      .execute();
    for (const row of rows) found.set(recordKey(row.entity, row.id), toStoredRecord(row));
  }
  return found;
}

/** The keys, deduplicated. */
export const uniqueKeys = (keys: readonly RecordKey[]): RecordKey[] => [
  ...new Map(keys.map((k) => [recordKey(k.entity, k.id), k])).values(),
];

/** `records` rows of these keys: per entity a range of the (entity, id) primary key. */
export function recordsIn(eb: ExpressionBuilder<Schema, 'records'>, keys: readonly RecordKey[]) {
  const byEntity = new Map<string, string[]>();
  for (const k of keys) byEntity.set(k.entity, [...(byEntity.get(k.entity) ?? []), k.id]);
  return eb.or(
    [...byEntity].map(([entity, ids]) => eb.and([eb('entity', '=', entity), eb('id', 'in', ids)])),
  );
}

/** One record's current state (a move's citizen); see loadRecords. */
export async function loadRecord(
  db: Kysely<Schema>,
  entity: EntityName,
  id: string,
): Promise<StoredRecord | undefined> {
  return (await loadRecords(db, [{ entity, id }])).get(recordKey(entity, id));
}
