import { useLiveQuery } from 'dexie-react-hooks';
import type { OutboxEntry } from '../db';
import { listRejectedIn } from '../sync/outboxQueries';

/** The changes the server refused, oldest first, live; undefined while loading. */
export function useOutboxRejected(): OutboxEntry[] | undefined {
  return useLiveQuery(() => listRejectedIn(), []);
}
