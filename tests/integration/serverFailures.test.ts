import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getMeta, setMeta } from '../../src/db';
import { buildApp } from '../../src/server/app';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { createDevice, startEngineOnClock, type Device } from './helpers/device';
import { citizenFields } from './helpers/factories';
import { nextSettled, statusWhere } from './helpers/manualScheduler';
import { changesOf } from './helpers/serverLog';

let server: TestServer;
let restarted: FastifyInstance | null = null;
beforeAll(async () => {
  server = await startTestServer({ dialect: 'sqlite' });
});
afterAll(async () => {
  await restarted?.close();
  await server.close();
});

async function restartServer(): Promise<void> {
  const port = Number(new URL(server.url).port);
  restarted = await buildApp({ config: server.config, database: server.db, logger: false });
  await restarted.listen({ port, host: '127.0.0.1' });
}

describe('when the server fails', () => {
  let device: Device;

  it('keeps retrying with growing, jittered delays and no new writes, through 500s, a timeout and a restart mid-batch', async () => {
    device = await createDevice(server, 'mette', { timeoutMs: 300 });
    const ids: string[] = [];
    for (const name of ['Asta', 'Bo', 'Carl']) {
      ids.push(
        (await device.repos.citizens.create(device.ctx, citizenFields({ firstName: name }))).id,
      );
    }
    device.net.failNext('/api/sync/push', { kind: 'status', status: 500 }, 2);
    device.net.failNext('/api/sync/push', { kind: 'timeout' }, 1);
    device.net.failNext('/api/sync/push', { kind: 'drop-response' }, 1);
    const { engine, clock } = startEngineOnClock(device);
    try {
      let s = await nextSettled(device.status);
      expect(s.lastError?.code).toBe('internal');
      expect(s.connectivity).toBe('online');
      expect(clock.pendingDelays()).toEqual([1_000]);

      let settled = nextSettled(device.status);
      clock.fireNext();
      s = await settled;
      expect(s.lastError?.code).toBe('internal');
      expect(clock.pendingDelays()).toEqual([2_000]);

      settled = nextSettled(device.status);
      clock.fireNext();
      s = await settled;
      expect(s.lastError?.code).toBe('timeout');
      expect(s.connectivity).toBe('offline');
      expect(clock.pendingDelays()).toEqual([4_000]);

      // The server commits the whole batch, then goes down before the answer is sent.
      settled = nextSettled(device.status);
      clock.fireNext();
      s = await settled;
      expect(s.lastError?.code).toBe('network');
      await server.app.close();
      expect(await device.outbox()).toHaveLength(3);

      // While down, each retry is a cheap /healthz probe that fails, and the delay keeps growing.
      for (const expected of [16_000, 32_000]) {
        settled = nextSettled(device.status);
        clock.fireNext();
        s = await settled;
        expect(s.lastError?.code).toBe('network');
        expect(clock.pendingDelays()).toEqual([expected]);
      }
      const probes = device.net.log.filter((r) => r.path === '/healthz');
      expect(probes.length).toBeGreaterThanOrEqual(2);

      await restartServer();
      settled = nextSettled(device.status);
      clock.fireNext();
      s = await settled;
      expect(s.lastSuccessAt).not.toBeNull();
      expect(s.lastError).toBeNull();
      expect(s.connectivity).toBe('online');
      expect(await device.outbox()).toHaveLength(0);
      for (const id of ids) expect(await changesOf(server, id)).toHaveLength(1);
      // Back to the periodic schedule, not the backoff one.
      expect(clock.pendingDelays()).toEqual([60_000]);
    } finally {
      await engine.stop();
      await device.dispose();
    }
  });

  it('back from offline, asks the server first and says "Online" while it sends and fetches', async () => {
    const d = await createDevice(server, 'sara');
    await d.repos.citizens.create(d.ctx, citizenFields({ firstName: 'Ea' }));
    d.net.failNext('/api/sync/push', { kind: 'refuse' }, 1);
    const { engine } = startEngineOnClock(d);
    try {
      expect((await nextSettled(d.status)).connectivity).toBe('offline');
      // The connection is back ("Synkroniser nu", or the browser's `online` event).
      const seen: { connectivity: string; phase: string }[] = [];
      const unsubscribe = d.status.subscribe(() => {
        const s = d.status.getSnapshot();
        seen.push({ connectivity: s.connectivity, phase: s.phase.kind });
      });
      const logged = d.net.log.length;
      const outcome = await engine.syncNow();
      unsubscribe();
      expect(outcome.kind).toBe('synced');
      expect(await d.outbox()).toHaveLength(0);
      // One cheap probe before the push, and no moment of syncing while the header says offline.
      const paths = d.net.log.slice(logged).map((r) => r.path);
      expect(paths.indexOf('/healthz')).toBeGreaterThanOrEqual(0);
      expect(paths.indexOf('/healthz')).toBeLessThan(paths.indexOf('/api/sync/push'));
      expect(seen.some((s) => s.phase !== 'idle')).toBe(true);
      expect(seen.filter((s) => s.phase !== 'idle' && s.connectivity === 'offline')).toEqual([]);
    } finally {
      await engine.stop();
      await d.dispose();
    }
  });

  it('pauses on 401 without touching the outbox and resumes after a new login', async () => {
    const d = await createDevice(server, 'anders');
    await d.repos.citizens.create(d.ctx, citizenFields({ firstName: 'Dorte' }));
    const session = (await getMeta<{ token: string }>('session', d.db))!;
    await setMeta('session', { ...session, token: 'x'.repeat(40) }, { database: d.db });
    const { engine, clock } = startEngineOnClock(d);
    try {
      const s = await nextSettled(d.status);
      expect(s.unauthorized).toBe(true);
      expect(clock.pendingDelays()).toEqual([]);
      expect(await d.outbox()).toHaveLength(1);
      // Logging in again (any tab) stores a new session; the engine notices and syncs.
      await setMeta('session', session, { database: d.db });
      const after = await statusWhere(d.status, (x) => x.lastSuccessAt !== null);
      expect(after.unauthorized).toBe(false);
      expect(after.lastSuccessAt).not.toBeNull();
      expect(await d.outbox()).toHaveLength(0);
    } finally {
      await engine.stop();
      await d.dispose();
    }
  });

  it('stops and asks for an app update when the server says the protocol is outdated', async () => {
    const d = await createDevice(server, 'anders');
    await d.repos.citizens.create(d.ctx, citizenFields({ firstName: 'Erik' }));
    d.net.failNext('/api/sync/push', { kind: 'status', status: 426, code: 'protocol-outdated' });
    const { engine, clock } = startEngineOnClock(d);
    try {
      const s = await nextSettled(d.status);
      expect(s.updateRequired).toBe(true);
      expect(clock.pendingDelays()).toEqual([]);
      expect(await d.outbox()).toHaveLength(1);
      expect((await engine.syncNow()).kind).toBe('paused');
    } finally {
      await engine.stop();
      await d.dispose();
    }
  });
});
