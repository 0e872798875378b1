import { useCallback } from 'react';
import { createApiClient, type ApiClient } from '../sync/apiClient';
import { signIn } from '../sync/signIn';

export { signOut, UnsentChangesError } from '../sync/signOut';
export { unlock } from '../sync/unlock';

/**
 * Logs in against the server (needs a network) and opens the user's encrypted store on this
 * device (a new one at the first login). Throws the client's ApiError (code 'unauthorized',
 * 'network', 'device-revoked', …) or a DbError for the screen to explain.
 */
export function useSignIn(client: () => ApiClient = () => createApiClient()) {
  return useCallback(
    async (username: string, password: string) => {
      await signIn(username, password, client());
    },
    [client],
  );
}
