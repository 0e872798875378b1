import type { FremskudtDb } from '../db';
import type { ApiClient } from './apiClient';
import type { Puller } from './workerPull';
import { backoffDelayMs } from './backoff';
import { createTimer, type Scheduler } from './scheduler';
import { isNoAnswer, toSyncFailure, type SyncFailure } from './syncError';
import { syncLockName, withSyncLock } from './syncLock';
import { syncOnce, type SyncLimits, type SyncSummary } from './syncOnce';
import type { SyncStatusStore } from './syncStatus';

/**
 * Why a cycle starts: the app starting (or unlocking), the browser coming online, the tab
 * becoming visible, a local write, the periodic timer, Background Sync (the service worker asks),
 * "Synkroniser nu", a retry after a failure, another tab's lock released, a new login.
 */
export type SyncTrigger =
  | 'start'
  | 'online'
  | 'visible'
  | 'write'
  | 'periodic'
  | 'background-sync'
  | 'manual'
  | 'retry'
  | 'after-lock'
  | 'session';

/** A cycle started: why, and whether the trigger came during the cycle before and waited. */
export interface CycleStart {
  trigger: SyncTrigger;
  queued: boolean;
}

export interface SyncEngineCore {
  /** Starts a cycle now (or right after the running one). Never throws; reports to the status. */
  trigger: (reason: SyncTrigger) => void;
  /** Runs a full cycle and resolves with its outcome (waits for a running one first). */
  syncNow: () => Promise<CycleOutcome>;
  /** The session changed (new login in some tab): lift the 401 pause and sync. */
  sessionChanged: () => void;
  stop: () => Promise<void>;
}

export type CycleOutcome =
  | { kind: 'synced'; summary: SyncSummary }
  | { kind: 'locked' }
  | { kind: 'failed'; failure: SyncFailure }
  | { kind: 'paused'; why: 'unauthorized' | 'update-required' | 'offline' | 'stopped' };

export interface SyncEngineCoreOptions {
  db: FremskudtDb;
  api: ApiClient;
  status: SyncStatusStore;
  scheduler: Scheduler;
  random?: () => number;
  periodicMs: number;
  backoff?: { baseMs?: number; maxMs?: number };
  /** How long to wait before trying again when another tab holds the sync lock. */
  lockedRetryMs: number;
  limits?: SyncLimits;
  /** The browser's own opinion; `false` is believed, `true` is not (captive portals, lie-fi). */
  browserOnline?: () => boolean;
  /** The server said this device is revoked (403 device-revoked): wipe this user's store. */
  onDeviceRevoked?: () => void;
  /** Told of every cycle as it starts, with its trigger (support asks "why did it sync?"). */
  log?: (event: CycleStart) => void;
  /** How to pull (the app: in its pull worker); by default `pullChanges` on this thread. */
  pull?: Puller;
}

/**
 * The engine's state machine without any browser wiring: one cycle at a time, a follow-up cycle
 * when triggered mid-cycle, periodic cycles after success, and exponential backoff with full
 * jitter after failure — which keeps retrying with no new writes and probes GET /healthz first
 * while the device looks offline.
 */
export function createSyncEngineCore(o: SyncEngineCoreOptions): SyncEngineCore {
  const timer = createTimer(o.scheduler);
  let inFlight: Promise<CycleOutcome> | null = null;
  /** The first trigger that came while a cycle ran: the follow-up cycle runs for it. */
  let again: SyncTrigger | null = null;
  let failures = 0;
  let stopped = false;
  let controller = new AbortController();
  const browserOnline = o.browserOnline ?? (() => true);

  const blocked = (): CycleOutcome | null => {
    const s = o.status.getSnapshot();
    if (stopped) return { kind: 'paused', why: 'stopped' };
    if (s.updateRequired) return { kind: 'paused', why: 'update-required' };
    if (s.unauthorized) return { kind: 'paused', why: 'unauthorized' };
    return null;
  };

  function scheduleRetry(failure: SyncFailure): void {
    failures++;
    const delay = backoffDelayMs(failures, { ...o.backoff, random: o.random });
    timer.set(retry, delay);
    o.status.dispatch({
      type: 'failed',
      error: failure,
      nextRetryAt: new Date(o.scheduler.now().getTime() + delay).toISOString(),
      offline: isNoAnswer(failure.code),
    });
  }

  function retry(): void {
    if (!blocked()) trigger('retry');
  }

  function settle(outcome: CycleOutcome): void {
    if (stopped) return;
    if (outcome.kind === 'synced') {
      failures = 0;
      o.status.dispatch({
        type: 'succeeded',
        at: o.scheduler.now().toISOString(),
        conflicts: outcome.summary.push.conflicts,
      });
      timer.set(() => trigger('periodic'), o.periodicMs);
    } else if (outcome.kind === 'locked') {
      // Another tab or the service worker is syncing; look again shortly in case our newest
      // writes came after its push.
      timer.set(() => trigger('after-lock'), o.lockedRetryMs);
    } else if (outcome.kind === 'failed') {
      const { failure } = outcome;
      if (failure.code === 'aborted') return;
      if (failure.code === 'device-revoked') {
        timer.clear();
        stopped = true;
        o.onDeviceRevoked?.();
      } else if (failure.code === 'unauthorized') {
        timer.clear();
        o.status.dispatch({ type: 'unauthorized', error: failure });
      } else if (failure.code === 'protocol-outdated') {
        timer.clear();
        o.status.dispatch({ type: 'update-required', error: failure });
      } else {
        scheduleRetry(failure);
      }
    }
  }

  async function runCycle(): Promise<CycleOutcome> {
    const refusal = blocked();
    if (refusal) return refusal;
    if (!browserOnline()) {
      o.status.dispatch({ type: 'connectivity', connectivity: 'offline' });
      return { kind: 'paused', why: 'offline' };
    }
    // While offline (a retry, the browser's `online` event, "Synkroniser nu"), a cheap probe
    // first: a failed one costs no full cycle, and a good one marks us online before the sync,
    // so the header never says "Offline" while it sends and fetches changes.
    if (o.status.getSnapshot().connectivity === 'offline') {
      try {
        await o.api.health();
      } catch (error) {
        return { kind: 'failed', failure: toSyncFailure(error) };
      }
      o.status.dispatch({ type: 'connectivity', connectivity: 'online' });
    }
    const signal = controller.signal;
    try {
      const locked = await withSyncLock(syncLockName(o.db.name), () =>
        syncOnce({
          db: o.db,
          api: o.api,
          status: o.status,
          signal,
          limits: o.limits,
          now: o.scheduler.now,
          pull: o.pull,
        }),
      );
      return locked.ran ? { kind: 'synced', summary: locked.value } : { kind: 'locked' };
    } catch (error) {
      o.status.dispatch({ type: 'phase', phase: { kind: 'idle' } });
      return { kind: 'failed', failure: toSyncFailure(error) };
    }
  }

  function start(reason: SyncTrigger, queued = false): Promise<CycleOutcome> {
    timer.clear();
    o.log?.({ trigger: reason, queued });
    const run = (async () => {
      try {
        const outcome = await runCycle();
        settle(outcome);
        return outcome;
      } finally {
        inFlight = null;
        const waiting = again;
        again = null;
        if (waiting && !stopped) void start(waiting, true);
      }
    })();
    inFlight = run;
    return run;
  }

  function trigger(reason: SyncTrigger): void {
    if (stopped) return;
    if (inFlight) {
      again ??= reason;
      return;
    }
    void start(reason);
  }

  return {
    trigger,
    async syncNow() {
      while (inFlight) await inFlight;
      return start('manual');
    },
    sessionChanged() {
      if (!o.status.getSnapshot().unauthorized) return;
      o.status.dispatch({ type: 'session-renewed' });
      trigger('session');
    },
    async stop() {
      stopped = true;
      timer.clear();
      controller.abort();
      controller = new AbortController();
      if (inFlight) await inFlight;
    },
  };
}
