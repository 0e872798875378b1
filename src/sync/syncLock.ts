/** The lock every tab and the service worker take before syncing this database. */
export function syncLockName(dbName: string): string {
  // One name per database, so simulated devices in one test process do not block each other.
  return dbName === 'fremskudt' ? 'fremskudt-sync' : `fremskudt-sync:${dbName}`;
}

export type LockOutcome<T> = { ran: true; value: T } | { ran: false };

interface LockManagerLike {
  request<R>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<R>,
  ): Promise<R>;
}

function webLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** Where Web Locks are missing (Node tests, very old browsers) one process is the whole world. */
const heldInProcess = new Set<string>();

/**
 * Runs `fn` only if nobody else (another tab, the service worker, another engine in this process)
 * is syncing this database; otherwise returns `{ran: false}` at once instead of queueing, because
 * the one who holds the lock will send our entries too.
 */
export async function withSyncLock<T>(name: string, fn: () => Promise<T>): Promise<LockOutcome<T>> {
  const locks = webLocks();
  if (locks) {
    return locks.request(name, { ifAvailable: true }, async (lock): Promise<LockOutcome<T>> => {
      if (!lock) return { ran: false };
      return { ran: true, value: await fn() };
    });
  }
  if (heldInProcess.has(name)) return { ran: false };
  heldInProcess.add(name);
  try {
    return { ran: true, value: await fn() };
  } finally {
    heldInProcess.delete(name);
  }
}
