import { useEffect } from 'react';
import type { Session } from '../db/session';
import { startSyncEngine } from '../sync/startSyncEngine';

/** How the shell starts syncing; tests of screens pass null (no network in jsdom). */
export type StartSync = (() => { stop: () => Promise<void> }) | null;

export const defaultStartSync: StartSync = () => startSyncEngine();

/**
 * THE single call site of the sync engine: started while a session exists, stopped on logout.
 * The engine reads the token from db.meta itself, so it follows a re-login without a restart.
 */
export function useSyncEngine(session: Session | undefined, start: StartSync): void {
  const userId = session?.user.id;
  useEffect(() => {
    if (!userId || !start) return;
    const engine = start();
    return () => {
      engine
        .stop()
        .catch((error: unknown) => console.error('Could not stop the sync engine', error));
    };
  }, [userId, start]);
}
