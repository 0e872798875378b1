import { recordAuditEvent, type AuditEventInput } from '../db/auditEvents';
import type { FremskudtDb } from '../db/database';
import { toDbError } from '../db/errors';

/**
 * Queues an audit event without making the screen wait or fail: the log is the municipality's
 * record, not the caseworker's data, so a failed write is logged for support and shown nowhere.
 * A full disk is logged as an error of its own — it means audit events are being lost, which
 * must be findable in the console, never swallowed.
 */
export function recordAuditInBackground(input: AuditEventInput, database?: FremskudtDb): void {
  recordAuditEvent(input, database).catch((error: unknown) => {
    const failure = toDbError(error);
    if (failure.code === 'storage-full') {
      console.error('Audit event lost: the device storage is full', input.action, failure);
    } else {
      console.warn('Recording an audit event failed', input.action, failure);
    }
  });
}
