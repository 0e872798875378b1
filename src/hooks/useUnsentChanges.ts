import { useLiveQuery } from 'dexie-react-hooks';
import { citizensByIds } from '../db/citizens';
import { listUnsent, type UnsentChange } from '../db/outbox';
import type { Citizen } from '../domain';

export interface UnsentChangeView extends UnsentChange {
  citizen?: Citizen;
}

/**
 * What waits on this device: every change not yet acknowledged by the server (waiting or
 * refused), oldest first, with its citizen; live, undefined while loading.
 */
export function useUnsentChanges(): UnsentChangeView[] | undefined {
  return useLiveQuery(async () => {
    const changes = await listUnsent();
    const ids = changes.flatMap((c) => (c.citizenId ? [c.citizenId] : []));
    const citizens = await citizensByIds(ids);
    return changes.map((c) => {
      const citizen = c.citizenId ? citizens.get(c.citizenId) : undefined;
      return citizen ? { ...c, citizen } : c;
    });
  }, []);
}
