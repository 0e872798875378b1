import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Case,
  Citizen,
  Contact,
  EntityName,
  FollowUp,
  Location,
  Note,
  ScheduleSlot,
  Visit,
} from '../domain';
import type { AuditEvent, Mutation } from '../protocol';

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
};

export class FremskudtDb extends Dexie {
  citizens!: Table<Citizen, string>;
  cases!: Table<Case, string>;
  notes!: Table<Note, string>;
  locations!: Table<Location, string>;
  scheduleSlots!: Table<ScheduleSlot, string>;
  visits!: Table<Visit, string>;
  contacts!: Table<Contact, string>;
  followUps!: Table<FollowUp, string>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  drafts!: Table<DraftEntry, string>;
  meta!: Table<MetaEntry, string>;
  /** Reads and searches done on this device, waiting to be sent to the server's audit log. */
  auditEvents!: Table<AuditEvent, string>;

  constructor(name = 'fremskudt') {
    super(name);
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
  }
}

/** The app's database. Tests make their own with `new FremskudtDb(name)`. */
export const db = new FremskudtDb();
