import { useEffect, useRef } from 'react';
import type { EntityName } from '../domain';
import { recordAuditInBackground } from './recordAuditInBackground';

/**
 * Records one `read` audit event when a screen shows a record: once per mounted screen and
 * record id, not per render (live queries re-render on every change) — and once under React's
 * StrictMode double effects, because the ref survives them. Pass `undefined` while the record is
 * loading or missing: nothing was read then. Works offline; the event waits in the device's queue.
 */
export function useAuditRead(entity: EntityName, id: string | undefined): void {
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (!id) return;
    const key = `${entity}:${id}`;
    if (recorded.current === key) return;
    recorded.current = key;
    recordAuditInBackground({ action: 'read', entity, recordId: id });
  }, [entity, id]);
}
