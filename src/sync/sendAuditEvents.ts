import { countAuditEvents, deleteAuditEvents, takeAuditBatch, type FremskudtDb } from '../db';
import { MAX_AUDIT_EVENTS_PER_REQUEST } from '../protocol';
import { ApiError, type ApiClient } from './apiClient';
import { throwIfAborted } from './syncError';

/** Below the server's limit: a lost answer costs less to repeat on a poor connection. */
export const AUDIT_EVENTS_PER_SEND = Math.min(200, MAX_AUDIT_EVENTS_PER_REQUEST);

export interface AuditSendOptions {
  deviceId: string;
  batchSize?: number;
  signal?: AbortSignal;
}

export interface AuditSendSummary {
  /** Events the server acknowledged (and this device then deleted). */
  sent: number;
  /** Of those, how many the server stored now; the rest it had from an earlier, lost answer. */
  stored: number;
}

/**
 * Sends the device's queued reads and searches, oldest first, batch by batch, and deletes each
 * batch only after the server answered: a lost answer means the same batch is sent again, and the
 * server stores each event id once. Offline: throws ApiError('network'); the queue stays.
 */
export async function sendAuditEvents(
  db: FremskudtDb,
  api: ApiClient,
  options: AuditSendOptions,
): Promise<AuditSendSummary> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? AUDIT_EVENTS_PER_SEND, 500));
  const summary: AuditSendSummary = { sent: 0, stored: 0 };
  // Bounded by what was queued at the start (plus one round), so a screen recording events
  // while we send cannot keep this loop going.
  let rounds = Math.ceil((await countAuditEvents(db)) / batchSize) + 1;
  while (rounds-- > 0) {
    throwIfAborted(options.signal);
    const events = await takeAuditBatch(batchSize, db);
    if (events.length === 0) break;
    const answer = await api.sendAuditEvents({ deviceId: options.deviceId, events });
    if (answer.stored > events.length) {
      throw new ApiError('bad-response', 'The server stored more audit events than were sent');
    }
    await deleteAuditEvents(
      events.map((e) => e.id),
      db,
    );
    summary.sent += events.length;
    summary.stored += answer.stored;
  }
  return summary;
}
