import { useLiveQuery } from 'dexie-react-hooks';
import { countPending } from '../db/outbox';

/** How many changes wait to be sent (pending outbox entries), live; used before logging out. */
export function usePendingCount(): number | undefined {
  return useLiveQuery(() => countPending(), []);
}
