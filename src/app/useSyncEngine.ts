import { useEffect } from 'react';
import type { Session } from '../db/session';

/**
 * THE single call site that starts the sync engine while a session exists and stops it on logout.
 * SYNC ENGINE CALL SITE: wire `startSyncEngine` from src/sync/startSyncEngine.ts here once the sync
 * engineer has added it (it returns stop()).
 */
export function useSyncEngine(session: Session | undefined): void {
  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    // startSyncEngine is not in the code base yet; nothing to start until it is.
    return undefined;
  }, [token]);
}
