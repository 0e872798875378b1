import { useLiveQuery } from 'dexie-react-hooks';
import { countUnsyncedOfRecord } from '../sync/outboxQueries';

export type RecordSyncState = 'local' | 'server';

/**
 * Whether a record's latest changes exist only on this device (outbox entries not yet
 * acknowledged, or refused) or are saved on the server. Undefined while loading.
 */
export function useRecordSync(recordId: string): RecordSyncState | undefined {
  const count = useLiveQuery(() => countUnsyncedOfRecord(recordId), [recordId]);
  if (count === undefined) return undefined;
  return count > 0 ? 'local' : 'server';
}
