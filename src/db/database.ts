import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { EntityName, Location, ScheduleSlot } from '../domain';
import type { Mutation } from '../protocol';
import { lockedSealer, type Sealer } from './vault/sealer';
import { isSealedTable, openRow, openRows, sealRow, type StoredRow } from './vault/rowCodec';

/**
 * An outbox entry: a mutation waiting for the server (`pending`) or refused by it (`rejected`,
 * kept until the caseworker fixes and resends it; never discarded). Deleted only after the
 * server acknowledged it (invariant 1).
 */
export interface OutboxEntry extends Mutation {
  seq?: number;
  state: 'pending' | 'rejected';
  attempts: number;
  lastError?: { code: string; message: string; issues?: unknown[] };
  rejectedAt?: string;
}

/** An editor's unsaved text, autosaved while typing; local only, never synced. */
export interface DraftEntry {
  key: string;
  citizenId?: string;
  fields: Record<string, unknown>;
  savedAt: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const TABLE_OF: Record<EntityName, string> = {
  citizen: 'citizens',
  case: 'cases',
  note: 'notes',
  location: 'locations',
  scheduleSlot: 'scheduleSlots',
  visit: 'visits',
  contact: 'contacts',
  followUp: 'followUps',
  handoverMark: 'handoverMarks',
};

/** Set (clear) by the v5 upgrade: rows stored before it may have conflicts without the mark. */
export const CONFLICT_MARKS_PENDING = 'conflictMarksPending';

/** The database of one user on this device; its sealed tables need that user's data key. */
export class FremskudtDb extends Dexie {
  citizens!: Table<StoredRow, string>;
  cases!: Table<StoredRow, string>;
  notes!: Table<StoredRow, string>;
  locations!: Table<Location, string>;
  scheduleSlots!: Table<ScheduleSlot, string>;
  visits!: Table<StoredRow, string>;
  contacts!: Table<StoredRow, string>;
  followUps!: Table<StoredRow, string>;
  /** Which final notes were carried over into the system of record (append-only). */
  handoverMarks!: Table<StoredRow, string>;
  outbox!: Table<StoredRow, number>;
  drafts!: Table<StoredRow, string>;
  meta!: Table<StoredRow, string>;
  /** Reads and searches done on this device, waiting to be sent to the server's audit log. */
  auditEvents!: Table<StoredRow, string>;

  constructor(
    name: string,
    readonly sealer: Sealer,
    options?: DexieOptions,
  ) {
    super(name, options);
    // Indexes serve the screens' queries; bump the version (never edit a released one) to change.
    this.version(1).stores({
      citizens: 'id, updatedAt',
      cases: 'id, citizenId, status',
      notes: 'id, citizenId, caseId, occurredAt, [citizenId+occurredAt], visitId, status',
      locations: 'id, kind',
      scheduleSlots: 'id, locationId, userId, weekday',
      visits: 'id, locationId, userId, startedAt, endedAt',
      contacts: 'id, visitId, citizenId, at, [citizenId+at]',
      followUps: 'id, citizenId, caseId, dueOn, assigneeId',
      outbox: '++seq, &mutationId, recordId, state, entity',
      drafts: 'key, citizenId, savedAt',
      meta: 'key',
    });
    // v2 adds the device's audit queue. Keyed by the event's UUIDv7, so key order is time order
    // and the oldest events are sent first.
    // Tables a later version does not name are carried over unchanged (Dexie ≥ 3).
    this.version(2).stores({ auditEvents: 'id' });
    // v3: one database per user, rows sealed; `teamId` indexes let a pull's `evictTeams` remove
    // a team's records without reading (or unsealing) anything else.
    this.version(3).stores({
      citizens: 'id, updatedAt, teamId',
      cases: 'id, citizenId, status, teamId',
      notes: 'id, citizenId, caseId, occurredAt, [citizenId+occurredAt], visitId, status, teamId',
      locations: 'id, kind, teamId',
      scheduleSlots: 'id, locationId, userId, weekday, teamId',
      visits: 'id, locationId, userId, startedAt, endedAt, teamId',
      contacts: 'id, visitId, citizenId, at, [citizenId+at], teamId',
      followUps: 'id, citizenId, caseId, dueOn, assigneeId, teamId',
    });
    // v4: the outbox loses its `entity` index, which nothing queries: every saved change wrote
    // an index entry for it (the outbox write is on the path of every save).
    this.version(4).stores({ outbox: '++seq, &mutationId, recordId, state' });
    // v5: records with unsettled conflicts carry a clear `conflicted` mark (see rowCodec), indexed
    // so the header's count and the conflicts list read only those rows.
    this.version(5)
      .stores({
        citizens: 'id, updatedAt, teamId, conflicted',
        cases: 'id, citizenId, status, teamId, conflicted',
        notes:
          'id, citizenId, caseId, occurredAt, [citizenId+occurredAt], visitId, status, teamId, conflicted',
        visits: 'id, locationId, userId, startedAt, endedAt, teamId, conflicted',
        contacts: 'id, visitId, citizenId, at, [citizenId+at], teamId, conflicted',
        followUps: 'id, citizenId, caseId, dueOn, assigneeId, teamId, conflicted',
      })
      // Rows sealed before the mark cannot be marked here (unsealing awaits WebCrypto, which
      // would end the upgrade's transaction): note that the app must do it (markStoredConflicts).
      // A store created at v5 or later needs nothing.
      .upgrade((tx) => tx.table('meta').put({ key: CONFLICT_MARKS_PENDING, value: true }));
    // v6: the handover marks ("journaliseret i fagsystem"), read per citizen and per note; with the
    // `conflicted` mark like every synced record's (the conflict count reads every entity's).
    this.version(6).stores({ handoverMarks: 'id, citizenId, noteId, teamId, conflicted' });
    // v7: the outbox loses its unique `mutationId` index: nothing queries it, and a fresh UUIDv7
    // per change needs no check, yet every save paid a uniqueness lookup and an index write for
    // it (scenario 1 in bench/README.md; the server deduplicates by mutation id).
    this.version(7).stores({ outbox: '++seq, recordId, state' });
  }

  /**
   * The row to store for a record of `table`: clear index fields + sealed rest (a clear table's
   * record as it is). Awaits WebCrypto: call BEFORE opening a transaction.
   */
  seal(table: string, record: object): Promise<StoredRow> {
    if (!isSealedTable(table)) return Promise.resolve({ ...record });
    return sealRow(this.sealer, table, record);
  }

  unseal<T>(table: string, row: StoredRow): Promise<T>;
  unseal<T>(table: string, row: StoredRow | undefined): Promise<T | undefined>;
  /** The record of a stored row; call after the IndexedDB read (awaits WebCrypto). */
  unseal<T>(table: string, row: StoredRow | undefined): Promise<T | undefined> {
    if (!row) return Promise.resolve(undefined);
    if (!isSealedTable(table)) return Promise.resolve(row as T);
    return openRow<T>(this.sealer, table, row);
  }

  unsealAll<T>(table: string, rows: readonly StoredRow[]): Promise<T[]> {
    if (!isSealedTable(table)) return Promise.resolve(rows as T[]);
    return openRows<T>(this.sealer, table, rows);
  }
}

/** The name of a user's database on this device. */
export const userDbName = (userId: string) => `fremskudt-u-${userId}`;

/**
 * Stands in while the store is locked: never opened (autoOpen off), so any use fails at once
 * instead of creating a database, and its sealer refuses too.
 */
const lockedDb = new FremskudtDb('fremskudt-locked', lockedSealer, { autoOpen: false });

/**
 * The current unlocked user's database (a live binding: importers always see the current one).
 * Set by `setCurrentDb` at unlock, reset at lock; tests set their own.
 */
export let db: FremskudtDb = lockedDb;

/**
 * How long a store stays open after it stopped being the current one: writes already under way
 * (an audit event of the search typed just before the lock, flushed as its screen unmounts)
 * finish instead of being lost. New work cannot reach it: `db` no longer points to it.
 */
const CLOSE_DELAY_MS = 2_000;

export function setCurrentDb(next: FremskudtDb | null): void {
  const previous = db;
  db = next ?? lockedDb;
  if (previous !== lockedDb && previous !== db) {
    setTimeout(() => previous.close(), CLOSE_DELAY_MS);
  }
}

export function isUnlocked(): boolean {
  return db !== lockedDb;
}
