import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/sync/apiClient';
import { startSyncEngine } from '../../../src/sync/startSyncEngine';
import type { CycleStart } from '../../../src/sync/syncEngine';
import { requestSync } from '../../../src/sync/syncRequests';
import { createSyncStatusStore } from '../../../src/sync/syncStatus';
import { makeCitizen, resetDb, signIn } from '../../helpers/factories';

/** A server that answers 503 when `release` is called, one request at a time. */
function slowUnavailableServer() {
  const waiting: (() => void)[] = [];
  const fetch = () =>
    new Promise<Response>((resolve) => {
      waiting.push(() =>
        resolve(
          new Response(JSON.stringify({ error: { code: 'unavailable', message: 'down' } }), {
            status: 503,
            headers: { 'content-type': 'application/json' },
          }),
        ),
      );
    });
  return {
    api: createApiClient({ fetch }),
    pending: () => waiting.length,
    release: () => waiting.splice(0).forEach((answer) => answer()),
  };
}

function engineWith(server: ReturnType<typeof slowUnavailableServer>, observe: boolean) {
  const started: CycleStart[] = [];
  const engine = startSyncEngine({
    api: server.api,
    status: createSyncStatusStore(),
    browser: false,
    observe,
    debounceMs: 5,
    // No retry within the test: the backoff's first delay is a minute.
    backoff: { baseMs: 60_000, maxMs: 60_000 },
    random: () => 1,
    log: (event) => started.push(event),
  });
  const stop = async () => {
    const stopping = engine.stop();
    server.release();
    await stopping;
  };
  return { engine, started, stop };
}

describe('the sync engine says why each cycle started', () => {
  it('logs the start, and one follow-up for the first trigger that came during a cycle', async () => {
    await resetDb();
    await signIn();
    const server = slowUnavailableServer();
    const { engine, started, stop } = engineWith(server, false);
    try {
      await expect.poll(() => server.pending()).toBe(1);
      expect(started).toEqual([{ trigger: 'start', queued: false }]);
      // While the first cycle waits for the server: "Synkroniser nu", then the browser online.
      requestSync();
      engine.trigger('online');
      server.release();
      await expect.poll(() => started.length).toBe(2);
      expect(started[1]).toEqual({ trigger: 'manual', queued: true });
      await expect.poll(() => server.pending()).toBe(1);
      server.release();
      // "Synkroniser nu" waits for every cycle in flight: no third one came of the two triggers.
      const manual = engine.syncNow();
      await expect.poll(() => server.pending()).toBe(1);
      server.release();
      await manual;
      expect(started).toEqual([
        { trigger: 'start', queued: false },
        { trigger: 'manual', queued: true },
        { trigger: 'manual', queued: false },
      ]);
    } finally {
      await stop();
    }
  });

  it('logs a local write as the trigger of the cycle it starts', async () => {
    await resetDb();
    await signIn();
    const server = slowUnavailableServer();
    const { started, stop } = engineWith(server, true);
    try {
      await expect.poll(() => server.pending()).toBe(1);
      server.release();
      await expect.poll(() => server.pending()).toBe(0);
      await makeCitizen();
      await expect.poll(() => started.at(-1)).toEqual({ trigger: 'write', queued: false });
    } finally {
      await stop();
    }
  });
});
