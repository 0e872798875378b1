import { describe, expect, it } from 'vitest';
import {
  INITIAL_SYNC_STATUS,
  describeSyncStatus,
  syncStatusReducer,
  type SyncEvent,
  type SyncStatus,
} from '../../../src/sync/syncStatusReducer';
import { createSyncStatusStore } from '../../../src/sync/syncStatus';

const run = (events: SyncEvent[], from: SyncStatus = INITIAL_SYNC_STATUS) =>
  events.reduce(syncStatusReducer, from);

const networkDown = {
  type: 'failed',
  error: { code: 'network', message: 'fetch failed' },
  nextRetryAt: '2026-11-24T10:00:04.000Z',
  offline: true,
} as const satisfies SyncEvent;

describe('sync status', () => {
  it('says "not yet synced" before the first sync and "synced" with the time after one', () => {
    expect(describeSyncStatus(INITIAL_SYNC_STATUS)).toEqual({ kind: 'not-yet-synced' });
    const after = run([{ type: 'succeeded', at: '2026-11-24T10:00:00.000Z', conflicts: 0 }]);
    expect(describeSyncStatus(after)).toEqual({
      kind: 'synced',
      lastSuccessAt: '2026-11-24T10:00:00.000Z',
    });
    expect(after.connectivity).toBe('online');
  });

  it('shows progress while pulling and returns to idle when done', () => {
    const pulling = run([{ type: 'phase', phase: { kind: 'pulling', done: 120, total: 4000 } }]);
    expect(describeSyncStatus(pulling)).toEqual({
      kind: 'syncing',
      phase: { kind: 'pulling', done: 120, total: 4000 },
    });
    const done = run(
      [{ type: 'succeeded', at: '2026-11-24T10:00:00.000Z', conflicts: 0 }],
      pulling,
    );
    expect(done.phase).toEqual({ kind: 'idle' });
  });

  it('goes offline when a request gets no answer, keeping the time of the last success', () => {
    const state = run([
      { type: 'succeeded', at: '2026-11-24T09:00:00.000Z', conflicts: 0 },
      networkDown,
    ]);
    expect(describeSyncStatus(state)).toEqual({
      kind: 'offline',
      lastSuccessAt: '2026-11-24T09:00:00.000Z',
    });
    expect(state.nextRetryAt).toBe('2026-11-24T10:00:04.000Z');
  });

  it('shows offline when the browser says so, even before any request failed', () => {
    expect(describeSyncStatus(INITIAL_SYNC_STATUS, false).kind).toBe('offline');
  });

  it('shows a server error with the retry time while the server answers but fails', () => {
    const state = run([
      {
        type: 'failed',
        error: { code: 'internal', message: 'boom' },
        nextRetryAt: '2026-11-24T10:00:08.000Z',
        offline: false,
      },
    ]);
    expect(describeSyncStatus(state)).toEqual({
      kind: 'error',
      error: { code: 'internal', message: 'boom' },
      nextRetryAt: '2026-11-24T10:00:08.000Z',
    });
  });

  it('counts the conflicts reported over several syncs', () => {
    const state = run([
      { type: 'succeeded', at: '2026-11-24T09:00:00.000Z', conflicts: 1 },
      { type: 'succeeded', at: '2026-11-24T09:01:00.000Z', conflicts: 2 },
    ]);
    expect(state.conflictsSeen).toBe(3);
  });

  it('asks for a new login after a 401 and clears that when the session is renewed', () => {
    const refused = run([
      { type: 'unauthorized', error: { code: 'unauthorized', message: 'expired' } },
    ]);
    expect(describeSyncStatus(refused)).toEqual({ kind: 'unauthorized' });
    const renewed = run([{ type: 'session-renewed' }], refused);
    expect(describeSyncStatus(renewed)).toEqual({ kind: 'not-yet-synced' });
  });

  it('puts "update the app" above everything else', () => {
    const state = run([
      { type: 'update-required', error: { code: 'protocol-outdated', message: 'old' } },
      networkDown,
      { type: 'phase', phase: { kind: 'pushing', done: 0, total: 3 } },
    ]);
    expect(describeSyncStatus(state)).toEqual({ kind: 'update-required' });
  });

  it('notifies subscribers on every change and stops after unsubscribe', () => {
    const store = createSyncStatusStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.dispatch({ type: 'connectivity', connectivity: 'online' });
    expect(calls).toBe(1);
    expect(store.getSnapshot().connectivity).toBe('online');
    unsubscribe();
    store.dispatch({ type: 'connectivity', connectivity: 'offline' });
    expect(calls).toBe(1);
  });
});
