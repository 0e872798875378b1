import { countUnsent, db, vaultState, wipeUser } from '../db';
import { createApiClient, type ApiClient } from './apiClient';
import { sendAuditBeforeSignOut } from './sendAuditBeforeSignOut';
import { sessionToken } from './sessionToken';
import { toSyncFailure } from './syncError';

/** Logging out must not hang on a poor connection. */
const LOGOUT_TIMEOUT_MS = 3_000;

/** Logout refused: changes would be lost with the store. */
export class UnsentChangesError extends Error {
  override readonly name = 'UnsentChangesError';
  constructor(readonly count: number) {
    super(`${count} changes are not on the server yet`);
  }
}

/**
 * Logs out: refused (UnsentChangesError) while the outbox holds pending or refused changes;
 * otherwise revokes the session on the server when it answers (offline: the session expires
 * there by itself), then deletes this user's store and profile from the device.
 */
export async function signOut(
  api: ApiClient = createApiClient({
    token: () => sessionToken(db),
    timeoutMs: LOGOUT_TIMEOUT_MS,
  }),
): Promise<void> {
  const state = vaultState.get();
  if (state.status !== 'unlocked') return;
  const unsent = await countUnsent();
  if (unsent > 0) throw new UnsentChangesError(unsent);
  await sendAuditBeforeSignOut(db, api);
  try {
    await api.logout();
  } catch (error) {
    console.warn('Logout could not reach the server; the session expires there', {
      failure: toSyncFailure(error),
    });
  }
  await wipeUser(state.profile.userId, 'signed-out');
}
