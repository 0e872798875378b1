import { countAuditEvents, db as appDb, type FremskudtDb } from '../db';
import { createApiClient, type ApiClient } from './apiClient';
import { deviceIdOf } from './deviceIdOf';
import { sendAuditEvents } from './sendAuditEvents';
import { sessionToken } from './sessionToken';
import { toSyncFailure } from './syncError';

/** Signing out must not hang on a poor connection for the sake of the audit queue. */
const SIGN_OUT_AUDIT_TIMEOUT_MS = 3_000;

/**
 * Signing out wipes the device, audit queue included. This makes one short attempt to send the
 * queued reads and searches first; offline or failing, it logs the loss as an error (they are the
 * municipality's record) and resolves, so signing out always works.
 */
export async function sendAuditBeforeSignOut(
  db: FremskudtDb = appDb,
  api: ApiClient = createApiClient({
    token: () => sessionToken(db),
    timeoutMs: SIGN_OUT_AUDIT_TIMEOUT_MS,
  }),
): Promise<void> {
  const queued = await countAuditEvents(db);
  if (queued === 0) return;
  try {
    await sendAuditEvents(db, api, { deviceId: await deviceIdOf(db) });
  } catch (error) {
    console.error(`Signing out: ${queued} audit events could not be sent and are lost`, {
      failure: toSyncFailure(error),
    });
  }
}
