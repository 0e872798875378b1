import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, loginOn } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

const AN_HOUR_AGO = new Date(Date.now() - 3_600_000).toISOString();

describe.each(DIALECTS)("a device's last seen time (%s)", (dialect) => {
  const f = useSeededApp(dialect);
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  async function appFlushingEvery(ms: number, addHooks?: (app: FastifyInstance) => void) {
    const app = await buildApp({
      config: f.testDb.config,
      database: f.database,
      lastSeenFlushMs: ms,
    });
    apps.push(app);
    addHooks?.(app);
    await app.ready();
    return app;
  }

  /** Signs in on `deviceId`, then sets the device's last_seen_at as if it were `at`. */
  async function deviceLastSeenAt(
    app: FastifyInstance,
    user: string,
    deviceId: string,
    at: string,
  ) {
    const { token } = await loginOn(app, user, deviceId);
    await f.database.db
      .updateTable('devices')
      .set({ last_seen_at: at })
      .where('id', '=', deviceId)
      .execute();
    return token;
  }

  const lastSeen = async (deviceId: string) =>
    (
      await f.database.db
        .selectFrom('devices')
        .select('last_seen_at')
        .where('id', '=', deviceId)
        .executeTakeFirstOrThrow()
    ).last_seen_at;

  const signedInRequest = async (app: FastifyInstance, token: string) => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: authHeaders(token),
    });
    expect(res.statusCode).toBe(200);
  };

  it('is written after the request, in a batch, and at the latest when the server closes', async () => {
    // The server (main.ts) closes the database in an onClose hook: what is pending must be
    // written before those run.
    let atOnClose: string | null = null;
    const app = await appFlushingEvery(3_600_000, (app) =>
      app.addHook('onClose', async () => {
        atOnClose = await lastSeen(`${dialect}-tablet-1`);
      }),
    );
    const token = await deviceLastSeenAt(app, 'anders', `${dialect}-tablet-1`, AN_HOUR_AGO);
    const before = Date.now();
    await signedInRequest(app, token);
    // The request did not write it (no UPDATE and commit of its own in the request path)...
    expect(await lastSeen(`${dialect}-tablet-1`)).toBe(AN_HOUR_AGO);
    // ...the server's shutdown writes what is pending.
    await app.close();
    expect(Date.parse(atOnClose ?? '')).toBeGreaterThanOrEqual(before);
  });

  it('is written for every device seen, at the next flush, while the server runs', async () => {
    const app = await appFlushingEvery(50);
    const before = Date.now();
    const sara = await deviceLastSeenAt(app, 'sara', `${dialect}-laptop-2`, AN_HOUR_AGO);
    const mette = await deviceLastSeenAt(app, 'mette', `${dialect}-tablet-3`, AN_HOUR_AGO);
    await signedInRequest(app, sara);
    await signedInRequest(app, mette);
    await vi.waitFor(
      async () => {
        expect(Date.parse((await lastSeen(`${dialect}-laptop-2`)) ?? '')).toBeGreaterThanOrEqual(
          before,
        );
        expect(Date.parse((await lastSeen(`${dialect}-tablet-3`)) ?? '')).toBeGreaterThanOrEqual(
          before,
        );
      },
      { timeout: 5_000 },
    );
  });

  it('is left alone when the device was seen in the last minute', async () => {
    const app = await appFlushingEvery(3_600_000);
    const recently = new Date(Date.now() - 20_000).toISOString();
    const token = await deviceLastSeenAt(app, 'anders', `${dialect}-phone-4`, recently);
    await signedInRequest(app, token);
    await app.close();
    expect(await lastSeen(`${dialect}-phone-4`)).toBe(recently);
  });
});
