import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecord } from '../helpers/sealedDb';
import { createApiClient } from '../../src/sync/apiClient';
import { sessionToken } from '../../src/sync/sessionToken';
import { startSyncEngine, type SyncEngine } from '../../src/sync/startSyncEngine';
import { createSyncStatusStore } from '../../src/sync/syncStatus';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { createDevice, deviceDb, reposFor } from './helpers/device';
import { citizenFields } from './helpers/factories';
import { createFaultyFetch } from './helpers/faultyFetch';
import { changesOf } from './helpers/serverLog';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dialect: 'sqlite' });
});
afterAll(async () => {
  await server.close();
});

/** A browser tab: its own Dexie connection to the device's database and its own engine. */
async function openTab(name: string, pushesInFlight: { now: number; max: number }) {
  const db = await deviceDb(name);
  const net = createFaultyFetch();
  const api = createApiClient({
    baseUrl: server.url,
    fetch: net.fetch,
    token: () => sessionToken(db),
  });
  const push = api.push;
  api.push = async (body) => {
    pushesInFlight.now++;
    pushesInFlight.max = Math.max(pushesInFlight.max, pushesInFlight.now);
    try {
      return await push(body);
    } finally {
      pushesInFlight.now--;
    }
  };
  const status = createSyncStatusStore();
  const engine: SyncEngine = startSyncEngine({ db, api, status, debounceMs: 20, browser: false });
  return { db, net, engine, status, repos: reposFor(db) };
}

describe('three tabs of the same device', () => {
  it('write while syncing, one closes mid-push, and nothing is duplicated or lost', async () => {
    const device = await createDevice(server, 'mette');
    const { ctx, name } = device;
    device.db.close();
    const inFlight = { now: 0, max: 0 };
    const tabs = [
      await openTab(name, inFlight),
      await openTab(name, inFlight),
      await openTab(name, inFlight),
    ];
    type Tab = Awaited<ReturnType<typeof openTab>>;
    const [a, b, c] = tabs as [Tab, Tab, Tab];
    // Tab A is closed right after the server committed its push, before it hears the answer.
    a.net.failNext('/api/sync/push', { kind: 'drop-response', before: () => void a.engine.stop() });

    const written: string[] = [];
    for (let round = 0; round < 8; round++) {
      for (const tab of tabs) {
        const citizen = await tab.repos.citizens.create(
          ctx,
          citizenFields({ firstName: `T${round}` }),
        );
        written.push(citizen.id);
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await b.engine.syncNow();
    await c.engine.syncNow();
    while ((await b.db.outbox.count()) > 0) await b.engine.syncNow();
    await Promise.all(tabs.map((t) => t.engine.stop()));

    expect(inFlight.max).toBe(1);
    expect(a.net.log.some((r) => r.outcome.startsWith('dropped'))).toBe(true);
    expect(await b.db.outbox.count()).toBe(0);
    for (const id of written) {
      const changes = await changesOf(server, id);
      expect(changes.map((ch) => ch.version)).toEqual([1]);
      expect(await readRecord<Record<string, unknown>>(c.db, 'citizens', id)).toMatchObject({
        version: 1,
      });
    }
    for (const tab of tabs) tab.db.close();
    await (await deviceDb(name)).delete();
  });
});
