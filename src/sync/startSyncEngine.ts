import { db as appDb, vaultState, wipeUser, type FremskudtDb } from '../db';
import { createApiClient, type ApiClient } from './apiClient';
import { registerBackgroundSync } from './backgroundSync';
import { attachBrowserTriggers, browserSaysOnline } from './browserTriggers';
import { observeDb } from './observeDb';
import { workerPuller, type Puller } from './workerPull';
import { realScheduler, createTimer, type Scheduler } from './scheduler';
import { sessionToken } from './sessionToken';
import {
  createSyncEngineCore,
  type CycleOutcome,
  type CycleStart,
  type SyncTrigger,
} from './syncEngine';
import type { SyncLimits } from './syncOnce';
import { onSyncRequested } from './syncRequests';
import { syncStatus as appStatus, type SyncStatusStore } from './syncStatus';

export const WRITE_DEBOUNCE_MS = 1_500;
export const PERIODIC_SYNC_MS = 60_000;

export interface SyncEngineOptions {
  /** Defaults to the app's database. Tests pass one per simulated device. */
  db?: FremskudtDb;
  /** Defaults to a same-origin client using the session token in db.meta `session`. */
  api?: ApiClient;
  status?: SyncStatusStore;
  scheduler?: Scheduler;
  random?: () => number;
  debounceMs?: number;
  periodicMs?: number;
  backoff?: { baseMs?: number; maxMs?: number };
  limits?: SyncLimits;
  /** Watch the outbox and session for changes (default true). */
  observe?: boolean;
  /** Listen to browser events and register Background Sync (default: when a window exists). */
  browser?: boolean;
  /** 403 device-revoked; by default deletes the unlocked user's store and profile. */
  onDeviceRevoked?: () => void;
  /** Each cycle's start and why; in a browser by default a line in its console (debug level). */
  log?: (event: CycleStart) => void;
  /**
   * Pull in a dedicated worker (default: in a browser, with the default API client). Off: on
   * the main thread, as in Node tests.
   */
  pullWorker?: boolean;
}

const logCycleStart = ({ trigger, queued }: CycleStart) =>
  console.debug(`sync: cycle started (${trigger}${queued ? ', waited for the one before' : ''})`);

/** The server revoked this device for the unlocked user: their data must leave it now. */
function wipeRevokedUser(): void {
  const state = vaultState.get();
  if (state.status !== 'unlocked') return;
  wipeUser(state.profile.userId, 'revoked').catch((error: unknown) =>
    console.error('Could not delete the store of a revoked device', error),
  );
}

/**
 * The pulls in their own worker (src/sync/pullWorker.ts), with its own connection to `db` and
 * the same data key: on the main thread a first sync's parsing, validation, sealing and
 * IndexedDB writes came in tasks of 100–400 ms, which every key press typed meanwhile waited for.
 */
function startPullWorker(db: FremskudtDb): { pull: Puller; stop: () => void } | null {
  if (typeof Worker === 'undefined' || !db.sealer.dataKey) return null;
  const worker = new Worker(new URL('./pullWorker.ts', import.meta.url), {
    type: 'module',
    name: 'fremskudt-pull',
  });
  const { pull, close } = workerPuller(db, worker);
  return {
    pull,
    stop: () => {
      worker.terminate();
      close();
    },
  };
}

/** `stop()` is the handle itself and a method, so both `stop()` and `engine.stop()` read well. */
export interface SyncEngine {
  (): Promise<void>;
  stop: () => Promise<void>;
  syncNow: () => Promise<CycleOutcome>;
  trigger: (reason: SyncTrigger) => void;
  status: SyncStatusStore;
}

/**
 * Starts syncing this device's database with the server: at once, after each local write
 * (debounced), when the browser comes online or the tab becomes visible, when the service worker
 * asks, periodically while online, and with backoff after failures. Only one tab syncs at a time
 * (Web Locks). Offline it waits and keeps every change in the outbox.
 */
export function startSyncEngine(options: SyncEngineOptions = {}): SyncEngine {
  const db = options.db ?? appDb;
  const status = options.status ?? appStatus;
  const scheduler = options.scheduler ?? realScheduler;
  const debounceMs = options.debounceMs ?? WRITE_DEBOUNCE_MS;
  const api = options.api ?? createApiClient({ token: () => sessionToken(db) });
  const browser = options.browser ?? typeof window !== 'undefined';
  // The worker has its own client like the default one: not with a client passed in.
  const pullWorker = (options.pullWorker ?? (browser && !options.api)) ? startPullWorker(db) : null;
  const core = createSyncEngineCore({
    db,
    api,
    status,
    scheduler,
    random: options.random,
    periodicMs: options.periodicMs ?? PERIODIC_SYNC_MS,
    backoff: options.backoff,
    lockedRetryMs: debounceMs * 2,
    limits: options.limits,
    browserOnline: browser ? browserSaysOnline : undefined,
    onDeviceRevoked: options.onDeviceRevoked ?? wipeRevokedUser,
    log: options.log ?? (browser ? logCycleStart : undefined),
    pull: pullWorker?.pull,
  });
  const debounce = createTimer(scheduler);
  const afterWrite = () => {
    debounce.set(() => core.trigger('write'), debounceMs);
    if (browser) {
      registerBackgroundSync().catch((error: unknown) =>
        console.warn('Background Sync could not be registered', error),
      );
    }
  };
  const detach: (() => void)[] = [onSyncRequested(() => core.trigger('manual'))];
  if (options.observe ?? true) {
    detach.push(observeDb(db, { onWrite: afterWrite, onSession: core.sessionChanged }));
  }
  if (browser) detach.push(attachBrowserTriggers(core.trigger, status));
  // A new engine follows a (new) login: an earlier 401 pause no longer applies.
  if (status.getSnapshot().unauthorized) status.dispatch({ type: 'session-renewed' });
  core.trigger('start');

  const stop = async () => {
    debounce.clear();
    for (const off of detach.splice(0)) off();
    // First: the worker holds the data key, and a lock must not wait for its page to finish.
    pullWorker?.stop();
    await core.stop();
  };
  return Object.assign(stop, { stop, syncNow: core.syncNow, trigger: core.trigger, status });
}
