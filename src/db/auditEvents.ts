import { SHORT_TEXT_MAX, newId, type EntityName } from '../domain';
import { AuditEventSchema, type AuditEvent } from '../protocol';
import { db as appDb, type FremskudtDb } from './database';
import type { StoredRow } from './vault/rowCodec';
import { toDbError } from './errors';

/** What a screen reports; the repository adds the id and the time. */
export interface AuditEventInput {
  action: AuditEvent['action'];
  entity?: EntityName;
  recordId?: string;
  term?: string;
}

/**
 * Appends one audit event to the device's queue (append-only: events are never edited, only
 * deleted once the server has stored them). Works offline. Throws a DbError (`storage-full`
 * when the disk is full) — the caller decides how loudly to fail; a screen must not break.
 */
export async function recordAuditEvent(
  input: AuditEventInput,
  database: FremskudtDb = appDb,
  now: () => Date = () => new Date(),
): Promise<AuditEvent> {
  // Parsed here so a malformed event can never sit in the queue and be refused forever.
  const event = AuditEventSchema.parse({
    id: newId(),
    action: input.action,
    ...(input.entity !== undefined ? { entity: input.entity } : {}),
    ...(input.recordId !== undefined ? { recordId: input.recordId } : {}),
    ...(input.term !== undefined ? { term: input.term.slice(0, SHORT_TEXT_MAX) } : {}),
    at: now().toISOString(),
  });
  try {
    // The search term is sealed (it may be a name or a CPR number).
    const row: StoredRow = await database.seal('auditEvents', event);
    await database.auditEvents.add(row);
  } catch (error) {
    throw toDbError(error);
  }
  return event;
}

/** The oldest `limit` events waiting to be sent (ids are UUIDv7, so key order is time order). */
export async function takeAuditBatch(
  limit: number,
  database: FremskudtDb = appDb,
): Promise<AuditEvent[]> {
  const rows = await database.auditEvents.orderBy('id').limit(limit).toArray();
  return database.unsealAll<AuditEvent>('auditEvents', rows);
}

/** Removes events the server acknowledged; call only after its answer arrived. */
export function deleteAuditEvents(ids: readonly string[], database: FremskudtDb = appDb) {
  return database.auditEvents.bulkDelete([...ids]);
}

export function countAuditEvents(database: FremskudtDb = appDb): Promise<number> {
  return database.auditEvents.count();
}
