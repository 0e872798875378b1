import { useLiveQuery } from 'dexie-react-hooks';
import { countPending } from '../db/outbox';

/** How many changes wait to be sent (pending outbox entries), live; undefined while loading. */
export function usePendingCount(): number | undefined {
  return useLiveQuery(() => countPending(), []);
}
