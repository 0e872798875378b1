import type { Sealer } from './sealer';

/** What IndexedDB holds for a sealed table: the indexed fields in clear, the rest in `sealed`. */
export type StoredRow = Record<string, unknown> & { sealed?: Uint8Array };

/**
 * Per table, the fields stored in clear: exactly what the schema indexes or the sync compares
 * (ids, dates, status, version, team), never a name, CPR, text or contact detail. Tables not
 * listed (locations, schedule slots: the municipality's, not personal) are stored in clear.
 */
export const CLEAR_FIELDS = {
  citizens: ['id', 'version', 'teamId', 'updatedAt'],
  cases: ['id', 'version', 'teamId', 'citizenId', 'status'],
  notes: ['id', 'version', 'teamId', 'citizenId', 'caseId', 'occurredAt', 'visitId', 'status'],
  visits: ['id', 'version', 'teamId', 'locationId', 'userId', 'startedAt', 'endedAt'],
  contacts: ['id', 'version', 'teamId', 'visitId', 'citizenId', 'at'],
  followUps: ['id', 'version', 'teamId', 'citizenId', 'caseId', 'dueOn', 'assigneeId'],
  handoverMarks: ['id', 'version', 'teamId', 'citizenId', 'noteId'],
  outbox: [
    'seq',
    'mutationId',
    'deviceId',
    'entity',
    'recordId',
    'op',
    'baseVersion',
    'clientTime',
    'teamId',
    'state',
    'attempts',
    'rejectedAt',
  ],
  drafts: ['key', 'citizenId', 'savedAt'],
  auditEvents: ['id', 'action', 'entity', 'recordId', 'at'],
  meta: ['key'],
} as const satisfies Record<string, readonly string[]>;

export type SealedTable = keyof typeof CLEAR_FIELDS;

/**
 * Set in clear on a record's row while it has unsettled conflicts (their number; absent
 * otherwise, so only such rows have an index entry): the header counts and lists them without
 * unsealing every record. It says that a record has a conflict, nothing of what.
 */
export const CONFLICT_MARK = 'conflicted';

const RECORD_TABLES: ReadonlySet<string> = new Set([
  'citizens',
  'cases',
  'notes',
  'visits',
  'contacts',
  'followUps',
  'handoverMarks',
]);

export function isSealedTable(name: string): name is SealedTable {
  return Object.hasOwn(CLEAR_FIELDS, name);
}

/** The id a sealed blob is bound to (additional data): the primary key, or the mutation id. */
function bindingId(table: SealedTable, row: Record<string, unknown>): string {
  const key =
    table === 'outbox' ? row.mutationId : table === 'drafts' || table === 'meta' ? row.key : row.id;
  if (typeof key !== 'string') throw new Error(`A ${table} row has no string id to seal with`);
  return key;
}

/** Splits a record into its clear index fields and a sealed rest. Call before a transaction. */
export async function sealRow(
  sealer: Sealer,
  table: SealedTable,
  record: object,
): Promise<StoredRow> {
  const clearNames: readonly string[] = CLEAR_FIELDS[table];
  const clear: StoredRow = {};
  const secret: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (clearNames.includes(field)) clear[field] = value;
    else secret[field] = value;
  }
  const conflicts = (record as { conflicts?: unknown }).conflicts;
  if (RECORD_TABLES.has(table) && Array.isArray(conflicts) && conflicts.length > 0) {
    clear[CONFLICT_MARK] = conflicts.length;
  }
  clear.sealed = await sealer.seal(table, bindingId(table, clear), secret);
  return clear;
}

/**
 * `row` with one of its table's clear fields set after sealing: a value not known yet when the
 * sealing started (a new record's team, looked up while WebCrypto works) is filled in afterwards.
 * Refuses a field the table seals, which would otherwise end up stored in clear.
 */
export function setClearField(
  table: string,
  row: StoredRow,
  field: string,
  value: unknown,
): StoredRow {
  if (isSealedTable(table) && !(CLEAR_FIELDS[table] as readonly string[]).includes(field)) {
    throw new Error(`${table}.${field} is sealed: it cannot be set in clear`);
  }
  return { ...row, [field]: value };
}

/** The record of a stored row: the unsealed rest with the clear fields over it. */
export async function openRow<T>(sealer: Sealer, table: SealedTable, row: StoredRow): Promise<T> {
  const { sealed, [CONFLICT_MARK]: _mark, ...clear } = row;
  if (!sealed) return clear as T;
  const secret = await sealer.open(table, bindingId(table, clear), sealed);
  return { ...(secret as Record<string, unknown>), ...clear } as T;
}

export function openRows<T>(
  sealer: Sealer,
  table: SealedTable,
  rows: readonly StoredRow[],
): Promise<T[]> {
  return Promise.all(rows.map((row) => openRow<T>(sealer, table, row)));
}
