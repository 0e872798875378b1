import { useCallback } from 'react';
import type { ApiClient } from '../sync/apiClient';

/**
 * Logs in against the server (needs a network) and opens the user's encrypted store on this
 * device (a new one at the first login). Throws the client's ApiError (code 'unauthorized',
 * 'network', 'device-revoked', …) or a DbError for the screen to explain. The client and the
 * login code (with the protocol's schemas) are loaded on submit, not with the login screen.
 */
export function useSignIn(client?: () => ApiClient) {
  return useCallback(
    async (username: string, password: string) => {
      const [{ signIn }, api] = await Promise.all([
        import('../sync/signIn'),
        client ? client() : import('../sync/apiClient').then((m) => m.createApiClient()),
      ]);
      await signIn(username, password, api);
    },
    [client],
  );
}
