import type { Scheduler } from '../../../src/sync/scheduler';
import type { SyncStatus, SyncStatusStore } from '../../../src/sync/syncStatus';

interface PendingTimer {
  id: number;
  at: number;
  ms: number;
  fn: () => void;
}

/**
 * Virtual time for the engine's own timers (debounce, periodic, backoff). Network and IndexedDB
 * keep running in real time, so a test can step through five minutes of backoff in milliseconds.
 */
export function createManualScheduler(start = new Date('2026-11-24T09:00:00.000Z')) {
  let now = start.getTime();
  let nextId = 1;
  const timers: PendingTimer[] = [];
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => {
      const timer = { id: nextId++, at: now + ms, ms, fn };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout: (handle) => {
      const i = timers.findIndex((t) => t.id === handle);
      if (i >= 0) timers.splice(i, 1);
    },
    now: () => new Date(now),
  };
  return {
    scheduler,
    /** Delays of the timers waiting now, in the order they were set. */
    pendingDelays: () => timers.map((t) => t.ms),
    /** Jumps to the earliest timer and fires it; returns its delay. */
    fireNext(): number {
      timers.sort((a, b) => a.at - b.at);
      const timer = timers.shift();
      if (!timer) throw new Error('No timer is waiting');
      now = timer.at;
      timer.fn();
      return timer.ms;
    },
  };
}

/** Resolves with the first status (now or later) that satisfies `predicate`. */
export function statusWhere(
  store: SyncStatusStore,
  predicate: (s: SyncStatus) => boolean,
  timeoutMs = 10_000,
): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    if (predicate(store.getSnapshot())) {
      resolve(store.getSnapshot());
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Status never matched; last: ${JSON.stringify(store.getSnapshot())}`));
    }, timeoutMs);
    const unsubscribe = store.subscribe(() => {
      const s = store.getSnapshot();
      if (!predicate(s)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
    });
  });
}

/** Resolves at the next failure or success the engine reports after this call. */
export function nextSettled(store: SyncStatusStore): Promise<SyncStatus> {
  const before = store.getSnapshot();
  return statusWhere(
    store,
    (s) =>
      s !== before &&
      s.phase.kind === 'idle' &&
      (s.lastSuccessAt !== before.lastSuccessAt ||
        s.nextRetryAt !== before.nextRetryAt ||
        s.lastError !== before.lastError),
  );
}
