import { liveQuery } from 'dexie';
import { countPending, type FremskudtDb } from '../db';
import { sessionToken } from './sessionToken';

/**
 * Calls `onWrite` whenever the number of pending outbox entries grows — in this tab or, through
 * Dexie's cross-tab change notifications, in another one — and `onSession` when the stored
 * session token changes (a new login). Returns the unsubscribe function.
 */
export function observeDb(
  db: FremskudtDb,
  handlers: { onWrite: () => void; onSession: () => void },
): () => void {
  let lastPending: number | null = null;
  const pending = liveQuery(() => countPending(db)).subscribe({
    next: (count) => {
      if (lastPending !== null && count > lastPending) handlers.onWrite();
      lastPending = count;
    },
    error: (error: unknown) => console.error('Watching the outbox failed', error),
  });
  let lastToken: string | undefined | null = null;
  const session = liveQuery(() => sessionToken(db)).subscribe({
    next: (token) => {
      if (lastToken !== null && token && token !== lastToken) handlers.onSession();
      lastToken = token;
    },
    error: (error: unknown) => console.error('Watching the session failed', error),
  });
  return () => {
    pending.unsubscribe();
    session.unsubscribe();
  };
}
