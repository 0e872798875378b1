import { useLiveQuery } from 'dexie-react-hooks';
import { countUnsent } from '../db/outbox';

/** Pending plus refused changes, live: what logging out would lose (so it is refused). */
export function useUnsentCount(): number | undefined {
  return useLiveQuery(() => countUnsent(), []);
}
