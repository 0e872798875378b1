import { useCallback, useMemo } from 'react';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { ApiError, createApiClient, type ApiClient } from '../../sync/apiClient';

/** The API client with the session's token, and how a failed request reads to the user. */
export function useAdminApi(): {
  api: ApiClient | undefined;
  explain: (e: unknown, key?: 'admin.failed' | 'admin.saveFailed') => string;
} {
  const t = useT();
  const session = useSignedInSession();
  const api = useMemo(
    () => (session ? createApiClient({ token: () => session.token }) : undefined),
    [session],
  );
  const explain = useCallback(
    (e: unknown, key: 'admin.failed' | 'admin.saveFailed' = 'admin.failed') =>
      e instanceof ApiError && (e.code === 'network' || e.code === 'timeout')
        ? t('admin.offline')
        : t(key, {
            message:
              e instanceof ApiError && e.code === 'provider-managed'
                ? t('admin.error.providerManaged')
                : e instanceof Error
                  ? e.message
                  : String(e),
          }),
    [t],
  );
  return { api, explain };
}
