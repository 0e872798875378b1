import { useCallback } from 'react';
import { getDeviceId } from '../db/meta';
import { clearLocalData, setSession } from '../db/session';
import { createApiClient, type ApiClient } from '../sync/apiClient';
import { sendAuditBeforeSignOut } from '../sync/sendAuditBeforeSignOut';

/**
 * Logs in against the server (needs a network the first time) and keeps the session in db.meta.
 * Throws the client's ApiError (code 'unauthorized', 'network', …) for the screen to explain.
 */
export function useSignIn(client: () => ApiClient = () => createApiClient()) {
  return useCallback(
    async (username: string, password: string) => {
      const response = await client().login(username, password);
      await setSession(response);
      await getDeviceId();
    },
    [client],
  );
}

/**
 * Logs out: wipes the whole local database, including changes not yet sent. Queued audit events
 * get one short attempt to reach the server first (they would be wiped too).
 */
export async function signOut(): Promise<void> {
  await sendAuditBeforeSignOut();
  await clearLocalData();
}
