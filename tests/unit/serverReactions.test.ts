import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, isUnlocked, userDbName } from '../../src/db/database';
import { countUnsent } from '../../src/db/outbox';
import { listProfiles, saveProfile } from '../../src/db/vault/profiles';
import { vaultState } from '../../src/db/vault/vault';
import { createApiClient } from '../../src/sync/apiClient';
import { signIn as signInOnline } from '../../src/sync/signIn';
import { startSyncEngine } from '../../src/sync/startSyncEngine';
import { createSyncStatusStore } from '../../src/sync/syncStatus';
import { METTE, METTE_PROFILE, makeCitizen, resetDb, signIn } from '../helpers/factories';

const answer = (status: number, body: unknown) =>
  vi.fn(() =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );

const revoked = { error: { code: 'device-revoked', message: 'This device was revoked' } };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the server's answers about the device", () => {
  it('403 device-revoked during sync deletes this user’s store and profile', async () => {
    await resetDb();
    await saveProfile(METTE_PROFILE);
    await signIn();
    await makeCitizen();
    const engine = startSyncEngine({
      api: createApiClient({ fetch: answer(403, revoked) }),
      status: createSyncStatusStore(),
      browser: false,
      observe: false,
    });
    await engine.syncNow();
    await engine.stop();
    await expect.poll(() => listProfiles()).toEqual([]);
    expect(vaultState.get()).toEqual({ status: 'locked', reason: 'revoked' });
    expect(await Dexie.exists(userDbName(METTE.id))).toBe(false);
  });

  it('403 device-revoked at login deletes the known profile’s store and says why', async () => {
    await resetDb();
    await saveProfile(METTE_PROFILE);
    const api = createApiClient({ fetch: answer(403, revoked) });
    await expect(signInOnline('mette', 'demo', api)).rejects.toMatchObject({
      code: 'device-revoked',
    });
    expect(await listProfiles()).toEqual([]);
    expect(isUnlocked()).toBe(false);
  });

  it('401 keeps the outbox and pauses until a new login', async () => {
    await resetDb();
    await signIn();
    await makeCitizen();
    const status = createSyncStatusStore();
    const engine = startSyncEngine({
      api: createApiClient({
        fetch: answer(401, { error: { code: 'unauthorized', message: 'expired' } }),
      }),
      status,
      browser: false,
      observe: false,
    });
    await engine.syncNow();
    await engine.stop();
    expect(status.getSnapshot().unauthorized).toBe(true);
    expect(await countUnsent(db)).toBe(1);
    expect(isUnlocked()).toBe(true);
  });
});
