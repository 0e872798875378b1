import { createExternalStore } from './externalStore';

/**
 * Who is in the middle of writing something (e.g. the note editor while a draft is open). The
 * update prompt consults it so a new version never interrupts a note being written.
 *
 * Usage from an editor: `useEffect(() => { markBusy('note-editor'); return () => unmarkBusy('note-editor'); }, [])`.
 */
const busyKeys = createExternalStore<ReadonlySet<string>>(new Set());

export function markBusy(key: string): void {
  busyKeys.update((keys) => (keys.has(key) ? keys : new Set([...keys, key])));
}

export function unmarkBusy(key: string): void {
  busyKeys.update((keys) => {
    if (!keys.has(key)) return keys;
    const next = new Set(keys);
    next.delete(key);
    return next;
  });
}

export function isBusy(): boolean {
  return busyKeys.get().size > 0;
}

export const subscribeBusy = busyKeys.subscribe;
